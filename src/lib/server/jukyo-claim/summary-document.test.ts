import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { pdfText, squashed } from '../../../../tests/support/pdf-text';
import { createChargeForAppointment } from '../billing/create-charge';
import { recordDoctorConsent } from '../billing/doctor-consent';
import { billingWorld, checkEligibility, CONSENT_INPUT, insertVisit, insuredPatient } from '../billing/test-fixtures';
import { monthClaimForms, summarySheetsDocument } from './summary-document';

const NOW = new Date('2028-04-01T03:00:00.000Z');

describeEachDatabase('the 総括票 of a month', (db) => {
	it('sums the month’s 申請書 per 提出先, and prints (I) and (II), audited', async () => {
		const world = await billingWorld(db());
		const month = '2028-03';
		for (const [insurer, visits] of [
			['138016', 2],
			['39131015', 1],
			['06130012', 3]
		] as const) {
			const patientId = await insuredPatient(db(), { insurerNumber: insurer });
			const consent = await recordDoctorConsent(db(), patientId, { ...CONSENT_INPUT, signedOn: '2028-02-20' }, world.actor, { now: NOW });
			if (!consent.ok) throw new Error(consent.code);
			// The desk checked each card in the month (issue #19): 7割給付, as the charges' 3割 share.
			const kind = insurer.startsWith('39') ? { insuranceKind: 'koki', holderKind: 'korei_7' } : { insuranceKind: 'shakoku', holderKind: 'honnin' };
			await checkEligibility(db(), world, patientId, `${month}-01`, { insurerNumber: insurer, benefitPercent: 70, ...kind });
			for (let i = 0; i < visits; i++) {
				const visit = await insertVisit(db(), world, patientId, `${month}-${String(6 + i * 7).padStart(2, '0')}T01:00:00.000Z`);
				const charged = await createChargeForAppointment(db(), visit, { payer: 'insurance', sharePercent: '30' }, world.actor, { now: NOW });
				if (!charged.ok) throw new Error(charged.code);
			}
		}
		const forms = await monthClaimForms(db(), month);
		const { sheets, pdf } = await summarySheetsDocument(db(), month, world.actor);
		expect(sheets.map((s) => [s.submitTo, s.forms])).toEqual([
			['insurer:06130012', 1],
			['kokuhoren', 2]
		]);
		expect(sheets.reduce((sum, s) => sum + s.claimJpy, 0)).toBe(forms.reduce((sum, f) => sum + f.fees.claimJpy, 0));
		const kokuhoren = sheets[1]!;
		expect(kokuhoren.claimJpy).toBe(
			forms.filter((f) => ['138016', '39131015'].includes(f.header.insurerNumber ?? '')).reduce((sum, f) => sum + f.fees.claimJpy, 0)
		);
		const text = squashed(pdfText(pdf));
		for (const s of [
			'総括票（I）（様式第8号）',
			'総括票（II）（様式第9号）',
			'国民健康保険団体連合会',
			'令和10年3月分',
			'138016',
			'39131015',
			'06130012',
			`${kokuhoren.claimJpy.toLocaleString('ja-JP')}円`
		])
			expect(text).toContain(s);
		const audit = await db().kysely.selectFrom('audit_log').select('entity_id').where('action', '=', 'jukyo_claim.summary_pdf').execute();
		expect(audit).toEqual([{ entity_id: month }]);
	});
});
