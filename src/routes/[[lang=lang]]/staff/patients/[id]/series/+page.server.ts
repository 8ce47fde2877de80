import { fail, redirect } from '@sveltejs/kit';
import { addDays, localDate } from '$lib/domain/time';
import { localizePath } from '$lib/i18n/locales';
import { translate, type MessageKey } from '$lib/i18n/translate';
import { recordAudit } from '$lib/server/audit/audit-log';
import type { FieldErrors } from '$lib/server/http/field-errors';
import { formFailure, parseForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { actorFrom } from '$lib/server/http/request-context';
import { loadScheduleResources } from '$lib/server/schedule/schedule-resources';
import { bookSeries } from '$lib/server/series/book-series';
import { previewSeries } from '$lib/server/series/preview-series';
import { ZSeriesRequestSchema, ZSeriesVisitSchema, type TSeriesRequest, type TSeriesVisit } from '$lib/server/series/schemas';
import { seriesPreviewRows } from '$lib/server/series/series-preview-rows';
import { loadPatientSeriesStatus } from '$lib/server/series/series-status';
import { MAX_SERIES_VISITS } from '$lib/domain/scheduling/series';
import type { Actions, PageServerLoad } from './$types';
import { findUnerasedPatientName } from '$lib/server/patients/get-patient';

const REFUSALS: Record<string, [number, MessageKey]> = {
	patient_not_found: [404, 'series.patientNotFound'],
	service_not_found: [404, 'series.serviceNotFound'],
	not_offered: [422, 'series.notOffered'],
	no_visits: [422, 'series.nothingToBook']
};

export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	const patient = await findUnerasedPatientName(locals.db, params.id);
	if (!patient) notFound(locals.locale, 'series.patientNotFound');
	const now = locals.db.clock.now().getTime();
	const [resources, status] = await Promise.all([loadScheduleResources(locals.db), loadPatientSeriesStatus(locals.db, patient.id, now)]);
	await recordAudit(locals.db, actorFrom(event), { action: 'series.form_read', entityType: 'patient', entityId: patient.id, patientId: patient.id });
	const today = localDate(now, resources.timeZone);
	const after = status.lastUpcoming ? localDate(Date.parse(status.lastUpcoming), resources.timeZone) : today;
	const frequency = status.plan?.frequencyPerWeek ?? 1;
	return {
		patient: { id: patient.id, familyName: patient.family_name, givenName: patient.given_name },
		status,
		timeZone: resources.timeZone,
		services: resources.services,
		practitioners: resources.practitioners,
		beds: resources.beds,
		defaults: {
			firstDate: addDays(after, Math.max(1, Math.round(7 / frequency))),
			time: '10:00',
			count: String(Math.min(MAX_SERIES_VISITS, Math.max(1, status.plan?.remaining ?? 6))),
			frequencyPerWeek: String(frequency),
			planId: status.plan?.id ?? ''
		}
	};
};

async function preview(locals: App.Locals, input: TSeriesRequest) {
	const result = await previewSeries(locals.db, input);
	if (!result.ok) return { ok: false as const, code: result.code };
	return { ok: true as const, rows: await seriesPreviewRows(locals.db, result.proposals, input.practitionerId) };
}

function refusal(locale: App.Locals['locale'], code: string, values: Record<string, string>) {
	const [status, key] = REFUSALS[code] ?? [422, 'validation.invalid'];
	return formFailure(status, values, {}, translate(locale, key));
}

/** The visits the preview proposed, as its hidden fields `visit0`, `visit1` … (`start|practitionerId`). */
function visitsFrom(values: Record<string, string>): TSeriesVisit[] | null {
	const visits: TSeriesVisit[] = [];
	for (let i = 0; i < MAX_SERIES_VISITS; i++) {
		const raw = values[`visit${i}`];
		if (raw === undefined) break;
		const [start, practitionerId] = raw.split('|');
		const parsed = ZSeriesVisitSchema.safeParse({ start, practitionerId });
		if (!parsed.success) return null;
		visits.push(parsed.data);
	}
	return visits;
}

export const actions: Actions = {
	preview: async (event) => {
		const { locals, params } = event;
		const form = await parseForm(event.request, ZSeriesRequestSchema, locals.locale);
		if (!form.ok) return form.failure;
		if (form.data.patientId !== params.id) return refusal(locals.locale, 'patient_not_found', form.values);
		const result = await preview(locals, form.data);
		if (!result.ok) return refusal(locals.locale, result.code, form.values);
		return { preview: { values: form.values, rows: result.rows } };
	},
	book: async (event) => {
		const { locals, params } = event;
		const form = await parseForm(event.request, ZSeriesRequestSchema, locals.locale);
		if (!form.ok) return form.failure;
		if (form.data.patientId !== params.id) return refusal(locals.locale, 'patient_not_found', form.values);
		const visits = visitsFrom(form.values);
		if (!visits) return formFailure(422, form.values, {}, translate(locals.locale, 'validation.formTitle'));
		const input = form.data;
		const result = await bookSeries(
			locals.db,
			{ patientId: input.patientId, serviceId: input.serviceId, practitionerId: input.practitionerId, bedId: input.bedId, planId: input.planId, visits },
			actorFrom(event)
		);
		if (result.ok) redirect(303, `${localizePath(`/staff/series/${result.seriesId}`, locals.locale)}?booked=${result.appointments.length}`);
		if (result.code !== 'conflict') return refusal(locals.locale, result.code, form.values);
		// Taken since the preview: nothing was written; show the preview again as it is now.
		const again = await preview(locals, input);
		return fail(409, {
			values: form.values,
			errors: {} as FieldErrors,
			message: translate(locals.locale, 'series.conflictMeanwhile'),
			preview: again.ok ? { values: form.values, rows: again.rows } : undefined
		});
	}
};
