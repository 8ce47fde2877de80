import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { seedClinic } from '../seed/demo-clinic';
import { createChargeForAppointment } from '../billing/create-charge';
import { issueReceipt } from '../billing/issue-receipt';
import { recordPayment } from '../billing/record-payment';
import { billingWorld, insertVisit } from '../billing/test-fixtures';
import { insertPatient as insertBillingPatient } from '../outcomes/test-fixtures';
import { duplicatesOf, listPossibleDuplicates } from './find-duplicates';
import { findOrCreatePatient } from './find-or-create-patient';
import { getPatient } from './get-patient';
import { loadChart } from './load-chart';
import { DELETED_TABLES, mergePatients, MOVED_TABLES } from './merge-patients';
import { nextPatientNumber } from './patient-repository';
import { searchPatients } from './search-patients';
import { searchKeyFor } from './update-patient';

const desk: AuditActor = { type: 'staff', id: 'reception-1', ip: null, requestId: null };
const AT = '2026-01-01T00:00:00.000Z';

interface Person {
	familyName: string;
	givenName: string;
	familyNameKana: string;
	givenNameKana: string;
	email: string;
	phone: string;
	dateOfBirth: string | null;
	address?: string;
	/** Where the e-mail came from: 'booking' for an address typed into the online booking form. */
	emailSource?: 'booking' | 'desk';
}

async function insertPatient(db: Db, p: Person): Promise<string> {
	const id = randomUUID();
	await db.kysely
		.insertInto('patient')
		.values({
			id,
			patient_number: await nextPatientNumber(db),
			family_name: p.familyName,
			given_name: p.givenName,
			family_name_kana: p.familyNameKana,
			given_name_kana: p.givenNameKana,
			email: p.email,
			phone: p.phone,
			date_of_birth: p.dateOfBirth,
			address: p.address ?? '',
			email_source: p.emailSource ?? 'desk',
			preferred_locale: 'ja',
			romaji_key: searchKeyFor(p),
			created_at: AT
		})
		.execute();
	return id;
}

/** The clinic, a staff member, a practitioner and a consent document the rows below refer to. */
async function seedReferences(db: Db) {
	await seedClinic(db, false);
	const staffId = randomUUID();
	await db.kysely
		.insertInto('staff')
		.values({
			id: staffId,
			email: 'sato@example.jp',
			display_name: '佐藤',
			role: 'practitioner',
			password_hash: 'x',
			totp_secret: null,
			totp_enabled: 0,
			totp_last_counter: null,
			disabled: 0,
			created_at: AT,
			password_changed_at: AT
		})
		.execute();
	const practitionerId = randomUUID();
	await db.kysely
		.insertInto('practitioner')
		.values({
			id: practitionerId,
			clinic_id: 'clinic-fuji-wellness',
			staff_id: staffId,
			family_name_ja: '佐藤',
			given_name_ja: '美穂',
			family_name_en: 'Sato',
			given_name_en: 'Miho',
			hari_licence: null,
			kyu_licence: null,
			active: 1
		})
		.execute();
	const documentId = randomUUID();
	await db.kysely
		.insertInto('consent_document')
		.values({
			id: documentId,
			kind: 'treatment',
			version: 1,
			required: 1,
			title_ja: '同意書',
			title_en: 'Consent',
			body_ja: '本文',
			body_en: 'Body',
			created_at: AT,
			created_by: null
		})
		.execute();
	return { staffId, practitionerId, documentId };
}

