import type { Locale } from '../../i18n/locales';
import { translate } from '../../i18n/translate';
import type { Db } from '../db/database';
import { listActivePractitionerNames, listMainServices, listPractitionerServices } from '../scheduling-settings/settings-repository';
import { fieldErrorsFrom, type FieldErrors } from '../http/field-errors';
import { ZJoinWaitlistSchema, type TJoinWaitlist } from './schemas';
import { getClinic } from '../clinic/clinic-repository';

/** How many preferred weekday-and-time rows the form offers (no JavaScript needed to add one). */
export const TIME_ROWS = 3;

export type BuiltWaitlistInput = { ok: true; input: TJoinWaitlist } | { ok: false; errors: FieldErrors };

/**
 * The waiting-list form (the patient's on `/book/waitlist`, the desk's) as the API contract's
 * input; errors come back keyed by the form's own field names (`email`, `time0End`, …).
 */
export function waitlistInputFrom(values: Record<string, string>, locale: Locale): BuiltWaitlistInput {
	const text = (key: string) => values[key]?.trim() ?? '';
	const optional = (key: string) => text(key) || undefined;
	const times = [];
	const rowOf: number[] = [];
	for (let row = 0; row < TIME_ROWS; row++) {
		if (text(`time${row}Weekday`) === '') continue;
		times.push({ weekday: text(`time${row}Weekday`), start: text(`time${row}Start`), end: text(`time${row}End`) });
		rowOf.push(row);
	}
	const candidate = {
		serviceId: text('serviceId'),
		practitionerId: optional('practitionerId'),
		from: text('from'),
		to: text('to'),
		times,
		locale,
		patient: {
			familyName: text('familyName'),
			givenName: text('givenName'),
			familyNameKana: optional('familyNameKana'),
			givenNameKana: optional('givenNameKana'),
			email: text('email'),
			phone: text('phone')
		},
		consent: { privacy: values.consent === 'yes' }
	};
	const parsed = ZJoinWaitlistSchema.safeParse(candidate);
	if (parsed.success) return { ok: true, input: parsed.data };
	const errors: FieldErrors = {};
	for (const [path, message] of Object.entries(fieldErrorsFrom(parsed.error, locale, candidate))) {
		const time = /^times\.(\d+)\.(weekday|start|end)$/.exec(path);
		const field = time
			? `time${rowOf[Number(time[1])]}${time[2]![0]!.toUpperCase()}${time[2]!.slice(1)}`
			: path === 'consent.privacy'
				? 'consent'
				: path.replace(/^patient\./, '');
		errors[field] ??= message;
	}
	return { ok: false, errors };
}

export interface WaitlistChoices {
	services: Array<{ id: string; name: { ja: string; en: string } }>;
	practitioners: Array<{ id: string; name: { ja: string; en: string }; serviceIds: string[] }>;
	holdMinutes: number;
}

/** The services and practitioners the form offers: online-bookable main treatments for patients, every main one for the desk. */
export async function waitlistChoices(db: Db, forDesk = false): Promise<WaitlistChoices> {
	const [serviceRows, practitionerRows, links, clinic] = await Promise.all([
		listMainServices(db, { onlineOnly: !forDesk }),
		listActivePractitionerNames(db),
		listPractitionerServices(db),
		getClinic(db)
	]);
	return {
		services: serviceRows.map((s) => ({ id: s.id, name: { ja: s.name_ja, en: s.name_en } })),
		practitioners: practitionerRows
			.map((p) => ({
				id: p.id,
				name: { ja: `${p.family_name_ja} ${p.given_name_ja}`, en: `${p.given_name_en} ${p.family_name_en}` },
				serviceIds: links.filter((l) => l.practitioner_id === p.id).map((l) => l.service_id)
			}))
			.filter((p) => p.serviceIds.length > 0),
		holdMinutes: clinic.waitlist_hold_minutes
	};
}

/** Why the waiting list refused a join, beside the field it concerns. */
export function joinRefusalErrors(code: 'service_not_found' | 'practitioner_not_found' | 'range_past', locale: Locale): FieldErrors {
	if (code === 'range_past') return { to: translate(locale, 'waitlist.rangePast') };
	if (code === 'practitioner_not_found') return { practitionerId: translate(locale, 'waitlist.practitionerNotFound') };
	return { serviceId: translate(locale, 'waitlist.serviceNotFound') };
}
