import { isKeptFor, type RetentionDuty, type RetentionReason } from '../../domain/patients/retention';
import type { Updateable } from 'kysely';
import type { Db } from '../db/database';
import type { PatientTable as PatientRow } from '../db/schema';
import { searchKeyFor } from '../patients/update-patient';
import type { PatientTable } from './patient-tables';
import { TREATED_VISIT_STATUSES } from './retention-facts';

/*
 * Deleting a patient's data: everything that no retention duty covers is deleted or cleared, and
 * every record that stays names its reason (docs/clinical-rules.md §6). The caller runs it inside
 * its own transaction, together with its audit row: all of it happens, or none of it.
 */

/** Why rows stay. `ledger`: money rows after the tax period, which the schema never deletes. */
export type KeepReason = RetentionReason | 'ledger' | 'request_record' | 'audit_trail';

/** Every table a deletion reports on: the patient's tables, the rows under a session, the outbox and the record itself. */
export type ErasedTable = PatientTable | 'session_point' | 'session_amendment' | 'mail_outbox' | 'patient';

export interface KeptRows {
	table: ErasedTable;
	rows: number;
	reason: KeepReason;
	/** The last day of the duty, when there is one. */
	until: string | null;
}

export interface ErasureReport {
	deleted: Partial<Record<ErasedTable, number>>;
	kept: KeptRows[];
	keptFields: Array<{ field: PersonalField; reason: RetentionReason }>;
	clearedFields: PersonalField[];
}

/** `request`: a deletion request marked done; `never_came`: the yearly deletion, which removes the record itself. */
export type ErasureMode = 'request' | 'never_came';

/** The 施術録's tables, children first, so no foreign key is left pointing at a deleted row. */
export const TREATMENT_TABLES_IN_ORDER = [
	'jukyo_doctor_report',
	'contraindication_override',
	'adverse_event',
	'treatment_session',
	'outcome_check_in',
	'clinic_instrument_score',
	'side_effect_report',
	'examination',
	'treatment_plan',
	'aftercare_note',
	'doctor_treatment',
	'consent_signature'
] as const satisfies readonly PatientTable[];

