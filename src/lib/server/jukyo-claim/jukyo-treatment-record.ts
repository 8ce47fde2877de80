import { consentExpiry } from '../../domain/billing/doctor-consent-validity';
import { formatNumber } from '../../format';
import type { Locale } from '../../i18n/locales';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { listSessionVisits } from '../treatment-session/session-repository';
import { documentContext, type DocumentContext } from '../documents/document-context';
import { findDocumentPatient, patientIdentityRows, patientName } from '../documents/document-patient';
import { renderPdf, type PdfBlock } from '../documents/pdf';
import { licenceText } from '../documents/practitioner-credentials';
import { listRecordSessions, type RecordSession } from '../documents/record-sessions';
import { cuppingText, electroacupunctureText, moxibustionText } from '../documents/session-wording';
import { clinicalRole } from './doctor-report';
import { loadJukyoConsentRules } from './fee-versions';
import { insuranceFeeLinesOf, listConsentRows, liveInsuredChargesOf } from '../billing/billing-repository';
import type { MessageKey } from '../../i18n/translate';
import type { DoctorConsentTable } from '../db/schema-billing';

/** A doctor's consent: first or renewed (再同意), as the 施術録 says it: a typed label map (issue #21). */
const DOCTOR_CONSENT_KIND_LABELS: Record<DoctorConsentTable['kind'], MessageKey> = {
	initial: 'jukyoReport.records.kind.initial',
	renewal: 'jukyoReport.records.kind.renewal'
};

/*
 * The 施術録 for 受領委任, printed apart from the full record (docs/insurance.md §5, docs/jukyo-claim.md
 * §9): the 施術所, the patient and their card, every 同意書 and 再同意 with its period, the 施術報告書
 * given, and each visit claimed under 受領委任 (insured and not voided) with its practitioner, the
 * findings before treatment, what was done, and the fee lines. Self-pay visits, free notes, safety
 * acknowledgements and amendments stay in the full 施術録: the insurer is shown what the claim rests on.
 */

interface InsuredVisit {
	chargeId: string;
	appointmentId: string | null;
	serviceDate: string;
	totalJpy: number;
	shareJpy: number;
	lines: Array<{ name: string; quantity: number; amountJpy: number }>;
}

async function insuredVisits(db: Db, patientId: string): Promise<InsuredVisit[]> {
	const charges = await liveInsuredChargesOf(db, patientId);
	const lines = await insuranceFeeLinesOf(
		db,
		charges.map((c) => c.id)
	);
	return charges.map((c) => ({
		chargeId: c.id,
		appointmentId: c.appointment_id,
		serviceDate: c.service_date,
		totalJpy: Number(c.insurance_fee_jpy),
		shareJpy: Number(c.patient_share_jpy),
		lines: lines.filter((l) => l.charge_id === c.id).map((l) => ({ name: l.name_ja, quantity: Number(l.quantity), amountJpy: Number(l.amount_jpy) }))
	}));
}

function contentText(ctx: DocumentContext, session: RecordSession): string {
	const { t } = ctx;
	const parts = [
		session.points.length > 0 ? `${t('treatmentSession.points.heading')}: ${session.points.map((p) => p.code).join('・')}` : null,
		session.techniques.electroacupuncture && `${t('treatmentSession.tech.ea')}: ${electroacupunctureText(ctx, session.techniques.electroacupuncture)}`,
		session.techniques.moxibustion && `${t('treatmentSession.tech.moxa')}: ${moxibustionText(ctx, session.techniques.moxibustion)}`,
		session.techniques.cupping && `${t('treatmentSession.tech.cupping')}: ${cuppingText(ctx, session.techniques.cupping)}`
	].filter(Boolean);
	return parts.length > 0 ? parts.join('\n') : t('documents.none');
}

