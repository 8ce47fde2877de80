import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { SYSTEM_ACTOR, type AuditActor } from '../audit/audit-log';
import { recordDoctorConsent } from '../billing/doctor-consent';
import { billingWorld, CONSENT_INPUT, insuredPatient } from '../billing/test-fixtures';
import { insertStaff } from '../outcomes/test-fixtures';
import { addJukyoConsentRule, consentRulesInForce } from './consent-rules';

const NOW = new Date('2029-05-01T03:00:00Z');
const staffActor = (id: string): AuditActor => ({ type: 'staff', id, ip: null, requestId: null });
const RULE = { effectiveFrom: '2029-04-01', earlyUntilDay: '１５', monthsAfterIfEarly: '3', monthsAfterIfLate: '4', source: '保医発（仮）2029' };

describeEachDatabase('dated consent-validity rules', (db) => {
	it('lets the owner add a version, audited, and a period follows the version in force on its first day', async () => {
		const world = await billingWorld(db());
		const owner = await insertStaff(db(), 'owner');
		const added = await addJukyoConsentRule(db(), RULE, staffActor(owner.id), { now: NOW });
		expect(added).toMatchObject({ ok: true, rule: { effectiveFrom: '2029-04-01', earlyUntilDay: 15, monthsAfterIfEarly: 3, monthsAfterIfLate: 4 } });
		expect((await consentRulesInForce(db())).map((r) => r.effectiveFrom)).toEqual(['2004-10-01', '2018-10-01', '2029-04-01']);
		const audit = await db().kysely.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'jukyo_consent_rule.add').execute();
		expect(audit).toEqual([{ action: 'jukyo_consent_rule.add', actor_id: owner.id }]);

		// A 再同意 on 2029-04-10 follows the new version (3 months); one on 2029-03-10 the 2018 one (5 months).
		const patientId = await insuredPatient(db());
		const renewal = await recordDoctorConsent(db(), patientId, { ...CONSENT_INPUT, kind: 'renewal', signedOn: '2029-04-10' }, world.actor, { now: NOW });
		expect(renewal.ok && renewal.consent.expiresOn).toBe('2029-07-31');
		const earlier = await recordDoctorConsent(db(), patientId, { ...CONSENT_INPUT, kind: 'renewal', signedOn: '2029-03-10' }, world.actor, { now: NOW });
		expect(earlier.ok && earlier.consent.expiresOn).toBe('2029-08-31');
	});

	it('refuses anyone but the owner, and bad input with a field error each, writing nothing', async () => {
		await billingWorld(db());
		const reception = await insertStaff(db(), 'reception');
		const owner = await insertStaff(db(), 'owner');
		expect(await addJukyoConsentRule(db(), { ...RULE, effectiveFrom: '2031-01-01' }, staffActor(reception.id), { now: NOW })).toEqual({
			ok: false,
			code: 'forbidden'
		});
		expect(await addJukyoConsentRule(db(), { ...RULE, effectiveFrom: '2031-01-01' }, SYSTEM_ACTOR, { now: NOW })).toEqual({ ok: false, code: 'forbidden' });
		expect(
			await addJukyoConsentRule(
				db(),
				{ effectiveFrom: '2031-02-30', earlyUntilDay: '31', monthsAfterIfEarly: 'x', monthsAfterIfLate: '25', source: '' },
				staffActor(owner.id),
				{ now: NOW }
			)
		).toEqual({
			ok: false,
			code: 'invalid',
			fields: {
				effectiveFrom: 'jukyoReport.rules.error.date',
				earlyUntilDay: 'jukyoReport.rules.error.day',
				monthsAfterIfEarly: 'jukyoReport.rules.error.months',
				monthsAfterIfLate: 'jukyoReport.rules.error.months',
				source: 'jukyoReport.rules.error.source'
			}
		});
		expect(
			await addJukyoConsentRule(db(), { ...RULE, effectiveFrom: '2031-01-01', monthsAfterIfEarly: '6', monthsAfterIfLate: '5' }, staffActor(owner.id), {
				now: NOW
			})
		).toEqual({
			ok: false,
			code: 'invalid',
			fields: { monthsAfterIfLate: 'jukyoReport.rules.error.order' }
		});
		expect(await addJukyoConsentRule(db(), { ...RULE, effectiveFrom: '2018-10-01' }, staffActor(owner.id), { now: NOW })).toEqual({
			ok: false,
			code: 'invalid',
			fields: { effectiveFrom: 'jukyoReport.rules.error.taken' }
		});
		const rows = await db().kysely.selectFrom('jukyo_consent_rule').select('effective_from').where('effective_from', '>=', '2030-01-01').execute();
		expect(rows).toEqual([]);
	});
});
