import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { pdfText, squashed } from '../../../../tests/support/pdf-text';
import { createChargeForAppointment } from '../billing/create-charge';
import { recordDoctorConsent } from '../billing/doctor-consent';
import { billingWorld, checkEligibility, CONSENT_INPUT, insertVisit, insuredPatient } from '../billing/test-fixtures';
import { insertStaff } from '../outcomes/test-fixtures';
import type { AuditActor } from '../audit/audit-log';
import { claimFormDocument } from './claim-drafts';
import { doctorReportDocument } from './doctor-report-pdf';
import { doctorReportPage, issueDoctorReport, reportNoteOfClaimMonth } from './doctor-report';
import { claimBoard } from './claim-workflow';
import { claimStatusOfMonth } from './claim-month-status';
import { REPORT_FEE_LANDING_REFUSALS } from '../../domain/jukyo-claim/report-fee-landing';
import { REPORT_FEE_CANNOT_LAND_LABELS, REPORT_FEE_REFUSED_LABELS, REPORT_WITHOUT_FEE_REASON_LABELS } from '../../labels/doctor-report-labels';
import { expectLabelsEach } from '../../../../tests/support/label-maps';
import { jukyoTreatmentRecordPdf } from './jukyo-treatment-record';

// Noon in Tokyo on the given day.
const at = (day: string) => new Date(`${day}T03:00:00.000Z`);
const CHARGE_NOW = at('2027-12-20');