/** One row in every table that refers to a patient; two appointments, to count more than one. */
async function giveHistory(db: Db, patientId: string, refs: Awaited<ReturnType<typeof seedReferences>>, day: number) {
	const appointmentIds: string[] = [];
	for (const hour of [1, 3]) {
		const id = randomUUID();
		appointmentIds.push(id);
		const start = `2026-02-${String(day).padStart(2, '0')}T0${hour}:00:00.000Z`;
		await db.kysely
			.insertInto('appointment')
			.values({
				id,
				patient_id: patientId,
				practitioner_id: refs.practitionerId,
				bed_id: null,
				service_id: null,
				starts_at: start,
				ends_at: start.replace(/T0(\d)/, (_, h) => `T0${Number(h) + 1}`),
				held_until: start.replace(/T0(\d)/, (_, h) => `T0${Number(h) + 1}`),
				status: 'completed',
				source: 'staff',
				first_visit: 0,
				triage: null,
				manage_token_hash: null,
				locale: 'ja',
				created_at: AT,
				cancelled_at: null
			})
			.execute();
	}
	const appointmentId = appointmentIds[0]!;
	await db.kysely
		.insertInto('intake')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			appointment_id: appointmentId,
			status: 'submitted',
			current_step: 'done',
			answers: '{}',
			red_flag_level: null,
			red_flag_acknowledged_at: null,
			red_flag_acknowledged_by: null,
			entered_by_staff_id: null,
			created_at: AT,
			updated_at: AT,
			submitted_at: AT
		})
		.execute();
	await db.kysely
		.insertInto('consent_signature')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			document_id: refs.documentId,
			agreed: 1,
			signed_name: '署名',
			signed_at: AT,
			ip: null,
			user_agent: null,
			recorded_by_staff_id: null
		})
		.execute();
	await db.kysely
		.insertInto('outcome_check_in')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			appointment_id: appointmentId,
			recorded_at: AT,
			source: 'session',
			leg_pain: 5,
			back_pain: 3,
			psfs: null,
			sbi: null,
			pgic: null
		})
		.execute();
	await db.kysely
		.insertInto('side_effect_report')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			appointment_id: appointmentId,
			created_at: AT,
			kind: 'bruising',
			severity: 'mild',
			description: '',
			handled_at: null,
			handled_by: null
		})
		.execute();
	await db.kysely
		.insertInto('aftercare_note')
		.values({ id: randomUUID(), patient_id: patientId, staff_id: refs.staffId, created_at: AT, body: 'ストレッチ', shared_with_patient: 1 })
		.execute();
	await db.kysely
		.insertInto('deletion_request')
		.values({ id: randomUUID(), patient_id: patientId, created_at: AT, reason: '', status: 'declined', handled_at: AT, handled_by: refs.staffId })
		.execute();
	await db.kysely
		.insertInto('examination')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			appointment_id: appointmentId,
			practitioner_staff_id: refs.staffId,
			kind: 'initial',
			examined_at: AT,
			findings: '{}',
			suggested_root: 'S1',
			confirmed_root: null,
			pattern: 'taiyang',
			red_flag_positive: 0,
			created_at: AT,
			updated_at: AT
		})
		.execute();
	// Both records have an active plan: only one may stay active after the merge.
	const planId = randomUUID();
	await db.kysely
		.insertInto('treatment_plan')
		.values({
			id: planId,
			patient_id: patientId,
			created_by: refs.staffId,
			status: 'active',
			goals: '[]',
			frequency_per_week: 1,
			planned_sessions: 6,
			review_date: '2026-04-01',
			points: '[]',
			electroacupuncture: 0,
			moxibustion: 0,
			bloodletting: 0,
			notes: '',
			created_at: AT,
			updated_at: AT
		})
		.execute();
	await db.kysely
		.insertInto('contraindication_override')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			plan_id: planId,
			session_id: null,
			alert_code: 'anticoagulants',
			conflict: '{}',
			reason: '浅刺のみ',
			staff_id: refs.staffId,
			created_at: AT
		})
		.execute();
	const sessionId = randomUUID();
	await db.kysely
		.insertInto('treatment_session')
		.values({
			id: sessionId,
			patient_id: patientId,
			appointment_id: appointmentId,
			practitioner_staff_id: refs.staffId,
			bed_id: null,
			started_at: AT,
			closed_at: null,
			pre_leg_pain: null,
			pre_back_pain: null,
			check_in_id: null,
			timer_started_at: null,
			created_at: AT,
			updated_at: AT
		})
		.execute();
	await db.kysely
		.insertInto('adverse_event')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			session_id: sessionId,
			occurred_at: AT,
			kind: 'bruising',
			severity: 'mild',
			outcome: 'resolved',
			staff_id: refs.staffId,
			created_at: AT
		})
		.execute();
	await db.kysely.insertInto('patient_magic_link').values({ id: randomUUID(), patient_id: patientId, created_at: AT, expires_at: AT, used_at: null }).execute();
	await db.kysely.insertInto('patient_session').values({ id: randomUUID(), patient_id: patientId, created_at: AT, last_seen_at: AT, expires_at: AT }).execute();
}

