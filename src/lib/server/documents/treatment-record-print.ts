import type { SessionTechniques } from '../../domain/clinical/session-rules';
import type { Locale } from '../../i18n/locales';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { documentContext, type DocumentContext } from './document-context';
import { findDocumentPatient, patientIdentityRows, patientName, type DocumentPatient } from './document-patient';
import { renderPdf, type PdfBlock } from './pdf';
import { licenceText } from './practitioner-credentials';
import { monthRange } from './record-month';
import { listRecordSessions, type RecordSession } from './record-sessions';
import { conflictLabel } from '../../components/treatment-plan/plan-labels';
import { ADVERSE_KIND_LABELS, ADVERSE_OUTCOME_LABELS, ADVERSE_SEVERITY_LABELS } from '../../components/treatment-session/session-labels';
import { amendedFieldName, amendedValue, cuppingText, electroacupunctureText, moxibustionText, pointCells, pointHeader } from './session-wording';
import { formatMonth } from '../../format';

/**
 * The 施術録 of one patient (docs/clinical-rules.md §6: kept five years; the patient may ask for a copy): the
 * clinic, the patient with their insurance card, and every session in date order with what was
 * done. A change made after the lock is printed after the entry with who, when and why, and the
 * original value beside the new one. Null for an unknown or merged patient. The read is audited.
 */
export async function treatmentRecordPdf(
	db: Db,
	patientId: string,
	options: { month: string | null },
	locale: Locale,
	actor: AuditActor,
	now = db.clock.now()
): Promise<{ pdf: Buffer; filename: string } | null> {
	const patient = await findDocumentPatient(db, patientId);
	if (!patient) return null;
	const ctx = await documentContext(db, locale);
	const sessions = await listRecordSessions(db, patientId, options.month ? monthRange(options.month, ctx.timeZone) : null, locale);
	await recordAudit(db, actor, {
		action: 'document.treatment_record',
		entityType: 'patient',
		entityId: patientId,
		patientId,
		detail: { month: options.month, sessions: sessions.length }
	});
	const { t } = ctx;
	const title = t('documents.records.title');
	const blocks: PdfBlock[] = [
		{ kind: 'title', text: title },
		{ kind: 'fields', rows: [[t('documents.clinic'), ctx.letterhead], ...patientRows(ctx, patient)] },
		{
			kind: 'fields',
			rows: [
				[t('documents.records.period'), options.month ? monthName(locale, options.month) : t('documents.records.allDates')],
				[t('documents.records.sessionCount'), t('documents.records.count', { count: sessions.length })],
				[t('documents.issued'), ctx.dateTime(now.toISOString())]
			]
		}
	];
	if (sessions.length === 0) blocks.push({ kind: 'paragraph', text: t('documents.records.noSessions') });
	for (const session of sessions) blocks.push(...sessionBlocks(ctx, session));
	const number = patient.patientNumber ? t('list.inParentheses', { text: patient.patientNumber }) : '';
	// Every page names the patient: pages of a long record get separated when filed or copied.
	const footer = [ctx.clinicName, title, `${patientName(patient, locale)}${number}`].filter(Boolean).join('\u3000');
	const pdf = await renderPdf({ title, author: ctx.clinicName, lang: locale, blocks, footer });
	const suffix = options.month ? `_${options.month}` : '';
	return { pdf, filename: `${t('documents.records.fileName')}_${patient.patientNumber ?? patient.id}${suffix}.pdf` };
}

function patientRows(ctx: DocumentContext, patient: DocumentPatient): Array<readonly [string, string]> {
	const { t } = ctx;
	const rows = patientIdentityRows(patient, ctx.locale);
	if (patient.address) rows.push([t('patients.address'), `${patient.postalCode ? `〒${patient.postalCode} ` : ''}${patient.address}`]);
	const card = patient.insurance;
	if (card.insurerNumber) {
		const parts = [
			[t('patients.insurerNumber'), card.insurerNumber],
			[t('patients.insuranceSymbol'), card.symbol],
			[t('patients.insuranceNumber'), card.number],
			[t('patients.insuranceBranch'), card.branch]
		].filter(([, value]) => value);
		rows.push([t('patients.insurance'), parts.map(([label, value]) => `${label} ${value}`).join('\n')]);
	}
	return rows;
}

function monthName(locale: Locale, month: string): string {
	return formatMonth(month, locale);
}

/** Point, side, gauge, length, depth, technique, de qi: the point's name needs the room. */
const POINT_COLUMN_WIDTHS = [2.4, 1, 1, 1, 1, 1.5, 1];

