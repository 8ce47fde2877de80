/*
 * The large seed behind `npm run seed:large` and bench/patients.ts: a register of many patients
 * with years of past appointments, to measure search and chart opening at a busy clinic's scale.
 * Deterministic: one seeded generator draws everything, ids included, so two runs on the same day
 * write the same data. All appointments lie in the past (completed, cancelled or no-show), so none
 * needs occupancy rows: those only guard slots that can still be booked.
 */
import { SYSTEM_ACTOR, recordAudit } from '../src/lib/server/audit/audit-log';
import type { Db } from '../src/lib/server/db/database';
import type { Insertable } from 'kysely';
import type { AppointmentStatus, AppointmentTable, PatientTable } from '../src/lib/server/db/schema';
import { withTransaction } from '../src/lib/server/db/transaction';
import { addDays, localDate, localInstant, weekdayOf } from '../src/lib/domain/time';
import { romajiKey } from '../src/lib/domain/patients/normalise';
import { formatPatientNumber } from '../src/lib/server/patients/patient-number';
import { searchKeyFor } from '../src/lib/server/patients/update-patient';
import { ADDRESSES, FAMILY_NAMES, FEMALE_NAMES, FOREIGN_NAMES, MALE_NAMES } from './seed-large-names';

export interface SeedLargeOptions {
	patients: number;
	appointments: number;
	/** The generator's seed: the same seed gives the same data. */
	seed?: number;
	/** Appointments lie in the `years` before `now`. */
	years?: number;
	now?: number;
	log?: (line: string) => void;
}

export type SeedLargeResult =
	{ ok: true; patients: number; appointments: number; seconds: number } | { ok: false; code: 'already_seeded' | 'interrupted' | 'no_clinic'; message: string };

/** The counter row that marks a database as seeded: `value` is 0 while a run is under way. */
export const SEED_MARKER = 'seed_large';
/** Rows per INSERT: 500 × 19 columns stays under SQLite's 32,766 bound parameters. */
const ROWS_PER_INSERT = 500;
/** Rows per transaction: big enough to amortise the commit, small enough to show progress. */
const ROWS_PER_TRANSACTION = 20_000;
const DAY = 86_400_000;
const MINUTE = 60_000;

/** sfc32: small, fast and good enough to draw test data; seeded, so runs repeat exactly. */
export function seededRandom(seed: number): () => number {
	let a = 0x9e3779b9 ^ seed;
	let b = 0x243f6a88;
	let c = 0xb7e15162;
	let d = seed >>> 0;
	const next = () => {
		a >>>= 0;
		b >>>= 0;
		c >>>= 0;
		d >>>= 0;
		let t = (a + b) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		d = (d + 1) | 0;
		t = (t + d) | 0;
		c = (c + t) | 0;
		return (t >>> 0) / 4294967296;
	};
	for (let i = 0; i < 16; i++) next();
	return next;
}

interface Draw {
	(): number;
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
	/** Early items more often (a rough Zipf law), as with surnames. */
	ranked<T>(items: readonly T[]): T;
	uuid(): string;
}