const ALL_TABLES = [...MOVED_TABLES, ...DELETED_TABLES] as const;

async function countsFor(db: Db, patientId: string): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const table of ALL_TABLES) {
		const row = await db.kysely
			.selectFrom(table)
			.select((eb) => eb.fn.countAll().as('n'))
			.where('patient_id', '=', patientId)
			.executeTakeFirstOrThrow();
		counts[table] = Number(row.n);
	}
	return counts;
}

async function totals(db: Db): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const table of [...ALL_TABLES, 'patient'] as const) {
		const row = await db.kysely
			.selectFrom(table)
			.select((eb) => eb.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		counts[table] = Number(row.n);
	}
	return counts;
}

const HANAKO: Person = {
	familyName: '山田',
	givenName: '花子',
	familyNameKana: 'ヤマダ',
	givenNameKana: 'ハナコ',
	email: '',
	phone: '090-1234-5678',
	dateOfBirth: null
};
/** The same woman, registered again online with her e-mail and birth date and the kanji mistyped. */
const HANAKO_AGAIN: Person = {
	familyName: '山多',
	givenName: '花子',
	familyNameKana: 'ヤマダ',
	givenNameKana: 'ハナコ',
	email: 'hanako@example.jp',
	phone: '090-1234-5678',
	dateOfBirth: '1960-03-10',
	address: '東京都江戸川区'
};
const ICHIRO: Person = {
	familyName: '鈴木',
	givenName: '一郎',
	familyNameKana: 'スズキ',
	givenNameKana: 'イチロウ',
	email: 'ichiro@example.jp',
	phone: '090-0000-0002',
	dateOfBirth: '1967-04-11'
};