/** The patient's details a 施術録 holds (docs/insurance.md §5): name, birth date, sex, address, phone, insurance. */
const TREATMENT_RECORD_FIELDS = [
	'family_name',
	'given_name',
	'family_name_kana',
	'given_name_kana',
	'date_of_birth',
	'sex',
	'postal_code',
	'address',
	'phone',
	'insurer_number',
	'insurance_symbol',
	'insurance_number',
	'insurance_branch'
] as const;
/** The name receipts are made out to, which the books must still resolve. */
const ACCOUNTING_RECORD_FIELDS = ['family_name', 'given_name', 'family_name_kana', 'given_name_kana'] as const;
export const PERSONAL_FIELDS = [...TREATMENT_RECORD_FIELDS, 'email', 'emergency_contact'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/**
 * Deletes what no duty covers and reports what stays and why. With `dryRun` it writes nothing and
 * reports what it would do: the owner's preview before marking a request done.
 */
export async function erasePatientData(
	tx: Db,
	patientId: string,
	duties: readonly RetentionDuty[],
	mode: ErasureMode,
	now: Date,
	{ dryRun = false } = {}
): Promise<ErasureReport> {
	if (!dryRun && !tx.kysely.isTransaction) throw new Error('erasePatientData runs inside the caller’s transaction');
	if (mode === 'never_came' && duties.length > 0) throw new Error('a patient with records under a retention duty is not deleted');
	const treatmentKept = isKeptFor(duties, 'treatment_record');
	const accounting = duties.find((d) => d.reason === 'accounting_record') ?? null;
	const treatmentUntil = duties.find((d) => d.reason === 'treatment_record')?.keepUntil ?? null;
	const moneyReason: KeepReason = accounting && !accounting.over ? 'accounting_record' : 'ledger';
	const moneyUntil = accounting?.keepUntil ?? null;
	const report: ErasureReport = { deleted: {}, kept: [], keptFields: [], clearedFields: [] };
	const keep = (table: ErasedTable, rows: number, reason: KeepReason, until: string | null) => {
		if (rows > 0) report.kept.push({ table, rows, reason, until });
	};
	const deleted = (table: ErasedTable, rows: number) => {
		if (rows > 0) report.deleted[table] = (report.deleted[table] ?? 0) + rows;
	};
	const db = tx.kysely;
	const stamp = now.toISOString();
	/** Deletes the rows `refine` picks (or, in a dry run, counts them) and reports the number. */
	const drop = async (table: CountableTable | 'patient', column: 'patient_id' | 'session_id' | 'id', values: readonly string[], refine?: Refine) => {
		if (values.length === 0) return;
		if (dryRun) return deleted(table, await countWhere(tx, table, column, values, refine));
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one delete over tables of different shapes
		let query: any = db.deleteFrom(table as any).where(column, 'in', values);
		if (refine) query = refine(query);
		deleted(table, Number((await query.executeTakeFirst()).numDeletedRows));
	};

	// Erased first: the schema lets a consent signature go only with an erased patient (0020).
	const shells = await mergedShellsOf(tx, patientId);
	if (!dryRun)
		await db
			.updateTable('patient')
			.set({ erased_at: stamp })
			.where('id', 'in', [patientId, ...shells])
			.execute();

	// The in-progress questionnaire was never part of any record.
	await drop('intake', 'patient_id', [patientId], (q) => q.where('status', '=', 'in_progress'));

	// 施術録.
	const sessionIds = (await db.selectFrom('treatment_session').select('id').where('patient_id', '=', patientId).execute()).map((r) => r.id);
	if (treatmentKept) {
		for (const table of ['session_point', 'session_amendment'] as const)
			keep(table, await countWhere(tx, table, 'session_id', sessionIds), 'treatment_record', treatmentUntil);
		for (const table of [...TREATMENT_TABLES_IN_ORDER, 'doctor_consent', 'eligibility_check'] as const)
			keep(table, await countWhere(tx, table, 'patient_id', [patientId]), 'treatment_record', treatmentUntil);
		keep('intake', await countWhere(tx, 'intake', 'patient_id', [patientId], (q) => q.where('status', '=', 'submitted')), 'treatment_record', treatmentUntil);
	} else {
		for (const table of ['session_point', 'session_amendment'] as const) await drop(table, 'session_id', sessionIds);
		for (const table of TREATMENT_TABLES_IN_ORDER) await drop(table, 'patient_id', [patientId]);
		await drop('intake', 'patient_id', [patientId], (q) => q.where('status', '=', 'submitted'));
		// A doctor's consent a charge refers to stays with the books.
		const charged = db.selectFrom('charge').select('consent_id').where('consent_id', 'is not', null);
		keep('doctor_consent', await countWhere(tx, 'doctor_consent', 'patient_id', [patientId], (q) => q.where('id', 'in', charged)), moneyReason, moneyUntil);
		await drop('doctor_consent', 'patient_id', [patientId], (q) => q.where('id', 'not in', charged));
		// So does an eligibility check an insured charge relied on (issue #19).
		const relied = db.selectFrom('charge_insurance_card').select('eligibility_check_id').where('eligibility_check_id', 'is not', null);
		keep(
			'eligibility_check',
			await countWhere(tx, 'eligibility_check', 'patient_id', [patientId], (q) => q.where('id', 'in', relied)),
			moneyReason,
			moneyUntil
		);
		await drop('eligibility_check', 'patient_id', [patientId], (q) => q.where('id', 'not in', relied));
	}

	// The waiting list (issue #17): a wish, never a record. Its offers go first (they name
	// appointments), and a slot still held for the patient is freed.
	const entryIds = (
		await db
			.selectFrom('waitlist_entry')
			.select('id')
			.where('patient_id', 'in', [patientId, ...shells])
			.execute()
	).map((r) => r.id);
	if (!dryRun && entryIds.length > 0) {
		const holds = db.selectFrom('waitlist_offer').select('appointment_id').where('entry_id', 'in', entryIds).where('status', '=', 'offered');
		await db.deleteFrom('occupancy').where('appointment_id', 'in', holds).execute();
		await db.updateTable('appointment').set({ status: 'cancelled', cancelled_at: stamp }).where('id', 'in', holds).where('status', '=', 'blocked').execute();
		await db.deleteFrom('waitlist_offer').where('entry_id', 'in', entryIds).execute();
	}
	await drop('waitlist_entry', 'patient_id', [patientId, ...shells]);

	// A series is only a grouping of visits (issue #17): kept visits lose the link, the grouping goes.
	if (!dryRun)
		await db
			.updateTable('appointment')
			.set({ series_id: null })
			.where('patient_id', 'in', [patientId, ...shells])
			.where('series_id', 'is not', null)
			.execute();
	await drop('appointment_series', 'patient_id', [patientId, ...shells]);
	await drop('recall_invitation', 'patient_id', [patientId, ...shells]);

	// Appointments: a treated visit, or one a kept record refers to, stays; the rest go (booked ones too).
	const appointments = await db.selectFrom('appointment').select(['id', 'status']).where('patient_id', '=', patientId).execute();
	const chargedVisits = new Set([
		...(await db.selectFrom('charge').select('appointment_id').where('appointment_id', 'in', ids(appointments)).execute()).map((r) => r.appointment_id),
		// A cancellation fee names its visit and stays with the books.
		...(await db.selectFrom('cancellation_fee').select('appointment_id').where('appointment_id', 'in', ids(appointments)).execute()).map(
			(r) => r.appointment_id
		),
		// A visit that used a prepaid course is named by its ledger entry (issue #18).
		...(await db.selectFrom('package_entry').select('appointment_id').where('appointment_id', 'in', ids(appointments)).execute()).map((r) => r.appointment_id)
	]);
	const recordVisits = treatmentKept ? await appointmentsReferredToByRecords(tx, patientId) : new Set<string>();
	const treated = new Set<string>(TREATED_VISIT_STATUSES);
	let keptForTreatment = 0;
	let keptForMoney = 0;
	const gone: string[] = [];
	for (const a of appointments) {
		if (treatmentKept && (treated.has(a.status) || recordVisits.has(a.id))) keptForTreatment++;
		else if (chargedVisits.has(a.id)) keptForMoney++;
		else gone.push(a.id);
	}
	keep('appointment', keptForTreatment, 'treatment_record', treatmentUntil);
	keep('appointment', keptForMoney, moneyReason, moneyUntil);
	// Occupancy rows go with them (ON DELETE CASCADE); mail still queued for them is retired.
	for (const id of dryRun ? [] : gone) {
		await db
			.updateTable('job')
			.set({ done_at: stamp, last_error: 'patient data deleted' })
			.where('done_at', 'is', null)
			.where('payload', 'like', `%"appointmentId":"${id}"%`)
			.execute();
	}
	// A course marked for a visit that goes is only a plan (issue #18): the mark goes with it.
	if (!dryRun && gone.length > 0) await db.deleteFrom('appointment_package').where('appointment_id', 'in', gone).execute();
	if (!dryRun && gone.length > 0) await db.deleteFrom('appointment_plan').where('appointment_id', 'in', gone).execute();
	await drop('appointment', 'id', gone);

	for (const table of [
		'charge',
		'payment',
		'receipt',
		'cancellation_fee',
		'package_sale',
		'package_entry',
		'package_family_member',
		'package_plan',
		'jukyo_claim_version',
		'jukyo_month_confirmation',
		'jukyo_claim_outcome'
	] as const)
		keep(table, await countWhere(tx, table, 'patient_id', [patientId]), moneyReason, moneyUntil);

	if (mode === 'request') keep('deletion_request', await countWhere(tx, 'deletion_request', 'patient_id', [patientId]), 'request_record', null);
	else await drop('deletion_request', 'patient_id', [patientId]);

	for (const table of ['patient_session', 'patient_magic_link', 'line_link', 'line_login_attempt', 'line_delivery_failure'] as const)
		await drop(table, 'patient_id', [patientId, ...shells]);
	keep('audit_log', await countWhere(tx, 'audit_log', 'patient_id', [patientId]), 'audit_trail', null);

	deleted('mail_outbox', await deleteMailTo(tx, patientId, shells, dryRun));

	// The record itself: cleared down to what a duty still needs, or deleted with its shells.
	const person = await db.selectFrom('patient').selectAll().where('id', '=', patientId).executeTakeFirstOrThrow();
	const keptFields: readonly PersonalField[] = treatmentKept ? TREATMENT_RECORD_FIELDS : accounting && !accounting.over ? ACCOUNTING_RECORD_FIELDS : [];
	report.keptFields = keptFields.map((field) => ({ field, reason: treatmentKept ? 'treatment_record' : 'accounting_record' }));
	report.clearedFields = PERSONAL_FIELDS.filter((field) => !keptFields.includes(field) && !isBlank(person[field]));
	if (mode === 'never_came') {
		await drop('patient', 'id', [...shells, patientId]);
	} else if (!dryRun) {
		const cleared = clearedValues(PERSONAL_FIELDS.filter((field) => !keptFields.includes(field)));
		const kept = (field: 'family_name' | 'given_name' | 'family_name_kana' | 'given_name_kana') => (keptFields.includes(field) ? person[field] : '');
		const romajiKey = searchKeyFor({
			familyName: kept('family_name'),
			givenName: kept('given_name'),
			familyNameKana: kept('family_name_kana'),
			givenNameKana: kept('given_name_kana')
		});
		await db
			.updateTable('patient')
			.set({ ...cleared, romaji_key: romajiKey, updated_at: stamp })
			.where('id', '=', patientId)
			.execute();
		// A merged duplicate holds nothing but old details: all of them go.
		if (shells.length > 0)
			await db
				.updateTable('patient')
				.set({ ...clearedValues(PERSONAL_FIELDS), romaji_key: '', updated_at: stamp })
				.where('id', 'in', shells)
				.execute();
	}
	if (mode === 'request') {
		if (keptFields.length === 0) keep('patient', 1 + shells.length, 'request_record', null);
		else keep('patient', 1 + shells.length, treatmentKept ? 'treatment_record' : 'accounting_record', treatmentKept ? treatmentUntil : moneyUntil);
	}
	report.kept.sort((a, b) => a.table.localeCompare(b.table) || a.reason.localeCompare(b.reason));
	return report;
}

/** Records merged into this one (and into those, in turn): they hold only old details. */
async function mergedShellsOf(tx: Db, patientId: string): Promise<string[]> {
	const found: string[] = [];
	let frontier = [patientId];
	while (frontier.length > 0) {
		const next = (await tx.kysely.selectFrom('patient').select('id').where('merged_into_id', 'in', frontier).execute())
			.map((r) => r.id)
			.filter((id) => !found.includes(id));
		found.push(...next);
		frontier = next;
	}
	return found;
}

async function appointmentsReferredToByRecords(tx: Db, patientId: string): Promise<Set<string>> {
	const referred = new Set<string>();
	for (const table of ['examination', 'treatment_session', 'intake', 'outcome_check_in', 'side_effect_report', 'clinic_instrument_score'] as const) {
		const rows = await tx.kysely
			.selectFrom(table)
			.select('appointment_id')
			.where('patient_id', '=', patientId)
			.where('appointment_id', 'is not', null)
			.execute();
		for (const row of rows) referred.add(row.appointment_id!);
	}
	return referred;
}

/** Outbox copies of mail sent to the patient's address, unless another record still uses that address. */
async function deleteMailTo(tx: Db, patientId: string, shells: readonly string[], dryRun: boolean): Promise<number> {
	const mine = [patientId, ...shells];
	const addresses = (await tx.kysely.selectFrom('patient').select('email').where('id', 'in', mine).execute())
		.map((r) => r.email.trim().toLowerCase())
		.filter((e) => e !== '');
	let count = 0;
	for (const address of new Set(addresses)) {
		const shared = await tx.kysely
			.selectFrom('patient')
			.select('id')
			.where('id', 'not in', mine)
			.where('erased_at', 'is', null)
			.where((eb) => eb(eb.fn('lower', ['email']), '=', address))
			.executeTakeFirst();
		if (shared) continue;
		if (dryRun) {
			const row = await tx.kysely
				.selectFrom('mail_outbox')
				.select((eb) => eb.fn.countAll().as('n'))
				.where((eb) => eb(eb.fn('lower', ['recipient']), '=', address))
				.executeTakeFirstOrThrow();
			count += Number(row.n);
		} else {
			const result = await tx.kysely
				.deleteFrom('mail_outbox')
				.where((eb) => eb(eb.fn('lower', ['recipient']), '=', address))
				.executeTakeFirst();
			count += Number(result.numDeletedRows);
		}
	}
	return count;
}

type CountableTable = PatientTable | 'session_point' | 'session_amendment' | 'patient';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a narrowing clause on whichever table
type Refine = (query: any) => any;

async function countWhere(
	tx: Db,
	table: CountableTable,
	column: 'patient_id' | 'session_id' | 'id',
	values: readonly string[],
	refine?: Refine
): Promise<number> {
	if (values.length === 0) return 0;
	/* eslint-disable @typescript-eslint/no-explicit-any -- one count over tables of different shapes */
	let query: any = tx.kysely
		.selectFrom(table as any)
		.select((eb: any) => eb.fn.countAll().as('n'))
		.where(column, 'in', values);
	/* eslint-enable @typescript-eslint/no-explicit-any */
	if (refine) query = refine(query);
	return Number((await query.executeTakeFirstOrThrow()).n);
}

function clearedValues(fields: readonly PersonalField[]): Updateable<PatientRow> {
	const values: Updateable<PatientRow> = {};
	for (const field of fields) {
		if (field === 'date_of_birth') values.date_of_birth = null;
		else values[field] = '';
	}
	return values;
}

const isBlank = (value: string | null) => value === null || value.trim() === '';
const ids = (rows: ReadonlyArray<{ id: string }>) => (rows.length > 0 ? rows.map((r) => r.id) : ['']);
