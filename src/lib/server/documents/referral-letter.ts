import { affectedSides, MUSCLES, REFLEXES, slrPositive, suggestRoot, type ExamFindings } from '../../domain/clinical/examination';
import type { BloodThinnerAnswer, IntakeAnswers } from '../../domain/intake/answers';
import { BLOOD_THINNER_LABELS } from '../../domain/intake/intake-labels';
import { EXAMINATION_SIDE_LABELS } from '../../labels/examination-finding-labels';
import { MUSCLE_LABELS, PAIN_AREA_LABELS, REFLEX_GRADE_LABELS, REFLEX_LABELS } from '../../domain/clinical/examination-labels';
import { TRIAGE_REASON_LABELS } from '../../labels/triage-reason-labels';
import { SAFETY_SHORT_LABELS } from '../../components/safety/safety-labels';
import type { MessageKey } from '../../i18n/translate';
import { toSafetyFacts } from '../../domain/intake/safety-facts';
import { deriveSafetyAlerts } from '../../domain/safety/alerts';
import { questionsAtLevel, type RedFlagQuestion } from '../../domain/triage/assess';
import type { Locale } from '../../i18n/locales';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { listSessionStarts } from '../treatment-session/session-repository';
import { getExamination, type Examination } from '../examination/examination-service';
import { findNewestIntake } from '../intake/intake-repository';
import { documentContext, type DocumentContext } from './document-context';
import { findDocumentPatient, patientIdentityRows } from './document-patient';
import { renderPdf, type PdfBlock } from './pdf';
import { findSigner, licenceText } from './practitioner-credentials';

type Urgency = 'emergency' | 'urgent' | 'see_doctor';

/** How soon the doctor should see the patient: the level of the gravest red flag (docs/clinical-rules.md §1). */
export function referralUrgency(flags: readonly RedFlagQuestion[]): Urgency | null {
	return (['emergency', 'urgent', 'see_doctor'] as const).find((level) => flags.some((flag) => questionsAtLevel(level).includes(flag))) ?? null;
}

/**
 * A referral letter to a doctor from one examination (issue #7): why the patient is referred and
 * how urgently, the findings, medicines and cautions from the intake, the treatment given so far,
 * and a signature line for the practitioner downloading it. Null when the patient is unknown or
 * merged, or the examination belongs to someone else. The read is audited.
 */
export async function referralLetterPdf(
	db: Db,
	patientId: string,
	examId: string,
	locale: Locale,
	actor: AuditActor,
	now = db.clock.now()
): Promise<{ pdf: Buffer; filename: string } | null> {
	const patient = await findDocumentPatient(db, patientId);
	if (!patient) return null;
	const exam = await getExamination(db, patientId, examId, actor);
	if (!exam) return null;
	const [ctx, intake, sessions, signer] = await Promise.all([
		documentContext(db, locale),
		findNewestIntake(db, patientId, 'submitted'),
		listSessionStarts(db, patientId),
		findSigner(db, actor.type === 'staff' ? actor.id : null, locale)
	]);
	await recordAudit(db, actor, { action: 'document.referral_letter', entityType: 'examination', entityId: examId, patientId });
	const { t } = ctx;

	const blocks: PdfBlock[] = [
		{ kind: 'title', text: t('examination.referral.title') },
		{ kind: 'paragraph', text: t('examination.referral.to') },
		{
			kind: 'fields',
			rows: [
				[t('documents.issued'), ctx.longDate(now.toISOString())],
				[t('documents.referral.from'), ctx.letterhead]
			]
		},
		{ kind: 'paragraph', text: t('examination.referral.intro') },
		{ kind: 'fields', rows: patientIdentityRows(patient, locale) },
		...reasonBlocks(ctx, exam.findings.redFlags),
		{ kind: 'heading', text: t('examination.referral.findings') },
		{ kind: 'fields', rows: findingRows(ctx, exam) },
		...intakeBlocks(ctx, intake?.answers ?? null),
		{ kind: 'heading', text: t('documents.referral.treatment') },
		...treatmentBlocks(
			ctx,
			sessions.map((s) => s.started_at)
		),
		{ kind: 'paragraph', text: t('examination.referral.closing') },
		{
			kind: 'fields',
			rows: [
				[t('documents.referral.practitioner'), signer ? `${signer.name}\n${licenceText(t, signer)}` : ''],
				[t('documents.referral.signature'), '\n＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿']
			]
		}
	];
	const title = t('examination.referral.title');
	const pdf = await renderPdf({ title, author: ctx.clinicName, lang: locale, blocks });
	return { pdf, filename: `${t('documents.referral.fileName')}_${patient.patientNumber ?? patient.id}_${exam.examinedAt.slice(0, 10)}.pdf` };
}

/** How soon the doctor should see the patient, and the patient's answer on blood thinners, in the letter's words (typed label maps, issue #21). */
const URGENCY_LABELS: Record<NonNullable<ReturnType<typeof referralUrgency>>, MessageKey> = {
	emergency: 'documents.referral.urgency.emergency',
	urgent: 'documents.referral.urgency.urgent',
	see_doctor: 'documents.referral.urgency.see_doctor'
};
const BLOOD_THINNER_ANSWER_LABELS: Record<BloodThinnerAnswer, MessageKey> = {
	yes: 'documents.referral.bloodThinner.yes',
	no: 'documents.referral.bloodThinner.no',
	unsure: 'documents.referral.bloodThinner.unsure'
};

