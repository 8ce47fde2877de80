import { MERGE_CONTACT_LABELS } from '$lib/labels/merge-contact-labels';
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { duplicateReasons } from '$lib/domain/patients/duplicates';
import {
	CONTACT_FIELDS,
	contactValue,
	isUncheckedEmail,
	needsChoice,
	type ContactChoice,
	type ContactDetails,
	type ContactField
} from '$lib/domain/patients/merge-contact';
import { localizePath } from '$lib/i18n/locales';
import { translate, type MessageKey } from '$lib/i18n/translate';
import { formFailure, parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import { duplicatesOf, type DuplicateCard } from '$lib/server/patients/find-duplicates';
import { getPatient, type PatientRecord } from '$lib/server/patients/get-patient';
import { mergePatients } from '$lib/server/patients/merge-patients';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

const isPatientId = (id: string | null): id is string => id !== null && z.uuid().safeParse(id).success;

/** A contact field's source: one of the two records' ids, or 'none' (no e-mail address). */
const ZContactSource = z.union([z.uuid(), z.literal('none')]).optional();

const ZMergeFormSchema = z.object({
	other: z.uuid({ error: 'patientMerge.error.other' }),
	survivor: z.uuid({ error: 'patientMerge.error.choose' }),
	confirm: z.literal('yes', { error: 'patientMerge.error.confirm' }),
	emailFrom: ZContactSource,
	phoneFrom: ZContactSource,
	addressFrom: ZContactSource,
	emailConfirmed: z.literal('yes').optional()
});

const contactOf = (p: PatientRecord): ContactDetails => ({
	email: p.email,
	emailSource: p.emailSource,
	phone: p.phone,
	postalCode: p.postalCode,
	address: p.address
});

/** What the form shows for each contact field: both values, whether the desk must choose, and which address is unchecked. */
function contactRows(a: PatientRecord, b: PatientRecord) {
	const [x, y] = [contactOf(a), contactOf(b)];
	return CONTACT_FIELDS.map((field) => ({
		field,
		choose: needsChoice(x, y, field),
		values: [
			{ id: a.id, value: contactValue(x, field), unchecked: field === 'email' && isUncheckedEmail(x) },
			{ id: b.id, value: contactValue(y, field), unchecked: field === 'email' && isUncheckedEmail(y) }
		]
	}));
}

function cardOf(p: PatientRecord): DuplicateCard {
	return {
		id: p.id,
		patientNumber: p.patientNumber,
		familyName: p.familyName,
		givenName: p.givenName,
		familyNameKana: p.familyNameKana,
		givenNameKana: p.givenNameKana,
		dateOfBirth: p.dateOfBirth,
		phone: p.phone,
		email: p.email,
		createdAt: p.createdAt
	};
}

/** The older record (lower number) is offered as the one to keep: its number is the one on file. */
function olderOf(a: DuplicateCard, b: DuplicateCard): string {
	return (a.patientNumber ?? '\uffff') <= (b.patientNumber ?? '\uffff') ? a.id : b.id;
}

export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const actor = actorFrom(event);
	const self = isPatientId(params.id) ? await getPatient(locals.db, params.id, actor) : null;
	if (!self) notFound(locals.locale);
	const patient = cardOf(self.patient);
	if (self.patient.mergedIntoId) return { patient, mergedIntoId: self.patient.mergedIntoId, other: null, candidates: [], problem: null };

	const otherId = url.searchParams.get('with');
	const other = isPatientId(otherId) && otherId !== params.id ? await getPatient(locals.db, otherId, actor) : null;
	if (!other || other.patient.mergedIntoId) {
		const candidates = await duplicatesOf(locals.db, params.id);
		const problem: MessageKey | null = otherId === null ? null : other ? 'patientMerge.error.already_merged' : 'patientMerge.error.other';
		return { patient, mergedIntoId: null, other: null, candidates, problem };
	}
	const card = cardOf(other.patient);
	return {
		patient,
		mergedIntoId: null,
		other: { card, reasons: duplicateReasons(patient, card), defaultSurvivor: olderOf(patient, card), contact: contactRows(self.patient, other.patient) },
		candidates: [],
		problem: null,
		timeZone: await recentClinicTimeZone(event.locals.db)
	};
};

const STATUS = { same_record: 422, not_found: 404, already_merged: 409 } as const;
const MESSAGE: Record<keyof typeof STATUS, MessageKey> = {
	same_record: 'patientMerge.error.same_record',
	not_found: 'patientMerge.error.not_found',
	already_merged: 'patientMerge.error.already_merged'
};

/** The form's record id (or 'none') as the use case's choice; unknown ids count as no choice. */
function choiceOf(value: string | undefined, survivor: string, merged: string): ContactChoice | undefined {
	if (value === 'none') return 'none';
	return value === survivor ? 'survivor' : value === merged ? 'merged' : undefined;
}

export const actions: Actions = {
	default: async (event) => {
		const { locals, params, request } = event;
		const t = (key: MessageKey) => translate(locals.locale, key);
		if (!isPatientId(params.id)) notFound(locals.locale);
		const form = await parseForm(request, ZMergeFormSchema, locals.locale);
		if (!form.ok) return form.failure;
		const { other, survivor } = form.data;
		if (survivor !== params.id && survivor !== other) return formFailure(422, form.values, { survivor: t('patientMerge.error.choose') });
		const mergedId = survivor === params.id ? other : params.id;
		const contact: Partial<Record<ContactField, ContactChoice>> = {};
		for (const field of CONTACT_FIELDS) {
			const choice = choiceOf(form.data[`${field}From`], survivor, mergedId);
			if (choice) contact[field] = choice;
		}
		const result = await mergePatients(
			locals.db,
			{ survivorId: survivor, mergedId, contact, emailConfirmed: form.data.emailConfirmed === 'yes' },
			actorFrom(event)
		);
		if (!result.ok) {
			if (result.code === 'contact_unchosen') {
				const errors = Object.fromEntries(
					result.fields.map((field) => [`${field}From`, translate(locals.locale, 'patientMerge.error.contact', { field: t(MERGE_CONTACT_LABELS[field]) })])
				);
				return formFailure(422, form.values, errors);
			}
			if (result.code === 'email_unconfirmed') return formFailure(422, form.values, { emailConfirmed: t('patientMerge.error.email_unconfirmed') });
			return formFailure(STATUS[result.code], form.values, {}, t(MESSAGE[result.code]));
		}
		redirect(303, localizePath(`/staff/patients/${survivor}`, locals.locale));
	}
};