/** The 受領委任 施術録 of one patient as a PDF; null for an unknown or merged patient. Owner and practitioners only; audited. */
export async function jukyoTreatmentRecordPdf(
	db: Db,
	patientId: string,
	locale: Locale,
	actor: AuditActor,
	now = db.clock.now()
): Promise<{ ok: true; pdf: Buffer; filename: string } | { ok: false; code: 'not_found' | 'forbidden' }> {
	if (!(await clinicalRole(db, actor))) return { ok: false, code: 'forbidden' };
	const patient = await findDocumentPatient(db, patientId);
	if (!patient) return { ok: false, code: 'not_found' };
	const ctx = await documentContext(db, locale);
	const { t } = ctx;
	const visits = await insuredVisits(db, patientId);
	const [sessions, sessionRows, consents, reports, rules] = await Promise.all([
		listRecordSessions(db, patientId, null, locale),
		listSessionVisits(db, patientId),
		listConsentRows(db, patientId, 'oldest_first'),
		db.kysely.selectFrom('jukyo_doctor_report').select(['issued_on', 'fee_month']).where('patient_id', '=', patientId).orderBy('issued_on').execute(),
		loadJukyoConsentRules(db)
	]);
	await recordAudit(db, actor, {
		action: 'document.jukyo_treatment_record',
		entityType: 'patient',
		entityId: patientId,
		patientId,
		detail: { visits: visits.length }
	});

	const sessionByAppointment = new Map<string, RecordSession>();
	const appointmentOf = new Map(sessionRows.map((s) => [s.id, s.appointment_id]));
	for (const session of sessions) {
		const appointmentId = appointmentOf.get(session.id);
		if (appointmentId) sessionByAppointment.set(appointmentId, session);
	}
	const title = t('jukyoReport.records.title');
	const card = patient.insurance;
	const cardText = [
		card.insurerNumber && `${t('patients.insurerNumber')} ${card.insurerNumber}`,
		card.symbol && `${t('patients.insuranceSymbol')} ${card.symbol}`,
		card.number && `${t('patients.insuranceNumber')} ${card.number}`,
		card.branch && `${t('patients.insuranceBranch')} ${card.branch}`
	]
		.filter(Boolean)
		.join('\n');
	const consentLines = consents.map((c) => {
		const expiresOn = c.first_treatment_on ? consentExpiry(c.first_treatment_on, rules.length > 0 ? rules : undefined) : null;
		return t('jukyoReport.records.consentItem', {
			kind: t(DOCTOR_CONSENT_KIND_LABELS[c.kind]),
			signedOn: c.signed_on,
			doctor: c.doctor_name,
			institution: c.institution,
			from: c.first_treatment_on ?? t('jukyoReport.records.notStarted'),
			to: expiresOn ?? '—'
		});
	});
	const blocks: PdfBlock[] = [
		{ kind: 'title', text: title },
		{
			kind: 'fields',
			rows: [
				[t('documents.clinic'), ctx.letterhead],
				...patientIdentityRows(patient, locale),
				...(cardText ? [[t('patients.insurance'), cardText] as const] : [])
			]
		},
		{
			kind: 'fields',
			rows: [
				[t('jukyoReport.records.consents'), consentLines.join('\n') || '—'],
				[
					t('jukyoReport.records.reports'),
					reports.map((r) => `${r.issued_on}${r.fee_month ? `（${t('jukyoReport.feeYes', { month: r.fee_month })}）` : ''}`).join('\n') || '—'
				],
				[t('jukyoReport.records.visits'), t('documents.records.count', { count: visits.length })],
				[t('documents.issued'), ctx.dateTime(now.toISOString())]
			]
		}
	];
	if (visits.length === 0) blocks.push({ kind: 'paragraph', text: t('jukyoReport.records.noVisits') });
	const pain = (value: number | null) => (value === null ? '—' : String(value));
	for (const visit of visits) {
		const session = visit.appointmentId ? sessionByAppointment.get(visit.appointmentId) : undefined;
		blocks.push({ kind: 'heading', text: visit.serviceDate });
		blocks.push({
			kind: 'fields',
			rows: [
				...(session
					? ([
							[t('jukyoReport.records.practitioner'), `${session.practitioner.name}${t('list.inParentheses', { text: licenceText(t, session.practitioner) })}`],
							[t('jukyoReport.records.findings'), t('jukyoReport.records.findingsValue', { leg: pain(session.preLegPain), back: pain(session.preBackPain) })],
							[t('jukyoReport.records.content'), contentText(ctx, session)]
						] as const)
					: ([[t('jukyoReport.records.content'), t('jukyoReport.records.noSession')]] as const)),
				[
					t('jukyoReport.records.fees'),
					[
						...visit.lines.map((l) => `${l.name} × ${l.quantity}  ${formatNumber(l.amountJpy, 'ja')}円`),
						t('jukyoReport.records.feeTotal', { total: formatNumber(visit.totalJpy, 'ja'), share: formatNumber(visit.shareJpy, 'ja') })
					].join('\n')
				]
			]
		});
	}
	const number = patient.patientNumber ? t('list.inParentheses', { text: patient.patientNumber }) : '';
	const footer = [ctx.clinicName, title, `${patientName(patient, locale)}${number}`].filter(Boolean).join('\u3000');
	const pdf = await renderPdf({ title, author: ctx.clinicName, lang: locale, blocks, footer });
	return { ok: true, pdf, filename: `${t('jukyoReport.records.fileName')}_${patient.patientNumber ?? patient.id}.pdf` };
}