describeEachDatabase('the 施術報告書 and its 交付料', (db) => {
	async function insuredCourse() {
		const world = await billingWorld(db());
		const patientId = await insuredPatient(db());
		const consent = await recordDoctorConsent(db(), patientId, { ...CONSENT_INPUT, signedOn: '2027-04-20', symptoms: '右下肢のしびれと痛み' }, world.actor, {
			now: at('2027-04-20')
		});
		if (!consent.ok) throw new Error(consent.code);
		const practitioner = await insertStaff(db(), 'practitioner', { name: '佐藤 美穂' });
		const actor: AuditActor = { type: 'staff', id: practitioner.id, ip: null, requestId: null };
		const charge = async (day: string) => {
			const visit = await insertVisit(db(), world, patientId, `${day}T01:00:00.000Z`);
			const created = await createChargeForAppointment(db(), visit, { payer: 'insurance', sharePercent: '30', arts: 'combined', electro: 'on' }, world.actor, {
				now: CHARGE_NOW
			});
			if (!created.ok) throw new Error(`${day}: ${JSON.stringify(created)}`);
			return visit;
		};
		for (const day of ['2027-05-06', '2027-06-03', '2027-10-05', '2027-11-10']) await checkEligibility(db(), world, patientId, day);
		// The course's outcome measures: leg pain 7 at the first visit, 3 in October.
		for (const [day, leg] of [
			['2027-05-06', 7],
			['2027-10-05', 3]
		] as const) {
			await db()
				.kysely.insertInto('outcome_check_in')
				.values({
					id: randomUUID(),
					patient_id: patientId,
					appointment_id: null,
					recorded_at: `${day}T01:30:00.000Z`,
					source: 'session',
					leg_pain: leg,
					back_pain: null,
					psfs: null,
					sbi: null,
					pgic: null
				})
				.execute();
		}
		return { world, patientId, consentId: consent.id, actor, charge };
	}

	it('offers the report in the period’s last month, adds the 交付料 once, and prints it', async () => {
		const { world, patientId, consentId, actor, charge } = await insuredCourse();
		await charge('2027-05-06');
		await charge('2027-06-03');
		await charge('2027-10-05');
		// The period started with the first insured visit (2027-05-06): to 2027-10-31.
		const september = await doctorReportPage(db(), patientId, actor, { now: at('2027-09-10') });
		expect(september).toMatchObject({ ok: true, offered: false, period: { consentId, startsOn: '2027-05-06', expiresOn: '2027-10-31' } });

		const page = await doctorReportPage(db(), patientId, actor, { now: at('2027-10-12') });
		if (!page.ok) throw new Error(page.code);
		expect(page.offered).toBe(true);
		expect(page.decision).toMatchObject({ feeApplies: true, refusal: null });
		expect(page.draft).toMatchObject({ visits: 3, arts: 'combined', electroVisits: 3, symptoms: '右下肢のしびれと痛み' });
		expect(page.draft!.frequency).toEqual([
			{ month: '2027-05', visits: 1 },
			{ month: '2027-06', visits: 1 },
			{ month: '2027-07', visits: 0 },
			{ month: '2027-08', visits: 0 },
			{ month: '2027-09', visits: 0 },
			{ month: '2027-10', visits: 1 }
		]);
		expect(page.draft!.course.find((m) => m.measure === 'legPain')).toMatchObject({ baseline: { value: 7 }, latest: { value: 3 } });

		expect(page.landing).toEqual({ kind: 'lands', month: '2027-10', visitOn: '2027-10-05' });
		const issued = await issueDoctorReport(db(), patientId, { remarks: '下肢痛は軽減傾向。継続を希望。' }, actor, { now: at('2027-10-12') });
		expect(issued).toMatchObject({ ok: true, feeApplies: true, feeMonth: '2027-10', withoutFee: null });
		// A second report in the same period brings no second fee.
		const again = await issueDoctorReport(db(), patientId, {}, actor, { now: at('2027-10-20') });
		expect(again).toMatchObject({ ok: true, feeApplies: false, feeMonth: null, withoutFee: null });

		const claim = await claimFormDocument(db(), patientId, '2027-10', 'main', world.actor);
		expect(claim!.form.fees.lines.find((l) => l.code === 'report')).toEqual({ code: 'report', unitJpy: 480, count: 1, amountJpy: 480 });
		const september2 = await claimFormDocument(db(), patientId, '2027-06', 'main', world.actor);
		expect(september2!.form.fees.lines.some((l) => l.code === 'report')).toBe(false);
		expect(squashed(pdfText(claim!.pdf))).toContain('施術報告書交付料');

		const document = await doctorReportDocument(db(), patientId, issued.ok ? issued.id : '', actor);
		if (!document.ok) throw new Error(document.code);
		const text = squashed(pdfText(document.pdf));
		for (const s of [
			'施術報告書',
			'田中一郎先生',
			'江戸川中央クリニック',
			'右下肢のしびれと痛み',
			'令和9年5月6日〜令和9年10月31日',
			'はり・きゅう併用（2術）',
			'下肢痛',
			'初回7',
			'直近3',
			'下肢痛は軽減傾向。継続を希望。',
			'佐藤美穂'
		])
			expect(text).toContain(s);

		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select('action')
			.where('patient_id', '=', patientId)
			.where('action', 'like', 'jukyo_report.%')
			.execute();
		expect(audit.map((a) => a.action).sort()).toEqual([
			'jukyo_report.issue',
			'jukyo_report.issue',
			'jukyo_report.pdf',
			'jukyo_report.read',
			'jukyo_report.read'
		]);
	});

	it('starts a new period with a 再同意, whose report brings the fee again, and fills the claim from it', async () => {
		const { world, patientId, actor, charge } = await insuredCourse();
		await charge('2027-05-06');
		await charge('2027-10-05');
		expect(await issueDoctorReport(db(), patientId, {}, actor, { now: at('2027-10-12') })).toMatchObject({ ok: true, feeApplies: true });
		const renewal = await recordDoctorConsent(
			db(),
			patientId,
			{
				...CONSENT_INPUT,
				kind: 'renewal',
				signedOn: '2027-10-25',
				doctorName: '田中 一郎',
				institution: '江戸川中央クリニック',
				symptoms: '右下肢のしびれ',
				onsetOn: '2027-03-01',
				examinedOn: '2027-10-25',
				homeVisitNeeded: 'on',
				homeVisitReason: '独歩困難'
			},
			world.actor,
			{ now: at('2027-10-25') }
		);
		if (!renewal.ok) throw new Error(JSON.stringify(renewal));
		// Every field of the 同意書 is kept, and the 再同意 starts its period on its day: 25th → 6 months.
		expect(renewal.consent).toMatchObject({
			kind: 'renewal',
			firstTreatmentOn: '2027-10-25',
			onsetOn: '2027-03-01',
			examinedOn: '2027-10-25',
			homeVisitNeeded: true,
			homeVisitReason: '独歩困難',
			symptoms: '右下肢のしびれ'
		});
		await charge('2027-11-10');
		const november = await claimFormDocument(db(), patientId, '2027-11', 'main', world.actor);
		expect(november!.form.blockers.filter((b) => b.code.startsWith('consent') || b.code === 'visit_outside_consent')).toEqual([]);
		expect(november!.form.treatment).toMatchObject({ consentedOn: '2027-10-25', symptoms: '右下肢のしびれ', onsetOn: '2027-03-01' });
		expect(november!.form.fees.previousReportMonth).toBe('2027-10');

		const page = await doctorReportPage(db(), patientId, actor, { now: at('2027-11-12') });
		expect(page).toMatchObject({ ok: true, offered: false, period: { consentId: renewal.id, startsOn: '2027-10-25', expiresOn: '2028-04-30' } });
		// Before the new period's last month, a fee paid in October (within five months) stops another.
		expect(page.ok && page.decision).toMatchObject({ feeApplies: false, refusal: 'paid_within_lookback', previousFeeMonth: '2027-10' });
		const last = await doctorReportPage(db(), patientId, actor, { now: at('2028-04-05') });
		expect(last.ok && last.decision).toMatchObject({ feeApplies: true });
	});

	it('refuses the desk, a patient without a running period, and remarks too long', async () => {
		const { world, patientId, actor } = await insuredCourse();
		expect(await doctorReportPage(db(), patientId, world.actor, { now: at('2027-10-12') })).toEqual({ ok: false, code: 'forbidden' });
		expect(await issueDoctorReport(db(), patientId, {}, world.actor, { now: at('2027-10-12') })).toEqual({ ok: false, code: 'forbidden' });
		expect(await issueDoctorReport(db(), patientId, {}, actor, { now: at('2027-10-12') })).toEqual({
			ok: false,
			code: 'invalid',
			fields: { _: 'jukyoReport.error.noPeriod' }
		});
		expect(await issueDoctorReport(db(), patientId, { remarks: 'あ'.repeat(2001) }, actor, { now: at('2027-10-12') })).toEqual({
			ok: false,
			code: 'invalid',
			fields: { remarks: 'jukyoReport.error.remarks' }
		});
		expect(await issueDoctorReport(db(), randomUUID(), {}, actor, { now: at('2027-10-12') })).toEqual({ ok: false, code: 'not_found' });
		const rows = await db().kysely.selectFrom('jukyo_doctor_report').select('id').where('patient_id', '=', patientId).execute();
		expect(rows).toEqual([]);
	});

	it('refuses a report whose 交付料 would reach no claim, unless the desk chooses to issue it without the fee', async () => {
		const { world, patientId, actor, charge } = await insuredCourse();
		await charge('2027-05-06');
		await charge('2027-06-03');
		// A visit later in October is not counted: on the 3rd, the month has no insured visit yet.
		await charge('2027-10-05');
		const page = await doctorReportPage(db(), patientId, actor, { now: at('2027-10-03') });
		if (!page.ok) throw new Error(page.code);
		expect(page.offered).toBe(true);
		expect(page.decision).toMatchObject({ feeApplies: true });
		expect(page.landing).toEqual({ kind: 'cannot_land', month: '2027-10', reason: 'no_visit_yet' });

		const refused = await issueDoctorReport(db(), patientId, { remarks: '経過良好' }, actor, { now: at('2027-10-03') });
		expect(refused).toEqual({ ok: false, code: 'fee_cannot_land', reason: 'no_visit_yet', month: '2027-10' });
		const none = await db().kysely.selectFrom('jukyo_doctor_report').select('id').where('patient_id', '=', patientId).execute();
		expect(none).toEqual([]);

		// Issued without the fee by the desk's choice: kept on the row, audited, and the fee stays open for the period.
		const chosen = await issueDoctorReport(db(), patientId, { remarks: '経過良好', withoutFee: 'on' }, actor, { now: at('2027-10-03') });
		expect(chosen).toMatchObject({ ok: true, feeApplies: false, feeMonth: null, withoutFee: 'no_visit_yet' });
		const row = await db()
			.kysely.selectFrom('jukyo_doctor_report')
			.select(['fee_month', 'without_fee_reason'])
			.where('id', '=', chosen.ok ? chosen.id : '')
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ fee_month: null, without_fee_reason: 'no_visit_yet' });
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select('detail')
			.where('patient_id', '=', patientId)
			.where('action', '=', 'jukyo_report.issue')
			.execute();
		expect(audit).toHaveLength(1);
		expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ feeMonth: null, withoutFee: 'no_visit_yet' });
		const listed = await doctorReportPage(db(), patientId, actor, { now: at('2027-10-03') });
		expect(listed.ok && listed.reports[0]).toMatchObject({ feeMonth: null, withoutFeeReason: 'no_visit_yet' });

		// The claim shows that the report was given without its fee, and none on this claim.
		expect(await reportNoteOfClaimMonth(db(), patientId, '2027-10', [])).toMatchObject({
			report: { issuedOn: '2027-10-03', feeMonth: null, withoutFeeReason: 'no_visit_yet' },
			feeOnThisClaim: false
		});
		expect((await claimFormDocument(db(), patientId, '2027-10', 'main', world.actor))!.form.fees.lines.some((l) => l.code === 'report')).toBe(false);

		// On the day of the visit, once it is recorded, a report brings the fee to October's claim.
		const onVisit = await issueDoctorReport(db(), patientId, {}, actor, { now: at('2027-10-05') });
		expect(onVisit).toMatchObject({ ok: true, feeApplies: true, feeMonth: '2027-10', withoutFee: null });
		const october = await claimFormDocument(db(), patientId, '2027-10', 'main', world.actor);
		expect(october!.form.fees.lines.find((l) => l.code === 'report')).toMatchObject({ count: 1, amountJpy: 480 });
		const board = await claimBoard(db(), '2027-10', world.actor, { now: at('2027-11-05') });
		const boardRow = board.flatMap((g) => g.rows).find((r) => r.patientId === patientId && r.kind === 'main');
		expect(boardRow?.current?.report).toMatchObject({
			period: { startsOn: '2027-05-06', expiresOn: '2027-10-31' },
			report: { issuedOn: '2027-10-05', feeMonth: '2027-10' },
			feeOnThisClaim: true
		});
		// A month that ends no consent period says nothing of the report.
		const june = await claimBoard(db(), '2027-06', world.actor, { now: at('2027-11-05') });
		expect(june.flatMap((g) => g.rows).find((r) => r.patientId === patientId)?.current?.report).toBeNull();
	});

	it('tells the claims page the last month’s report is not given yet', async () => {
		const { world, patientId, charge } = await insuredCourse();
		await charge('2027-05-06');
		await charge('2027-10-05');
		const board = await claimBoard(db(), '2027-10', world.actor, { now: at('2027-11-05') });
		const row = board.flatMap((g) => g.rows).find((r) => r.patientId === patientId && r.kind === 'main');
		expect(row?.current?.report).toEqual({ period: { startsOn: '2027-05-06', expiresOn: '2027-10-31' }, report: null, feeOnThisClaim: false });
	});

	it('refuses a report when the month’s claim is already submitted, even with a visit that day', async () => {
		const { world, patientId, actor, charge } = await insuredCourse();
		await charge('2027-05-06');
		await charge('2027-10-05');
		// A submitted October claim (written as the workflow would; it cannot be submitted inside its month through the page).
		const versionId = randomUUID();
		await db()
			.kysely.insertInto('jukyo_claim_version')
			.values({
				id: versionId,
				patient_id: patientId,
				month: '2027-10',
				kind: 'main',
				version: 1,
				previous_id: null,
				destination: 'kokuhoren',
				total_jpy: 0,
				claim_jpy: 0,
				snapshot: '{}',
				created_at: at('2027-10-06').toISOString(),
				created_by: world.staffId
			})
			.execute();
		await db()
			.kysely.insertInto('jukyo_claim_event')
			.values({
				id: randomUUID(),
				claim_version_id: versionId,
				seq: 1,
				event: 'submitted',
				on_date: '2027-10-06',
				payment_id: null,
				created_at: at('2027-10-06').toISOString(),
				created_by: world.staffId
			})
			.execute();
		expect(await claimStatusOfMonth(db(), patientId, '2027-10')).toBe('submitted');
		expect(await claimStatusOfMonth(db(), patientId, '2027-09')).toBe('draft');
		const page = await doctorReportPage(db(), patientId, actor, { now: at('2027-10-12') });
		expect(page.ok && page.landing).toEqual({ kind: 'cannot_land', month: '2027-10', reason: 'claim_closed' });
		expect(await issueDoctorReport(db(), patientId, {}, actor, { now: at('2027-10-12') })).toEqual({
			ok: false,
			code: 'fee_cannot_land',
			reason: 'claim_closed',
			month: '2027-10'
		});
		expect(await issueDoctorReport(db(), patientId, { withoutFee: 'on' }, actor, { now: at('2027-10-12') })).toMatchObject({
			ok: true,
			feeMonth: null,
			withoutFee: 'claim_closed'
		});
	});

	it('names every reason a fee cannot land in both languages', () => {
		expectLabelsEach(REPORT_FEE_LANDING_REFUSALS, REPORT_FEE_CANNOT_LAND_LABELS);
		expectLabelsEach(REPORT_FEE_LANDING_REFUSALS, REPORT_FEE_REFUSED_LABELS);
		expectLabelsEach(REPORT_FEE_LANDING_REFUSALS, REPORT_WITHOUT_FEE_REASON_LABELS);
	});

	it('prints the 受領委任 施術録 apart: insured visits only, with the consents and reports', async () => {
		const { world, patientId, actor, charge } = await insuredCourse();
		await charge('2027-05-06');
		await charge('2027-10-05');
		const selfPay = await insertVisit(db(), world, patientId, '2027-06-17T01:00:00.000Z');
		const created = await createChargeForAppointment(db(), selfPay, { payer: 'self_pay' }, world.actor, { now: CHARGE_NOW });
		expect(created.ok).toBe(true);
		await issueDoctorReport(db(), patientId, {}, actor, { now: at('2027-10-12') });
		expect(await jukyoTreatmentRecordPdf(db(), patientId, 'ja', world.actor)).toEqual({ ok: false, code: 'forbidden' });
		const document = await jukyoTreatmentRecordPdf(db(), patientId, 'ja', actor, at('2027-10-20'));
		if (!document.ok) throw new Error(document.code);
		const text = squashed(pdfText(document.pdf));
		for (const s of ['施術録（受領委任）', '2027-05-06', '2027-10-05', '同意：同意日2027-04-20', '田中一郎', '2027-10-31', '2027-10-12', '受領委任の施術回数'])
			expect(text).toContain(s);
		expect(text).not.toContain('2027-06-17');
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select('action')
			.where('patient_id', '=', patientId)
			.where('action', '=', 'document.jukyo_treatment_record')
			.execute();
		expect(audit).toHaveLength(1);
	});
});
