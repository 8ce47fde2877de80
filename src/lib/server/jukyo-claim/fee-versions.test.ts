import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { CONSENT_VALIDITY_RULES } from '../../domain/billing/doctor-consent-validity';
import { feeScheduleOn } from '../../domain/jukyo-claim/fees';
import type { AuditActor } from '../audit/audit-log';
import { ensureClinic, insertStaff } from '../outcomes/test-fixtures';
import { addJukyoFeeVersion, loadJukyoConsentRules, loadJukyoFeeSchedules } from './fee-versions';

const NOW = new Date('2026-12-06T03:00:00Z');
const staffActor = (id: string): AuditActor => ({ type: 'staff', id, ip: null, requestId: null });

const WHOLE = {
	item_initial_exam_single: '2,000',
	item_initial_exam_combined: '2300',
	item_treatment_single: '1650',
	item_treatment_combined: '１８００',
	item_electro: '100',
	item_house_call: '2300',
	item_report: '480',
	item_home_visit_1_single: '4000',
	item_home_visit_1_combined: '4100',
	item_home_visit_2_single: '2800',
	item_home_visit_2_combined: '2950',
	item_home_visit_3_single: '2100',
	item_home_visit_3_combined: '2250',
	item_home_visit_3_ten_plus_single: '1800',
	item_home_visit_3_ten_plus_combined: '1950',
	item_special_area: '250'
};

describeEachDatabase('dated 療養費 fees', (db) => {
	it('holds the 2024-06 and 2024-10 versions seeded by migration 0038', async () => {
		const schedules = await loadJukyoFeeSchedules(db());
		expect(schedules.map((s) => s.effectiveFrom)).toEqual(['2022-06-01', '2024-06-01', '2024-10-01']);
		expect(feeScheduleOn(schedules, '2024-09-30')?.houseCallOver4kmJpy).toBe(2550);
		const october = feeScheduleOn(schedules, '2024-10-01')!;
		expect(october.treatmentJpy).toEqual({ single: 1610, combined: 1770 });
		expect(october.homeVisitJpy?.['3']).toEqual({ single: 2070, combined: 2230 });
		expect(october.specialAreaJpy).toBe(250);
		expect(october.houseCallOver4kmJpy).toBeNull();
	});

	it('holds the consent rules the code knew', async () => {
		expect((await loadJukyoConsentRules(db())).map(({ source: _s, ...r }) => r)).toEqual(CONSENT_VALIDITY_RULES.map(({ source: _s, ...r }) => r));
	});

	it('lets the owner add a version, audited, which then prices later visits', async () => {
		await ensureClinic(db());
		const owner = await insertStaff(db(), 'owner');
		const result = await addJukyoFeeVersion(db(), { effectiveFrom: '2026-06-01', source: '令和8年改定', ...WHOLE }, staffActor(owner.id), { now: NOW });
		expect(result.ok).toBe(true);
		const schedules = await loadJukyoFeeSchedules(db());
		expect(feeScheduleOn(schedules, '2026-05-31')?.treatmentJpy.single).toBe(1610);
		expect(feeScheduleOn(schedules, '2026-06-01')?.treatmentJpy).toEqual({ single: 1650, combined: 1800 });
		expect(feeScheduleOn(schedules, '2026-06-01')?.initialExamJpy.single).toBe(2000);
		const audit = await db().kysely.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'jukyo_fee_version.add').execute();
		expect(audit).toEqual([{ action: 'jukyo_fee_version.add', actor_id: owner.id }]);
	});

	it('refuses reception, a taken day and an incomplete set, writing nothing', async () => {
		await ensureClinic(db());
		const reception = await insertStaff(db(), 'reception');
		const owner = await insertStaff(db(), 'owner');
		expect(await addJukyoFeeVersion(db(), { effectiveFrom: '2027-06-01', source: 'x', ...WHOLE }, staffActor(reception.id), { now: NOW })).toEqual({
			ok: false,
			code: 'forbidden'
		});
		expect(await addJukyoFeeVersion(db(), { effectiveFrom: '2024-10-01', source: 'x', ...WHOLE }, staffActor(owner.id), { now: NOW })).toEqual({
			ok: false,
			code: 'invalid',
			fields: { effectiveFrom: 'jukyoClaim.fees.error.taken' }
		});
		const partial = await addJukyoFeeVersion(
			db(),
			{ effectiveFrom: '2027-06-01', source: 'x', ...WHOLE, item_special_area: '', item_report: 'abc' },
			staffActor(owner.id),
			{ now: NOW }
		);
		expect(partial).toEqual({ ok: false, code: 'invalid', fields: { item_report: 'jukyoClaim.fees.error.amount' } });
		const noSpecial = await addJukyoFeeVersion(db(), { effectiveFrom: '2027-06-01', source: 'x', ...WHOLE, item_special_area: '' }, staffActor(owner.id), {
			now: NOW
		});
		expect(noSpecial).toEqual({ ok: false, code: 'invalid', fields: { item_special_area: 'jukyoClaim.fees.error.home_visit_incomplete' } });
		expect(await addJukyoFeeVersion(db(), { effectiveFrom: '2027-02-30', source: 'x', ...WHOLE }, staffActor(owner.id), { now: NOW })).toMatchObject({
			ok: false,
			fields: { effectiveFrom: 'jukyoClaim.fees.error.date' }
		});
		const versions = await db().kysely.selectFrom('jukyo_fee_version').select('effective_from').where('effective_from', '=', '2027-06-01').execute();
		expect(versions).toEqual([]);
	});
});