describeEachDatabase('merging duplicate patients', (db) => {
	let refs: Awaited<ReturnType<typeof seedReferences>>;
	let survivor = '';
	let merged = '';
	let other = '';

	it('finds the pair as possible duplicates, with the reasons, and not the stranger', async () => {
		refs = await seedReferences(db());
		survivor = await insertPatient(db(), HANAKO);
		merged = await insertPatient(db(), HANAKO_AGAIN);
		other = await insertPatient(db(), ICHIRO);
		await giveHistory(db(), survivor, refs, 2);
		await giveHistory(db(), merged, refs, 3);
		await giveHistory(db(), other, refs, 4);

		const ofSurvivor = await duplicatesOf(db(), survivor);
		expect(ofSurvivor.map((m) => [m.patient.id, m.reasons])).toEqual([[merged, ['phone_and_name']]]);
		expect(await duplicatesOf(db(), other)).toEqual([]);
		const pairs = await listPossibleDuplicates(db(), 50);
		expect(pairs.map((p) => [p.first.id, p.second.id, p.reasons])).toEqual([[survivor, merged, ['phone_and_name']]]);
		expect(pairs[0]!.first).toMatchObject({ patientNumber: 'P000001', familyName: '山田', phone: '090-1234-5678' });
	});

	it('refuses to merge a record into itself or an unknown record, changing nothing', async () => {
		const before = await totals(db());
		expect(await mergePatients(db(), { survivorId: survivor, mergedId: survivor }, desk)).toEqual({ ok: false, code: 'same_record' });
		expect(await mergePatients(db(), { survivorId: survivor, mergedId: randomUUID() }, desk)).toEqual({ ok: false, code: 'not_found' });
		expect(await totals(db())).toEqual(before);
	});

	it('moves every row to the survivor, deletes only sessions and links, and takes the contact details the desk chose', async () => {
		const before = await totals(db());
		const survivorBefore = await countsFor(db(), survivor);
		const mergedBefore = await countsFor(db(), merged);
		const otherBefore = await countsFor(db(), other);
		const result = await mergePatients(db(), { survivorId: survivor, mergedId: merged, contact: { email: 'merged', address: 'merged' } }, desk);
		expect(result).toMatchObject({
			ok: true,
			survivorId: survivor,
			moved: {
				appointment: 2,
				intake: 1,
				consent_signature: 1,
				outcome_check_in: 1,
				side_effect_report: 1,
				aftercare_note: 1,
				deletion_request: 1,
				examination: 1,
				treatment_plan: 1,
				contraindication_override: 1,
				treatment_session: 1,
				adverse_event: 1
			}
		});
		// The survivor's plan stays the active one; the merged record's plan moves with it, closed.
		const plans = await db().kysely.selectFrom('treatment_plan').select('status').where('patient_id', '=', survivor).orderBy('status').execute();
		expect(plans.map((p) => p.status)).toEqual(['active', 'closed']);
		expect(result.ok && [...result.filled].sort()).toEqual(['date_of_birth']);
		expect(result.ok && result.contact).toEqual([
			{ field: 'email', before: '', after: 'hanako@example.jp' },
			{ field: 'address', before: '', after: '東京都江戸川区' }
		]);

		const after = await countsFor(db(), survivor);
		for (const table of MOVED_TABLES) expect(after[table], table).toBe(survivorBefore[table]! + mergedBefore[table]!);
		// The survivor's e-mail address changed: the portal sessions and links opened without it end.
		for (const table of DELETED_TABLES) expect(after[table], table).toBe(0);
		expect(Object.values(await countsFor(db(), merged))).toEqual(ALL_TABLES.map(() => 0));
		expect(await countsFor(db(), other)).toEqual(otherBefore);
		const totalsAfter = await totals(db());
		for (const table of MOVED_TABLES) expect(totalsAfter[table], table).toBe(before[table]);
		expect(totalsAfter.patient).toBe(before.patient);
		for (const table of DELETED_TABLES) expect(totalsAfter[table], table).toBe(before[table]! - mergedBefore[table]! - survivorBefore[table]!);

		const rows = await db().kysely.selectFrom('patient').selectAll().where('id', 'in', [survivor, merged]).execute();
		const kept = rows.find((r) => r.id === survivor)!;
		expect(kept).toMatchObject({
			family_name: '山田',
			email: 'hanako@example.jp',
			date_of_birth: '1960-03-10',
			address: '東京都江戸川区',
			merged_into_id: null
		});
		expect(rows.find((r) => r.id === merged)).toMatchObject({ family_name: '山多', merged_into_id: survivor });
	});

	it('audits the merge with both ids and the contact values before and after, no other details', async () => {
		const audit = await db().kysely.selectFrom('audit_log').selectAll().where('action', '=', 'patient.merge').execute();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actor_id: 'reception-1', patient_id: survivor, entity_id: merged });
		expect(JSON.parse(audit[0]!.detail!)).toMatchObject({
			survivorId: survivor,
			mergedId: merged,
			contact: [
				{ field: 'email', before: '', after: 'hanako@example.jp' },
				{ field: 'address', before: '', after: '東京都江戸川区' }
			],
			emailConfirmedWithPatient: false
		});
		// The ids are random and may contain any digits: look for other personal details in the rest.
		const { survivorId: _s, mergedId: _m, contact: _c, ...rest } = JSON.parse(audit[0]!.detail!);
		for (const secret of ['hanako', '1960', '090', '山']) expect(JSON.stringify(rest)).not.toContain(secret);
	});

	it('refuses to merge an already-merged record, or into one', async () => {
		expect(await mergePatients(db(), { survivorId: other, mergedId: merged }, desk)).toEqual({ ok: false, code: 'already_merged' });
		expect(await mergePatients(db(), { survivorId: merged, mergedId: other }, desk)).toEqual({ ok: false, code: 'already_merged' });
		expect(await db().kysely.selectFrom('patient').select('merged_into_id').where('id', '=', other).executeTakeFirstOrThrow()).toEqual({
			merged_into_id: null
		});
	});

	it('leaves the merged record out of search and duplicates, and says where it went', async () => {
		expect((await searchPatients(db(), 'ヤマダ', desk)).map((p) => p.id)).toEqual([survivor]);
		expect(await listPossibleDuplicates(db(), 50)).toEqual([]);
		expect(await duplicatesOf(db(), survivor)).toEqual([]);
		expect((await getPatient(db(), merged, desk))?.patient.mergedIntoId).toBe(survivor);
		const chart = await loadChart(db(), survivor, desk);
		expect(chart?.patient.mergedIntoId).toBeNull();
		expect(chart?.appointments).toHaveLength(4);
		expect((await loadChart(db(), merged, desk))?.duplicates).toEqual([]);
	});

	it('books a returning patient who matches the merged record onto the survivor', async () => {
		const found = await findOrCreatePatient(
			db(),
			{ familyName: '山多', givenName: '花子', email: 'hanako@example.jp', phone: '090-9999-9999', dateOfBirth: '1960-03-10' },
			'ja'
		);
		expect(found).toEqual({ id: survivor, created: false });
	});
});

