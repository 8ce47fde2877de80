import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizePath } from '$lib/i18n/locales';
import { isMessageKey, translate } from '$lib/i18n/translate';
import { formatMonth } from '$lib/format';
import { REPORT_FEE_REFUSED_LABELS } from '$lib/labels/doctor-report-labels';
import { findDocumentPatient, patientName } from '$lib/server/documents/document-patient';
import { readForm } from '$lib/server/http/read-form';
import { actorFrom } from '$lib/server/http/request-context';
import { notFound } from '$lib/server/http/not-found';
import { doctorReportPage, issueDoctorReport, REPORT_REMARKS_MAX } from '$lib/server/jukyo-claim/doctor-report';
import type { Actions, PageServerLoad } from './$types';

const isPatientId = (id: string) => z.uuid().safeParse(id).success;

/** The 施術報告書 for the consenting doctor (issue #19): offered in the consent period's last month. */
export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const patient = isPatientId(params.id) ? await findDocumentPatient(locals.db, params.id) : null;
	if (!patient) notFound(locals.locale);
	const page = await doctorReportPage(locals.db, patient.id, actorFrom(event));
	if (!page.ok) {
		if (page.code === 'forbidden') error(403, translate(locals.locale, 'error.forbiddenTitle'));
		notFound(locals.locale);
	}
	return {
		patient: { id: patient.id, name: patientName(patient, locals.locale) },
		report: page,
		issuedFee: url.searchParams.get('fee'),
		issued: url.searchParams.get('issued') === '1',
		issuedWithoutFee: url.searchParams.get('withoutFee') === '1',
		remarksMax: REPORT_REMARKS_MAX
	};
};

export const actions: Actions = {
	issue: async (event) => {
		const { locals, params, request } = event;
		if (!isPatientId(params.id)) notFound(locals.locale);
		const values = await readForm(request);
		const result = await issueDoctorReport(locals.db, params.id, values, actorFrom(event));
		if (!result.ok) {
			// The 交付料 would reach no claim and the desk did not tick "issue without the fee" (docs/jukyo-claim.md §9).
			if (result.code === 'fee_cannot_land') {
				const text = translate(locals.locale, REPORT_FEE_REFUSED_LABELS[result.reason], { month: formatMonth(result.month, locals.locale) });
				return fail(422, { values, errors: { _: text } });
			}
			if (result.code !== 'invalid') {
				if (result.code === 'not_found') notFound(locals.locale);
				return fail(403, { values, errors: { _: translate(locals.locale, 'error.forbiddenTitle') } });
			}
			const errors = Object.fromEntries(
				Object.entries(result.fields).map(([field, key]) => [field, translate(locals.locale, isMessageKey(key) ? key : 'jukyoReport.error.remarks')])
			);
			return fail(422, { values, errors });
		}
		const fee = result.feeMonth ? `&fee=${result.feeMonth}` : result.withoutFee ? '&withoutFee=1' : '';
		redirect(303, `${localizePath(`/staff/patients/${params.id}/insurance/report`, locals.locale)}?issued=1${fee}`);
	}
};