/** Only the techniques used, one a line; a session of plain needling says so in one word. */
function techniquesText(ctx: DocumentContext, techniques: SessionTechniques): string {
	const { t } = ctx;
	const used = [
		techniques.electroacupuncture && `${t('treatmentSession.tech.ea')}: ${electroacupunctureText(ctx, techniques.electroacupuncture)}`,
		techniques.moxibustion && `${t('treatmentSession.tech.moxa')}: ${moxibustionText(ctx, techniques.moxibustion)}`,
		techniques.cupping && `${t('treatmentSession.tech.cupping')}: ${cuppingText(ctx, techniques.cupping)}`
	].filter(Boolean);
	return used.length > 0 ? used.join('\n') : t('documents.none');
}

function sessionBlocks(ctx: DocumentContext, session: RecordSession): PdfBlock[] {
	const { t } = ctx;
	const start = ctx.time(session.startedAt);
	const time = session.closedAt ? t('documents.records.time', { start, end: ctx.time(session.closedAt) }) : t('documents.records.openTime', { start });
	const pain = (value: number | null) => (value === null ? '—' : String(value));
	const blocks: PdfBlock[] = [
		{ kind: 'heading', text: `${ctx.longDate(session.startedAt)}\u3000${time}` },
		{
			kind: 'fields',
			rows: [
				[t('treatmentSession.record.practitioner'), `${session.practitioner.name}${t('list.inParentheses', { text: licenceText(t, session.practitioner) })}`],
				[t('treatmentSession.pre.heading'), t('documents.records.prePain', { leg: pain(session.preLegPain), back: pain(session.preBackPain) })],
				[t('treatmentSession.needles.heading'), t('documents.records.needles', { in: session.needlesIn, out: session.needlesOut })],
				[t('treatmentSession.field.retentionMinutes'), t('documents.records.minutes', { minutes: session.retentionMinutes })],
				[t('treatmentSession.tech.heading'), techniquesText(ctx, session.techniques)]
			]
		},
		session.points.length > 0
			? { kind: 'table', header: pointHeader(ctx), rows: session.points.map((point) => pointCells(ctx, point)), widths: POINT_COLUMN_WIDTHS }
			: { kind: 'paragraph', text: t('treatmentSession.points.none') }
	];
	if (session.notes) blocks.push({ kind: 'paragraph', text: `${t('treatmentSession.notes.label')}\n${session.notes}` });
	// What the practitioner weighed before going ahead is part of the record, as on the session page.
	if (session.acknowledgements.length > 0) {
		const items = session.acknowledgements.map((ack) =>
			t('treatmentSession.safety.acknowledgedItem', {
				conflict: conflictLabel(ack.conflict, ctx.locale),
				reason: ack.reason,
				staff: ack.staffName,
				time: ctx.dateTime(ack.createdAt)
			})
		);
		blocks.push({ kind: 'paragraph', text: [t('treatmentSession.safety.acknowledgedTitle'), ...items].join('\n') });
	}
	for (const event of session.adverseEvents) {
		const summary = t('documents.records.adverseEvent', {
			kind: t(ADVERSE_KIND_LABELS[event.kind]),
			severity: t(ADVERSE_SEVERITY_LABELS[event.severity]),
			outcome: t(ADVERSE_OUTCOME_LABELS[event.outcome])
		});
		const meta = t('treatmentSession.adverse.meta', { date: ctx.dateTime(event.occurredAt), name: event.staffName });
		blocks.push({ kind: 'paragraph', text: [`${t('treatmentSession.adverse.heading')}: ${summary}`, meta, event.description].filter(Boolean).join('\n') });
	}
	if (session.amendments.length > 0) blocks.push({ kind: 'note', text: t('documents.records.amended') });
	for (const amendment of session.amendments) {
		blocks.push({
			kind: 'paragraph',
			text: `${t('documents.records.amendment', { date: ctx.dateTime(amendment.createdAt), name: amendment.staffName })}\n${t('treatmentSession.amend.reason', { reason: amendment.reason })}`
		});
		const fields = Object.keys({ ...amendment.before, ...amendment.after });
		blocks.push({
			kind: 'table',
			header: [t('treatmentSession.amend.field'), t('treatmentSession.amend.before'), t('treatmentSession.amend.after')],
			rows: fields.map((field) => [
				amendedFieldName(ctx, field),
				amendedValue(ctx, field, amendment.before[field]),
				amendedValue(ctx, field, amendment.after[field])
			]),
			widths: [1, 2.5, 2.5]
		});
	}
	return blocks;
}