describeEachDatabase('merging duplicate patients with money on record', (db) => {
	it('moves the merged record’s charge, its payment and its receipt to the survivor, amounts unchanged', async () => {
		const world = await billingWorld(db());
		const survivorId = await insertBillingPatient(db());
		const mergedId = await insertBillingPatient(db());
		const visit = await insertVisit(db(), world, mergedId, '2027-11-02T01:00:00.000Z');
		// Charged on the visit's day: a visit is charged only from its day on (issue #22).
		const now = new Date('2027-11-02T03:00:00.000Z');
		const created = await createChargeForAppointment(db(), visit, { payer: 'self_pay' }, world.actor, { now });
		if (!created.ok) throw new Error(created.code);
		await recordPayment(db(), created.chargeId, { method: 'cash', amountJpy: 5500 }, world.actor, { now });
		const issued = await issueReceipt(db(), created.chargeId, world.actor, { now });
		if (!issued.ok) throw new Error(issued.code);

		const result = await mergePatients(db(), { survivorId, mergedId, contact: { email: 'survivor' } }, world.actor);
		expect(result).toMatchObject({ ok: true, moved: { charge: 1, payment: 1, receipt: 1, appointment: 1 } });
		const charge = await db().kysely.selectFrom('charge').select(['patient_id', 'due_jpy']).where('id', '=', created.chargeId).executeTakeFirstOrThrow();
		expect(charge).toEqual({ patient_id: survivorId, due_jpy: 5500 });
		const payments = await db().kysely.selectFrom('payment').select('patient_id').where('charge_id', '=', created.chargeId).execute();
		expect(payments).toEqual([{ patient_id: survivorId }]);
		const receipt = await db().kysely.selectFrom('receipt').select(['patient_id', 'number']).where('id', '=', issued.receipt.id).executeTakeFirstOrThrow();
		expect(receipt).toEqual({ patient_id: survivorId, number: issued.receipt.number });
	});
});

/**
 * The real patient, registered at the desk years ago with no e-mail on file, and someone else who
 * books online in her name and with her phone, giving their own address. Each test has its own pair.
 */
async function realAndImpostor(db: Db, n: number): Promise<[string, string]> {
	const real: Person = {
		familyName: '田中',
		givenName: `節子${n}`,
		familyNameKana: 'タナカ',
		givenNameKana: 'セツコ',
		email: '',
		phone: `0900000000${n}`,
		dateOfBirth: '1950-05-05',
		address: '世田谷区1-1'
	};
	const impostor: Person = { ...real, email: 'outsider@example.com', emailSource: 'booking', phone: `090-0000-000${n}`, address: '' };
	return [await insertPatient(db, real), await insertPatient(db, impostor)];
}

async function portalAccess(db: Db, patientId: string) {
	const sessions = await db.kysely.selectFrom('patient_session').select('id').where('patient_id', '=', patientId).execute();
	const links = await db.kysely.selectFrom('patient_magic_link').select('id').where('patient_id', '=', patientId).where('used_at', 'is', null).execute();
	return { sessions: sessions.length, links: links.length };
}

async function givePortalAccess(db: Db, patientId: string) {
	await db.kysely
		.insertInto('patient_session')
		.values({ id: randomUUID(), patient_id: patientId, created_at: AT, last_seen_at: AT, expires_at: '2099-01-01T00:00:00.000Z' })
		.execute();
	await db.kysely
		.insertInto('patient_magic_link')
		.values({ id: randomUUID(), patient_id: patientId, created_at: AT, expires_at: '2099-01-01T00:00:00.000Z', used_at: null })
		.execute();
}

