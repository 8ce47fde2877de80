import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { pdfText, squashed } from '../../../../tests/support/pdf-text';
import { claimFormDocument, listClaimDrafts } from '../jukyo-claim/claim-drafts';
import { ensureDefaultConsentDocuments } from '../consent/default-documents';
import { seedDemoAppointments } from './demo-appointments';
import { seedDemoClinic } from './demo-clinic';
import { seedDemoJukyo } from './demo-jukyo';
import { DEMO_MONTH_PATIENT_EMAIL, previousMonth, seedDemoJukyoMonth, tuesdaysOf } from './demo-jukyo-month';

// Early December in Tokyo: November is the month ready to claim.
const NOW = new Date('2026-12-06T03:00:00Z');

describeEachDatabase('the demo clinic’s complete 受領委任 month', (db) => {
	it('gives last month an insured patient’s draft with nothing blocking it, and its 申請書 prints', async () => {
		await ensureDefaultConsentDocuments(db(), NOW);
		await seedDemoClinic(db());
		await seedDemoAppointments(db(), NOW.getTime());
		await seedDemoJukyo(db(), NOW);
		await seedDemoJukyoMonth(db(), NOW);
		const patient = await db().kysely.selectFrom('patient').select('id').where('email', '=', DEMO_MONTH_PATIENT_EMAIL).executeTakeFirstOrThrow();
		const reception = await db().kysely.selectFrom('staff').select('id').where('role', '=', 'reception').executeTakeFirstOrThrow();
		const actor = { type: 'staff' as const, id: reception.id, ip: null, requestId: null };
		const { drafts } = await listClaimDrafts(db(), '2026-11', actor);
		const mine = drafts.filter((d) => d.patientId === patient.id);
		// Every Tuesday of November 2026: 3, 10, 17 and 24; 初検料 (1術 1,950) once, 施術料 (1術 1,610) four times.
		expect(mine).toEqual([expect.objectContaining({ kind: 'main', days: 4, totalJpy: 1950 + 4 * 1610, blockers: [] })]);
		const charges = await db()
			.kysely.selectFrom('charge')
			.leftJoin('payment', 'payment.charge_id', 'charge.id')
			.select(['charge.service_date', 'charge.payer', 'charge.due_jpy', 'payment.amount_jpy'])
			.where('charge.patient_id', '=', patient.id)
			.orderBy('charge.service_date')
			.execute();
		expect(charges.map((c) => c.service_date)).toEqual(['2026-11-03', '2026-11-10', '2026-11-17', '2026-11-24']);
		expect(charges.every((c) => c.payer === 'insurance' && c.amount_jpy === c.due_jpy)).toBe(true);
		const sessions = await db()
			.kysely.selectFrom('treatment_session')
			.select(['closed_at', 'needles_in', 'needles_out'])
			.where('patient_id', '=', patient.id)
			.execute();
		expect(sessions).toHaveLength(4);
		expect(sessions.every((s) => s.closed_at !== null && s.needles_in === s.needles_out)).toBe(true);
		const document = await claimFormDocument(db(), patient.id, '2026-11', 'main', actor);
		const text = squashed(pdfText(document!.pdf));
		for (const s of [
			'令和8年11月分',
			'中島正子',
			'【1神経痛】',
			'実日数4日',
			'【新規】',
			'藤田誠',
			'佐藤美穂',
			'小林直樹',
			'合計8,390円',
			'一部負担金（3割）2,517円',
			'請求額5,873円'
		])
			expect(text, s).toContain(s);
	});
});

it('treats the month before the clock’s, on its Tuesdays', () => {
	expect(previousMonth('2026-12-06')).toBe('2026-11');
	expect(previousMonth('2027-01-01')).toBe('2026-12');
	expect(tuesdaysOf('2026-11')).toEqual(['2026-11-03', '2026-11-10', '2026-11-17', '2026-11-24']);
	expect(tuesdaysOf('2026-09')).toEqual(['2026-09-01', '2026-09-08', '2026-09-15', '2026-09-22', '2026-09-29']);
});