function reasonBlocks({ t }: DocumentContext, flags: readonly RedFlagQuestion[]): PdfBlock[] {
	const urgency = referralUrgency(flags);
	const blocks: PdfBlock[] = [{ kind: 'heading', text: t('documents.referral.reason') }];
	if (flags.length === 0 || !urgency) return [...blocks, { kind: 'paragraph', text: t('documents.referral.noRedFlags') }];
	return [
		...blocks,
		{ kind: 'paragraph', text: `${t('documents.referral.redFlagsFound')}\n${flags.map((flag) => `・${t(TRIAGE_REASON_LABELS[flag])}`).join('\n')}` },
		{ kind: 'fields', rows: [[t('documents.referral.urgency'), t(URGENCY_LABELS[urgency])]] }
	];
}

function findingRows(ctx: DocumentContext, exam: Examination): Array<readonly [string, string]> {
	const { t } = ctx;
	const f: ExamFindings = exam.findings;
	const list = (items: readonly string[]) => (items.length > 0 ? items.join(t('list.separator')) : '—');
	const suggestion = suggestRoot(f).root;
	const root =
		exam.confirmedRoot === 'unclear'
			? t('examination.root.unclear')
			: exam.confirmedRoot
				? t('documents.referral.rootConfirmed', { root: exam.confirmedRoot })
				: suggestion
					? t('documents.referral.rootSuggested', { root: suggestion })
					: t('examination.noSuggestion');
	const rows: Array<readonly [string, string]> = [
		[t('documents.referral.examined'), t('documents.referral.examinedBy', { date: ctx.date(exam.examinedAt), name: exam.practitionerName })],
		[t('examination.side'), t(EXAMINATION_SIDE_LABELS[f.side])]
	];
	for (const side of affectedSides(f.side)) {
		const s = f[side];
		rows.push([
			t('examination.sideFindings', { side: t(EXAMINATION_SIDE_LABELS[side]) }),
			[
				`${t('examination.painAreas')}: ${list(s.painAreas.map((a) => t(PAIN_AREA_LABELS[a])))}`,
				`${t('examination.numbAreas')}: ${list(s.numbAreas.map((a) => t(PAIN_AREA_LABELS[a])))}`,
				`${t('examination.sensation')}: ${list(s.reducedSensation.map((r) => t('examination.sensationArea', { root: r })))}`,
				`${t('examination.reflexes')}: ${list(REFLEXES.map((r) => `${t(REFLEX_LABELS[r])} ${t(REFLEX_GRADE_LABELS[s.reflexes[r]])}`))}`,
				`${t('examination.strength')}: ${list(MUSCLES.map((m) => `${t(MUSCLE_LABELS[m])} ${s.strength[m]}/5`))}`
			].join('\n')
		]);
	}
	// Both legs' angles, the unaffected one included: the difference between them is part of the finding.
	const slr = (side: 'left' | 'right') => {
		const { slrAngle: angle, slrReproducesPain: pain } = f[side];
		return angle === null ? '—' : slrPositive(angle, pain) ? t('examination.slrPositive', { angle }) : `${angle}°`;
	};
	rows.push([t('examination.slr'), (['left', 'right'] as const).map((side) => `${t(EXAMINATION_SIDE_LABELS[side])} ${slr(side)}`).join(t('list.separator'))]);
	rows.push([t('examination.crossedSlrShort'), f.crossedSlr ? t('examination.positive') : t('examination.negative')]);
	rows.push([t('examination.suggestion'), root]);
	if (f.notes) rows.push([t('examination.notes'), f.notes]);
	return rows;
}

function intakeBlocks({ t }: DocumentContext, answers: IntakeAnswers | null): PdfBlock[] {
	const heading: PdfBlock = { kind: 'heading', text: t('documents.referral.intake') };
	if (!answers) return [heading, { kind: 'paragraph', text: t('documents.referral.noIntake') }];
	const safety = answers.safety;
	const history = answers.history;
	const thinner = safety?.bloodThinner;
	const kinds = (safety?.bloodThinnerKinds ?? []).map((k) => t(BLOOD_THINNER_LABELS[k]));
	// The chart's alerts by their short names: the advice that goes with them is written for practitioners.
	const alerts = deriveSafetyAlerts(toSafetyFacts(answers));
	const text = (value: string | undefined) => (value && value.trim() ? value.trim() : t('documents.none'));
	return [
		heading,
		{
			kind: 'fields',
			rows: [
				[t('documents.referral.medicines'), text(safety?.medicines)],
				[t('documents.referral.bloodThinner'), thinner ? [t(BLOOD_THINNER_ANSWER_LABELS[thinner]), ...kinds].join(t('list.separator')) : '—'],
				[t('documents.referral.conditions'), text(history?.conditions)],
				[t('documents.referral.operations'), text(history?.operations)],
				[t('documents.referral.alerts'), alerts.length > 0 ? alerts.map((a) => t(SAFETY_SHORT_LABELS[a.code])).join(t('list.separator')) : t('documents.none')]
			]
		}
	];
}

function treatmentBlocks(ctx: DocumentContext, startedAt: readonly string[]): PdfBlock[] {
	const { t } = ctx;
	if (startedAt.length === 0) return [{ kind: 'paragraph', text: t('documents.referral.noSessions') }];
	const first = ctx.date(startedAt[0]!);
	const count =
		startedAt.length === 1
			? t('documents.referral.sessionOnce', { date: first })
			: t('documents.referral.sessionCount', { count: startedAt.length, first, last: ctx.date(startedAt.at(-1)!) });
	return [
		{
			kind: 'fields',
			rows: [
				[t('documents.referral.sessions'), count],
				[t('documents.referral.sessionDates'), startedAt.map(ctx.date).join(t('list.separator'))]
			]
		}
	];
}