describeEachDatabase('a merge never hands a record to an address nobody checked (issue #16)', (db) => {
	it('finds records whose phones differ only in hyphens', async () => {
		const [real, impostor] = await realAndImpostor(db(), 1);
		expect((await duplicatesOf(db(), real)).map((m) => [m.patient.id, m.reasons])).toEqual([[impostor, expect.arrayContaining(['phone_and_name'])]]);
		const pairs = await listPossibleDuplicates(db(), 50);
		expect(pairs.map((p) => [p.first.id, p.second.id])).toContainEqual([real, impostor]);
	});

	it('refuses to carry the booking’s address onto the older record without a choice or a confirmation', async () => {
		const [real, impostor] = await realAndImpostor(db(), 2);
		expect(await mergePatients(db(), { survivorId: real, mergedId: impostor }, desk)).toEqual({
			ok: false,
			code: 'contact_unchosen',
			fields: ['email', 'address']
		});
		expect(await mergePatients(db(), { survivorId: real, mergedId: impostor, contact: { email: 'merged', address: 'survivor' } }, desk)).toEqual({
			ok: false,
			code: 'email_unconfirmed'
		});
		const rows = await db()
			.kysely.selectFrom('patient')
			.select(['id', 'email', 'merged_into_id'])
			.where('id', 'in', [real, impostor])
			.orderBy('email')
			.execute();
		expect(rows).toEqual([
			{ id: real, email: '', merged_into_id: null },
			{ id: impostor, email: 'outsider@example.com', merged_into_id: null }
		]);
		const merged = await mergePatients(db(), { survivorId: real, mergedId: impostor, contact: { email: 'survivor', address: 'survivor' } }, desk);
		expect(merged).toMatchObject({ ok: true, contact: [] });
		expect(await db().kysely.selectFrom('patient').select(['email', 'address']).where('id', '=', real).executeTakeFirstOrThrow()).toEqual({
			email: '',
			address: '世田谷区1-1'
		});
	});

	it('keeping the newer record asks for the confirmation too, and dropping its address ends its portal access', async () => {
		const [real, impostor] = await realAndImpostor(db(), 3);
		await givePortalAccess(db(), impostor);
		const choice = { email: 'survivor', address: 'merged' } as const;
		expect(await mergePatients(db(), { survivorId: impostor, mergedId: real, contact: choice }, desk)).toEqual({ ok: false, code: 'email_unconfirmed' });
		expect(await portalAccess(db(), impostor)).toEqual({ sessions: 1, links: 1 });

		const result = await mergePatients(db(), { survivorId: impostor, mergedId: real, contact: { email: 'none', address: 'merged' } }, desk);
		expect(result).toMatchObject({
			ok: true,
			contact: [
				{ field: 'email', before: 'outsider@example.com', after: '' },
				{ field: 'address', before: '', after: '世田谷区1-1' }
			]
		});
		expect(await db().kysely.selectFrom('patient').select(['email', 'email_source']).where('id', '=', impostor).executeTakeFirstOrThrow()).toEqual({
			email: '',
			email_source: 'desk'
		});
		expect(await portalAccess(db(), impostor)).toEqual({ sessions: 0, links: 0 });
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select('detail')
			.where('action', '=', 'patient.merge')
			.where('patient_id', '=', impostor)
			.executeTakeFirstOrThrow();
		expect(JSON.parse(audit.detail!)).toMatchObject({
			contact: [{ field: 'email', before: 'outsider@example.com', after: '' }, { field: 'address' }],
			portalAccessEnded: true
		});
	});

	it('keeps a booking’s address confirmed with the patient, and from then on counts it as the desk’s', async () => {
		const [real, impostor] = await realAndImpostor(db(), 4);
		const result = await mergePatients(
			db(),
			{ survivorId: real, mergedId: impostor, contact: { email: 'merged', address: 'survivor' }, emailConfirmed: true },
			desk
		);
		expect(result).toMatchObject({ ok: true, contact: [{ field: 'email', before: '', after: 'outsider@example.com' }] });
		expect(await db().kysely.selectFrom('patient').select(['email', 'email_source']).where('id', '=', real).executeTakeFirstOrThrow()).toEqual({
			email: 'outsider@example.com',
			email_source: 'desk'
		});
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select('detail')
			.where('action', '=', 'patient.merge')
			.where('patient_id', '=', real)
			.executeTakeFirstOrThrow();
		expect(JSON.parse(audit.detail!)).toMatchObject({ emailConfirmedWithPatient: true });
	});
});