function drawFrom(random: () => number): Draw {
	const draw = (() => random()) as Draw;
	draw.int = (min, max) => min + Math.floor(random() * (max - min + 1));
	draw.pick = (items) => items[Math.floor(random() * items.length)]!;
	draw.ranked = (items) => items[Math.min(items.length - 1, Math.floor(items.length * random() ** 2.2))]!;
	draw.uuid = () => {
		const hex = Array.from({ length: 4 }, () =>
			Math.floor(random() * 2 ** 32)
				.toString(16)
				.padStart(8, '0')
		).join('');
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(random() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
	};
	return draw;
}

interface Clinic {
	timeZone: string;
	/** weekday → opening intervals in minutes since midnight */
	hours: Map<number, Array<[number, number]>>;
	practitioners: string[];
	beds: string[];
	services: Array<{ id: string; minutes: number; buffer: number; needsBed: boolean; newOnly: boolean; offeredBy: Set<string> }>;
}

async function readClinic(db: Db): Promise<Clinic | null> {
	const clinic = await db.kysely.selectFrom('clinic').select('time_zone').executeTakeFirst();
	const practitioners = await db.kysely.selectFrom('practitioner').select('id').where('active', '=', 1).orderBy('id').execute();
	const services = await db.kysely.selectFrom('service').selectAll().where('is_add_on', '=', 0).orderBy('sort_order').execute();
	if (!clinic || practitioners.length === 0 || services.length === 0) return null;
	const beds = await db.kysely.selectFrom('bed').select('id').orderBy('sort_order').execute();
	const offers = await db.kysely.selectFrom('practitioner_service').selectAll().execute();
	const opening = await db.kysely.selectFrom('opening_hours').selectAll().orderBy('weekday').orderBy('opens').execute();
	const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
	const hours = new Map<number, Array<[number, number]>>();
	for (const o of opening) hours.set(o.weekday, [...(hours.get(o.weekday) ?? []), [minutes(o.opens), minutes(o.closes)]]);
	// A clinic without opening hours on file still sees patients on weekdays.
	if (hours.size === 0) for (const weekday of [1, 2, 3, 4, 5]) hours.set(weekday, [[9 * 60, 18 * 60]]);
	return {
		timeZone: clinic.time_zone,
		hours,
		practitioners: practitioners.map((p) => p.id),
		beds: beds.map((b) => b.id),
		services: services.map((s) => ({
			id: s.id,
			minutes: s.duration_minutes,
			buffer: s.buffer_minutes,
			needsBed: s.needs_bed === 1,
			newOnly: s.new_patient_only === 1,
			offeredBy: new Set(offers.filter((o) => o.service_id === s.id).map((o) => o.practitioner_id))
		}))
	};
}

/** What the appointment phase needs to know about each patient. */
interface PatientPlan {
	id: string;
	locale: 'ja' | 'en';
	visits: number;
	/** Clinic-local day of the first visit. */
	firstDay: string;
	/** Days between visits: weekly for most courses of treatment. */
	interval: number;
	practitioner: string;
}

/** How many appointments each patient has: a few regulars with many, most with a handful. */
function spreadVisits(draw: Draw, patients: number, appointments: number): number[] {
	const weights = Array.from({ length: patients }, () => (-Math.log(1 - draw())) ** 1.5);
	const total = weights.reduce((a, b) => a + b, 0);
	const visits = weights.map((w) => Math.floor((w / total) * appointments));
	let missing = appointments - visits.reduce((a, b) => a + b, 0);
	for (let i = 0; missing > 0 && patients > 0; i = (i + 7919) % patients, missing--) visits[i]! += 1;
	return visits;
}

function mobilePhone(draw: Draw): string {
	if (draw() < 0.15) return `03-${draw.int(1000, 9999)}-${String(draw.int(0, 9999)).padStart(4, '0')}`;
	return `${draw.pick(['090', '080', '070'])}-${String(draw.int(0, 9999)).padStart(4, '0')}-${String(draw.int(0, 9999)).padStart(4, '0')}`;
}

function birthDate(draw: Draw, today: string): string {
	const year = Number(today.slice(0, 4)) - draw.int(18, 88);
	const month = draw.int(1, 12);
	const day = draw.int(1, [4, 6, 9, 11].includes(month) ? 30 : month === 2 ? 28 : 31);
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

async function insertInBatches<T>(db: Db, table: 'patient' | 'appointment', rows: T[]): Promise<void> {
	for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
		await db.kysely
			.insertInto(table)
			// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one helper for two tables' rows
			.values(rows.slice(i, i + ROWS_PER_INSERT) as any)
			.execute();
	}
}

function progress(log: (line: string) => void, what: string, total: number) {
	let nextTenth = 1;
	return (done: number) => {
		while (total > 0 && done >= (total * nextTenth) / 10 && nextTenth <= 10) {
			log(`  ${what}: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} (${nextTenth * 10}%)`);
			nextTenth++;
		}
	};
}

/**
 * Adds `patients` patients and `appointments` past appointments to the clinic's database, in
 * batched multi-row inserts, one transaction per 20,000 rows. Refuses a database it already seeded.
 */
export async function seedLarge(db: Db, options: SeedLargeOptions): Promise<SeedLargeResult> {
	const started = performance.now();
	const log = options.log ?? console.log;
	const now = options.now ?? Date.now();
	const years = options.years ?? 10;
	const draw = drawFrom(seededRandom(options.seed ?? 20_260_501));
	const clinic = await readClinic(db);
	if (!clinic)
		return { ok: false, code: 'no_clinic', message: 'The clinic has no practitioners or services yet: set them up (or start with the demo clinic) first.' };

	const claimed = await withTransaction(db, async (tx) => {
		const marker = await tx.kysely.selectFrom('counter').select('value').where('name', '=', SEED_MARKER).executeTakeFirst();
		if (marker) return marker.value;
		await tx.kysely.insertInto('counter').values({ name: SEED_MARKER, value: 0 }).execute();
		return null;
	});
	if (claimed !== null) {
		if (claimed > 0) {
			return {
				ok: false,
				code: 'already_seeded',
				message: `This database was already seeded with ${claimed.toLocaleString('en')} patients: seed:large runs once per database.`
			};
		}
		return {
			ok: false,
			code: 'interrupted',
			message: 'A large seed was started on this database and did not finish: restore a backup or start from a new database.'
		};
	}

	const today = localDate(now, clinic.timeZone);
	const spanDays = Math.max(30, Math.round(years * 365));
	const visitCounts = spreadVisits(draw, options.patients, options.appointments);
	const plans: PatientPlan[] = [];
	/** The most recent patients: a few register again and become the duplicates reception merges. */
	const recent: Array<Insertable<PatientTable>> = [];
	let batch: Array<Insertable<PatientTable>> = [];

	log(`Seeding ${options.patients.toLocaleString('en')} patients and ${options.appointments.toLocaleString('en')} appointments…`);
	const patientProgress = progress(log, 'patients', options.patients);
	// A tenth of the register at most per transaction, so progress shows in tenths.
	const patientsPerTransaction = Math.max(ROWS_PER_INSERT, Math.min(ROWS_PER_TRANSACTION, Math.ceil(options.patients / 10)));
	const flushPatients = async (done: number) => {
		const rows = batch;
		batch = [];
		await withTransaction(db, async (tx) => {
			// Numbers come from the register's counter, as for every new patient, one batch at a time.
			const counter = await tx.kysely
				.updateTable('counter')
				.set((eb) => ({ value: eb('value', '+', rows.length) }))
				.where('name', '=', 'patient_number')
				.returning('value')
				.executeTakeFirstOrThrow();
			const first = Number(counter.value) - rows.length + 1;
			rows.forEach((p, k) => (p.patient_number = formatPatientNumber(first + k)));
			await insertInBatches(tx, 'patient', rows);
		});
		patientProgress(done);
	};
	for (let i = 0; i < options.patients; i++) {
		const visits = visitCounts[i]!;
		// Room for every visit before today, even when closed days push a visit on by a day or two.
		const interval = Math.max(1, Math.min(draw.int(6, 14), Math.floor(spanDays / Math.max(1, visits)) - 3));
		const firstDay = addDays(today, -draw.int(Math.min(spanDays, visits * (interval + 2) + 2), spanDays));
		const createdAt = new Date(localInstant(firstDay, '00:00', clinic.timeZone) - draw.int(1, 14) * DAY).toISOString();
		const previous = recent.length > 0 && draw() < 0.004 ? draw.pick(recent) : null;
		const row = previous ? registeredAgain(draw, previous) : newPatient(draw, today);
		const id = draw.uuid();
		plans.push({ id, locale: row.preferred_locale, visits, firstDay, interval, practitioner: draw.ranked(clinic.practitioners) });
		const full = { ...row, id, created_at: createdAt };
		batch.push(full);
		recent[i % 5_000] = full;
		if (batch.length >= patientsPerTransaction || i === options.patients - 1) await flushPatients(i + 1);
	}

	const appointmentProgress = progress(log, 'appointments', options.appointments);
	let pending: Array<Insertable<AppointmentTable>> = [];
	let written = 0;
	const flush = async () => {
		await withTransaction(db, (tx) => insertInBatches(tx, 'appointment', pending));
		written += pending.length;
		pending = [];
		appointmentProgress(written);
	};
	const midnight = new Map<string, number>();
	for (const plan of plans) {
		let day = plan.firstDay;
		let bookedAt = localInstant(day, '00:00', clinic.timeZone) - draw.int(1, 14) * DAY;
		for (let visit = 0; visit < plan.visits; visit++) {
			day = nextOpenDay(clinic, day);
			const row = appointmentFor(draw, clinic, plan, visit, day, bookedAt, midnight);
			if (Date.parse(row.held_until) >= now) break;
			pending.push(row);
			bookedAt = Date.parse(row.starts_at);
			day = addDays(day, plan.interval);
			if (pending.length >= ROWS_PER_TRANSACTION) await flush();
		}
	}
	if (pending.length > 0) await flush();

	await withTransaction(db, async (tx) => {
		await tx.kysely.updateTable('counter').set({ value: options.patients }).where('name', '=', SEED_MARKER).execute();
		await recordAudit(tx, SYSTEM_ACTOR, { action: 'seed.large', detail: { patients: options.patients, appointments: written } });
	});
	const seconds = Math.round((performance.now() - started) / 100) / 10;
	log(`Seeded ${options.patients.toLocaleString('en')} patients and ${written.toLocaleString('en')} appointments in ${seconds} s.`);
	return { ok: true, patients: options.patients, appointments: written, seconds };
}

type PatientFields = Omit<Insertable<PatientTable>, 'id' | 'created_at'> & { preferred_locale: 'ja' | 'en' };

function newPatient(draw: Draw, today: string): PatientFields {
	const foreign = draw() < 0.01;
	const female = draw() < 0.55;
	const [familyName, familyNameKana] = foreign ? [draw.pick(FOREIGN_NAMES)[0], ''] : draw.ranked(FAMILY_NAMES);
	const [givenName, givenNameKana] = foreign ? [draw.pick(FOREIGN_NAMES)[1], ''] : draw.ranked(female ? FEMALE_NAMES : MALE_NAMES);
	const names = { familyName, givenName, familyNameKana, givenNameKana };
	const [postalCode, town] = draw.ranked(ADDRESSES);
	const local = romajiKey(foreign ? `${givenName}.${familyName}` : `${givenNameKana}${familyNameKana}`);
	return {
		family_name: familyName,
		given_name: givenName,
		family_name_kana: familyNameKana,
		given_name_kana: givenNameKana,
		email: draw() < 0.8 ? `${local}${draw.int(1, 9999)}@example.jp` : '',
		phone: mobilePhone(draw),
		date_of_birth: draw() < 0.97 ? birthDate(draw, today) : null,
		preferred_locale: foreign ? 'en' : 'ja',
		patient_number: null,
		romaji_key: searchKeyFor(names),
		sex: foreign ? '' : female ? 'female' : 'male',
		postal_code: postalCode,
		address: `${town}${draw.int(1, 5)}-${draw.int(1, 30)}-${draw.int(1, 20)}`,
		emergency_contact: '',
		updated_at: null
	};
}

/** The same person registered a second time (online, forgetting the first visit): a duplicate to find. */
function registeredAgain(draw: Draw, earlier: Insertable<PatientTable>): PatientFields {
	const fields = { ...earlier, patient_number: null } as PatientFields & { id?: string; created_at?: string };
	delete fields.id;
	delete fields.created_at;
	// Either the same phone and name with the e-mail left out, or the same e-mail and birth date
	// with a new phone number.
	if (draw() < 0.5) return { ...fields, email: '', address: '' };
	return { ...fields, phone: mobilePhone(draw), emergency_contact: '' };
}

function nextOpenDay(clinic: Clinic, day: string): string {
	let d = day;
	for (let i = 0; i < 7 && !clinic.hours.has(weekdayOf(d)); i++) d = addDays(d, 1);
	return d;
}

const STATUSES: Array<[AppointmentStatus, number]> = [
	['completed', 0.85],
	['cancelled', 0.09],
	['no_show', 0.06]
];

function appointmentFor(
	draw: Draw,
	clinic: Clinic,
	plan: PatientPlan,
	visit: number,
	day: string,
	bookedAt: number,
	midnight: Map<string, number>
): Insertable<AppointmentTable> {
	const practitioner = draw() < 0.9 ? plan.practitioner : draw.pick(clinic.practitioners);
	const offered = clinic.services.filter((s) => s.offeredBy.size === 0 || s.offeredBy.has(practitioner));
	const choices = offered.length > 0 ? offered : clinic.services;
	const firstVisit = visit === 0 && choices.some((s) => s.newOnly);
	const service = firstVisit
		? choices.find((s) => s.newOnly)!
		: draw.pick(choices.filter((s) => !s.newOnly).length > 0 ? choices.filter((s) => !s.newOnly) : choices);
	const intervals = clinic.hours.get(weekdayOf(day)) ?? [[9 * 60, 18 * 60]];
	const [opens, closes] = draw.pick(intervals);
	const slots = Math.max(1, Math.floor((closes - opens - service.minutes) / 15) + 1);
	const startMinute = opens + 15 * draw.int(0, slots - 1);
	if (!midnight.has(day)) midnight.set(day, localInstant(day, '00:00', clinic.timeZone));
	const start = midnight.get(day)! + startMinute * MINUTE;
	const end = start + service.minutes * MINUTE;
	const roll = draw();
	const status = roll < STATUSES[0]![1] ? 'completed' : roll < STATUSES[0]![1] + STATUSES[1]![1] ? 'cancelled' : 'no_show';
	const createdAt = Math.min(bookedAt, start - 30 * MINUTE);
	return {
		id: draw.uuid(),
		patient_id: plan.id,
		practitioner_id: practitioner,
		bed_id: service.needsBed && clinic.beds.length > 0 ? draw.pick(clinic.beds) : null,
		service_id: service.id,
		starts_at: new Date(start).toISOString(),
		ends_at: new Date(end).toISOString(),
		held_until: new Date(end + service.buffer * MINUTE).toISOString(),
		status,
		source: visit === 0 ? (draw() < 0.6 ? 'online' : draw() < 0.75 ? 'staff' : 'walk_in') : draw() < 0.7 ? 'staff' : 'online',
		first_visit: firstVisit ? 1 : 0,
		triage: null,
		manage_token_hash: null,
		locale: plan.locale,
		note: '',
		created_at: new Date(createdAt).toISOString(),
		cancelled_at: status === 'cancelled' ? new Date(start - draw.int(1, 72) * 60 * MINUTE).toISOString() : null
	};
}
