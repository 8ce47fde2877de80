import { INSURED_CONDITION_LABELS } from '../../labels/insured-condition-labels';
import type { ClinicRegistrationForClaim } from '../../domain/jukyo-claim/claim-input';
import { formatWareki, formatWarekiMonth } from '../../domain/jukyo-claim/wareki';
import { translator, type MessageKey } from '../../i18n/translate';
import type { InsuranceArts } from '../../domain/billing/billing-config';
import type { MeasureKey } from '../../domain/outcomes/check-in';

/** Typed label maps (issue #21) for the 施術報告書's codes. */
const ARTS_LABELS: Record<InsuranceArts, MessageKey> = { single: 'jukyoReport.pdf.arts.single', combined: 'jukyoReport.pdf.arts.combined' };
const REPORT_MEASURE_LABELS: Record<MeasureKey, MessageKey> = {
	legPain: 'jukyoReport.pdf.measure.legPain',
	backPain: 'jukyoReport.pdf.measure.backPain',
	psfs: 'jukyoReport.pdf.measure.psfs',
	sbi: 'jukyoReport.pdf.measure.sbi',
	pgic: 'jukyoReport.pdf.measure.pgic'
};
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { loadClinicRegistrationForClaim } from './claim-registration';
import { ClaimSheet } from './claim-sheet';
import { findDoctorReport, type DoctorReportView } from './doctor-report';

/*
 * The 施術報告書 as an A4 PDF on the ruled sheet of the 申請書 (claim-sheet.ts): addressed to the
 * consenting doctor; the patient; 施術の内容・頻度; 患者の状態・経過 on the recorded outcome measures;
 * 特記すべき事項; the 施術所 and 施術者 (docs/insurance.md §2). Always Japanese with 和暦 dates: it
 * goes to a Japanese doctor.
 */

const t = translator('ja');

export function doctorReportPdf(
	report: DoctorReportView,
	patient: { name: string; kana: string; birthDate: string | null },
	clinic: ClinicRegistrationForClaim
): Promise<Buffer> {
	const c = report.content;
	const title = t('jukyoReport.pdf.title');
	const sheet = new ClaimSheet(`${title} ${report.issuedOn}`, clinic.clinicName ?? '');
	sheet.title(title, `${t('jukyoReport.pdf.issuedOn')}\u3000${formatWareki(report.issuedOn)}`);
	sheet.row([{ label: '', value: t('jukyoReport.pdf.to', { institution: c.institution, doctor: c.doctorName }) }]);
	sheet.note(t('jukyoReport.pdf.lead'));

	sheet.section(t('jukyoReport.pdf.patientBlock'));
	sheet.row([
		{ label: t('jukyoReport.pdf.patient'), value: patient.name },
		{ label: t('jukyoReport.pdf.kana'), value: patient.kana },
		{ label: t('jukyoReport.pdf.birthDate'), value: formatWareki(patient.birthDate) }
	]);
	sheet.row([
		{ label: t('jukyoReport.pdf.condition'), value: c.conditions.map((x) => t(INSURED_CONDITION_LABELS[x])).join('・'), weight: 1 },
		{ label: t('jukyoReport.pdf.symptoms'), value: c.symptoms, weight: 2 }
	]);
	sheet.row([
		{ label: t('jukyoReport.pdf.consentedOn'), value: formatWareki(c.consentSignedOn) },
		{
			label: t('jukyoReport.pdf.period'),
			value: t('jukyoReport.pdf.periodValue', { from: formatWareki(c.period.startsOn), to: formatWareki(c.period.expiresOn) }),
			weight: 2
		}
	]);

	sheet.section(t('jukyoReport.pdf.treatmentBlock'));
	sheet.row([
		{ label: t('jukyoReport.pdf.arts'), value: c.arts ? t(ARTS_LABELS[c.arts]) : '', weight: 1.6 },
		{ label: t('jukyoReport.pdf.visits'), value: t('jukyoReport.pdf.count', { count: c.visits }) },
		{ label: t('jukyoReport.pdf.electro'), value: t('jukyoReport.pdf.count', { count: c.electroVisits }) }
	]);
	sheet.row([
		{ label: t('jukyoReport.pdf.moxibustion'), value: t('jukyoReport.pdf.count', { count: c.moxibustionSessions }) },
		{ label: t('jukyoReport.pdf.electroacupuncture'), value: t('jukyoReport.pdf.count', { count: c.electroacupunctureSessions }) },
		{ label: t('jukyoReport.pdf.points'), value: c.points.join('・'), weight: 2 }
	]);
	sheet.row([
		{
			label: t('jukyoReport.pdf.frequency'),
			value: c.frequency.map((f) => t('jukyoReport.pdf.frequencyItem', { month: formatWarekiMonth(f.month), count: f.visits })).join('\u3000')
		}
	]);

	sheet.section(t('jukyoReport.pdf.courseBlock'));
	for (const m of c.course) {
		const value =
			m.baseline === null
				? t('jukyoReport.pdf.noMeasure')
				: m.latest === null
					? t('jukyoReport.pdf.courseOnce', { baseline: m.baseline.value, from: formatWareki(m.baseline.at.slice(0, 10)) })
					: t('jukyoReport.pdf.courseValue', {
							baseline: m.baseline.value,
							from: formatWareki(m.baseline.at.slice(0, 10)),
							latest: m.latest.value,
							to: formatWareki(m.latest.at.slice(0, 10))
						});
		sheet.row([{ label: t(REPORT_MEASURE_LABELS[m.measure]), value }]);
	}

	sheet.section(t('jukyoReport.pdf.remarksBlock'));
	sheet.row([{ label: '', value: report.remarks }]);

	sheet.section(t('jukyoReport.pdf.issuerBlock'));
	sheet.row([
		{ label: t('jukyoReport.pdf.clinic'), value: clinic.clinicName ?? '' },
		{ label: t('jukyoReport.pdf.address'), value: [clinic.postalCode ? `〒${clinic.postalCode}` : null, clinic.address].filter(Boolean).join(' '), weight: 2 },
		{ label: t('jukyoReport.pdf.phone'), value: clinic.phone ?? '' }
	]);
	sheet.row([
		{ label: t('jukyoReport.pdf.manager'), value: clinic.managerName ?? '' },
		{ label: t('jukyoReport.pdf.practitioner'), value: c.practitionerName }
	]);
	return sheet.end();
}

/** An issued report as a PDF (audited by findDoctorReport). */
export async function doctorReportDocument(
	db: Db,
	patientId: string,
	reportId: string,
	actor: AuditActor
): Promise<{ ok: true; pdf: Buffer; filename: string } | { ok: false; code: 'not_found' | 'forbidden' }> {
	const found = await findDoctorReport(db, patientId, reportId, actor);
	if (!found.ok) return found;
	const pdf = await doctorReportPdf(found.report, found.patient, await loadClinicRegistrationForClaim(db));
	return { ok: true, pdf, filename: `report-${found.report.issuedOn}-${patientId.slice(0, 8)}.pdf` };
}
