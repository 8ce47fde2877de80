import type { Db } from '../db/database';
import { createChargeForAppointment } from '../billing/create-charge';
import { recordDoctorConsent } from '../billing/doctor-consent';
import { billingWorld, checkEligibility, CONSENT_INPUT, insertVisit, insuredPatient, type BillingWorld } from '../billing/test-fixtures';
import { claimBoard, moveClaim, type ClaimBoardRow } from './claim-workflow';
import { recordMonthConfirmation } from './month-confirmations';

/* Test fixtures of the claim follow-ups (issue #21): an insured patient's signed September, moved on by the use cases. */

export const REGISTRATION = {
	clinicName: 'ふじ鍼灸院',
	postalCode: '160-0023',
	address: '東京都新宿区西新宿2-2-2',
	phone: '03-1234-5678',
	managerName: '藤田 誠',
	registrationNumber: '関東信越はり1234567',
	healthCentreKind: 'clinic' as const,
	bank: {
		bankName: 'みずほ',
		bankKind: '銀行',
		branchName: '新宿',
		branchKind: '支店',
		accountType: 'ordinary' as const,
		accountNumber: '7654321',
		holderKana: 'フジシンキュウイン'
	}
};
export const IN_MONTH = new Date('2027-09-22T06:00:00.000Z');
export const AFTER = new Date('2027-10-20T03:00:00.000Z');
export const MONTH = '2027-09';

export async function chargeVisit(db: Db, world: BillingWorld, patientId: string, startsAt: string): Promise<string> {
	const visit = await insertVisit(db, world, patientId, startsAt);
	const created = await createChargeForAppointment(db, visit, { payer: 'insurance', sharePercent: '30', arts: 'combined' }, world.actor, {
		now: new Date(startsAt)
	});
	if (!created.ok) throw new Error(created.code);
	return visit;
}

export function signMonth(db: Db, world: BillingWorld, patientId: string, dates: string[], extra: Record<string, unknown> = {}, now = IN_MONTH) {
	return recordMonthConfirmation(
		db,
		patientId,
		{ month: MONTH, date: dates, agree: 'on', signerKind: 'patient', signerName: '山田 花子', ...extra },
		world.actor,
		{
			now
		}
	);
}

export function moveSeptember(db: Db, world: BillingWorld, patientId: string, action: string, extra: Record<string, string> = {}, now = AFTER) {
	return moveClaim(db, { patientId, month: MONTH, kind: 'main', action, confirm: 'on', ...extra }, world.actor, { now, registration: REGISTRATION });
}

export async function boardRow(db: Db, world: BillingWorld, patientId: string, actor = world.actor): Promise<ClaimBoardRow> {
	const groups = await claimBoard(db, MONTH, actor, { registration: REGISTRATION, now: AFTER });
	return groups.flatMap((g) => g.rows).find((r) => r.patientId === patientId && r.kind === 'main')!;
}

/** A new insured patient with two charged September visits under a doctor's consent, not yet signed for. */
export async function insuredSeptember(db: Db): Promise<{ world: BillingWorld; patientId: string }> {
	const world = await billingWorld(db);
	const patientId = await insuredPatient(db);
	await db.kysely
		.updateTable('patient')
		.set({
			family_name_kana: 'ヤマダ',
			given_name_kana: 'ハナ',
			sex: 'female',
			date_of_birth: '1960-02-03',
			postal_code: '160-0022',
			address: '東京都新宿区新宿3-3-3'
		})
		.where('id', '=', patientId)
		.execute();
	const consent = await recordDoctorConsent(db, patientId, { ...CONSENT_INPUT, signedOn: '2027-08-20', conditionNote: '右坐骨神経に沿う痛み' }, world.actor, {
		now: IN_MONTH
	});
	if (!consent.ok) throw new Error(consent.code);
	await db.kysely.updateTable('doctor_consent').set({ first_treatment_on: '2027-08-25', expires_on: '2028-02-29' }).where('id', '=', consent.id).execute();
	await checkEligibility(db, world, patientId, '2027-09-08');
	for (const day of ['2027-09-08', '2027-09-15']) await chargeVisit(db, world, patientId, `${day}T01:00:00.000Z`);
	return { world, patientId };
}

/** A new insured patient with two charged, signed September visits; `until` moves the claim on to ready or submitted. */
export async function septemberClaim(db: Db, until: 'draft' | 'ready' | 'submitted' = 'submitted') {
	const { world, patientId } = await insuredSeptember(db);
	const signed = await signMonth(db, world, patientId, ['2027-09-08', '2027-09-15']);
	if (!signed.ok) throw new Error(signed.code);
	const steps: Array<[string, Record<string, string>]> =
		until === 'draft'
			? []
			: until === 'ready'
				? [['mark_ready', {}]]
				: [
						['mark_ready', {}],
						['submit', { on: '2027-10-05' }]
					];
	for (const [action, extra] of steps) {
		const moved = await moveSeptember(db, world, patientId, action, extra);
		if (!moved.ok) throw new Error(moved.code);
	}
	const r = await boardRow(db, world, patientId);
	return { world, patientId, versionId: r.versions.at(-1)?.id ?? '', destination: r.destination.key };
}
