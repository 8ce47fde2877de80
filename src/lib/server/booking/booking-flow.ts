import type { Slot } from '../../domain/scheduling/availability';
import { parseLanguages, type ProfileLanguage } from '../../domain/scheduling/profile-languages';
import { addDays, localDate } from '../../domain/time';
import { ZTriageAnswersSchema, type TTriageAnswers } from '../triage/schemas';
import type { Db } from '../db/database';
import { listMainServices, listPractitionerProfilesFor } from '../scheduling-settings/settings-repository';
import { clockTime } from '../../format';
import { photoPath } from '../scheduling-settings/practitioner-photo';
import { getClinic } from '../clinic/clinic-repository';

/*
 * The data behind the public booking pages (/book and /booking/[token]): which treatments and
 * practitioners to offer, the booking window in clinic-local days, and free slots reduced to the
 * days and start times a person picks from.
 */

export interface BookableService {
	id: string;
	name: { ja: string; en: string };
	durationMinutes: number;
	priceJpy: number;
	/** For new patients only: booking it says this is a first visit. */
	newPatientOnly: boolean;
	/** What the patient reads under the name; '' when the clinic wrote none (issue #22). */
	description: { ja: string; en: string };
}

export interface BookablePractitioner {
	id: string;
	name: { ja: string; en: string };
	/** Short bio under the name; '' when none (issue #22). */
	bio: { ja: string; en: string };
	languages: ProfileLanguage[];
	/** The photo's public address, or null when the clinic gave none (issue #22). */
	photo: string | null;
}

export interface BookingWindow {
	timeZone: string;
	/** Clinic-local days, both included. */
	today: string;
	lastDay: string;
	/** 'YYYY-MM' from this month to the month of the last bookable day. */
	months: string[];
}

export interface FreeTime {
	/** Clinic-local 'HH:MM'. */
	time: string;
	start: number;
	/** The first practitioner free at this time (practitioners are tried in a stable order). */
	practitionerId: string;
}

/** Treatments a patient may book themselves: bookable online and not an add-on. */
export async function listBookableServices(db: Db): Promise<BookableService[]> {
	const rows = await listMainServices(db, { onlineOnly: true });
	return rows.map((s) => ({
		id: s.id,
		name: { ja: s.name_ja, en: s.name_en },
		durationMinutes: s.duration_minutes,
		priceJpy: s.price_jpy,
		newPatientOnly: s.new_patient_only === 1,
		description: { ja: s.description_ja, en: s.description_en }
	}));
}

/** Active practitioners who offer the service. */
export async function listPractitionersFor(db: Db, serviceId: string): Promise<BookablePractitioner[]> {
	const rows = await listPractitionerProfilesFor(db, serviceId);
	return rows.map((p) => ({
		id: p.id,
		name: { ja: `${p.family_name_ja} ${p.given_name_ja}`, en: `${p.given_name_en} ${p.family_name_en}` },
		bio: { ja: p.bio_ja, en: p.bio_en },
		languages: parseLanguages(p.languages),
		photo: p.photo_version ? photoPath(p.id, p.photo_version) : null
	}));
}

export async function bookingWindow(db: Db, now: number): Promise<BookingWindow> {
	const clinic = await getClinic(db);
	const today = localDate(now, clinic.time_zone);
	const lastDay = addDays(today, clinic.horizon_days);
	const months: string[] = [];
	for (let month = today.slice(0, 7); month <= lastDay.slice(0, 7); month = nextMonth(month)) months.push(month);
	return { timeZone: clinic.time_zone, today, lastDay, months };
}

/** The part of a month inside the booking window, or null when none of it is. */
export function monthRange(month: string, window: BookingWindow): { from: string; to: string } | null {
	const from = `${month}-01` < window.today ? window.today : `${month}-01`;
	const monthEnd = addDays(`${nextMonth(month)}-01`, -1);
	const to = monthEnd > window.lastDay ? window.lastDay : monthEnd;
	return from <= to ? { from, to } : null;
}

export function nextMonth(month: string): string {
	return addDays(`${month}-28`, 7).slice(0, 7);
}

export function previousMonth(month: string): string {
	return addDays(`${month}-01`, -1).slice(0, 7);
}

/** Clinic-local days that have at least one free slot. */
export function daysWithSlots(slots: readonly Slot[], timeZone: string): Set<string> {
	return new Set(slots.map((s) => localDate(s.start, timeZone)));
}

/** Each start time once, in order, with the first practitioner free at it. */
export function freeTimes(slots: readonly Slot[], timeZone: string): FreeTime[] {
	const times: FreeTime[] = [];
	for (const slot of [...slots].sort((a, b) => a.start - b.start)) {
		if (times.at(-1)?.start === slot.start) continue;
		times.push({ time: clockTime(slot.start, timeZone), start: slot.start, practitionerId: slot.practitionerId });
	}
	return times;
}

export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_TRIAGE_LENGTH = 2_000;

/** Self-check answers as the booking flow's cookie keeps them: base64url JSON. */
export function encodeTriage(answers: TTriageAnswers): string {
	return Buffer.from(JSON.stringify(answers)).toString('base64url');
}

/**
 * Self-check answers kept by the booking flow (encodeTriage). Anything that does not parse as
 * the triage contract is ignored: the booking goes ahead without it.
 */
export function decodeTriage(param: string | null | undefined): TTriageAnswers | undefined {
	if (!param || param.length > MAX_TRIAGE_LENGTH || !/^[A-Za-z0-9_-]+$/.test(param)) return undefined;
	try {
		const parsed = ZTriageAnswersSchema.safeParse(JSON.parse(Buffer.from(param, 'base64url').toString('utf8')));
		return parsed.success ? parsed.data : undefined;
	} catch {
		return undefined;
	}
}
