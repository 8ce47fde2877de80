import { MEASURE_LABELS } from '../../labels/measure-labels';
import { RESPONDER_STATUS_LABELS } from '../../domain/outcomes/outcome-labels';
import { personName } from '../../domain/patients/person-name';
import { measureScores, MEASURE_KEYS } from '../../domain/outcomes/check-in';
import type { Locale } from '../../i18n/locales';
import { translate } from '../../i18n/translate';
import { listAftercareNotes } from '../aftercare/list-aftercare-notes';
import type { AuditActor } from '../audit/audit-log';
import { recordAudit } from '../audit/audit-log';
import { findClinic } from '../clinic/clinic-repository';
import { attendedVisitStarts } from '../booking/appointment-repository';
import type { Db } from '../db/database';
import { progressSummary } from '../outcomes/progress-summary';
import { renderPdf, type PdfBlock } from './pdf';
import { CLINIC_DEFAULT_TIME_ZONE } from '../clinic/clinic-settings';
import { instantFormat } from '../../format';
import { findPatient } from '../patients/patient-repository';

/**
 * The treatment summary a patient takes home or to their doctor: visits, how the measures moved
 * since the start, and the advice shared with them. Null for an unknown or merged patient.
 */
export async function treatmentSummaryPdf(
	db: Db,
	patientId: string,
	locale: Locale,
	actor: AuditActor,
	now = db.clock.now()
): Promise<{ pdf: Buffer; filename: string } | null> {
	const patient = await findPatient(db, patientId, ['id', 'patient_number', 'family_name', 'given_name', 'date_of_birth'], { live: true });
	if (!patient) return null;
	const clinic = await findClinic(db);
	const timeZone = clinic?.time_zone ?? CLINIC_DEFAULT_TIME_ZONE;
	const [visits, progress, aftercare] = await Promise.all([
		attendedVisitStarts(db, patientId),
		progressSummary(db, patientId, actor, now),
		listAftercareNotes(db, patientId, { sharedOnly: true }, actor)
	]);
	await recordAudit(db, actor, { action: 'document.treatment_summary', entityType: 'patient', entityId: patientId, patientId });

	const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params);
	const day = instantFormat(locale, timeZone, { dateStyle: 'medium' });
	const date = (iso: string) => day.format(new Date(iso));
	const clinicName = clinic ? (locale === 'ja' ? clinic.name_ja : clinic.name_en) : '';
	const name = personName({ familyName: patient.family_name, givenName: patient.given_name }, locale);
	const score = (value: number | null) => (value === null ? '—' : String(Math.round(value * 10) / 10));

	const blocks: PdfBlock[] = [
		{ kind: 'title', text: t('documents.summary.title') },
		{
			kind: 'fields',
			rows: [
				[t('documents.patient'), `${name}${patient.patient_number ? `（${patient.patient_number}）` : ''}`],
				[t('documents.dateOfBirth'), patient.date_of_birth ?? '—'],
				[t('documents.clinic'), [clinicName, clinic?.phone ?? ''].filter(Boolean).join('\u3000')],
				[t('documents.issued'), date(now.toISOString())],
				[
					t('documents.summary.visits'),
					visits.length === 0
						? t('documents.summary.noVisits')
						: t('documents.summary.visitRange', { count: visits.length, first: date(visits[0]!.starts_at), last: date(visits.at(-1)!.starts_at) })
				]
			]
		},
		{ kind: 'heading', text: t('documents.summary.progress') }
	];
	if (progress.checkIns.length === 0) {
		blocks.push({ kind: 'paragraph', text: t('documents.summary.noCheckIns') });
	} else {
		blocks.push({
			kind: 'table',
			header: [t('documents.summary.date'), ...MEASURE_KEYS.filter((k) => k !== 'pgic').map((k) => t(MEASURE_LABELS[k]))],
			rows: progress.checkIns.map((c) => {
				const scores = measureScores(c);
				return [date(c.recordedAt), score(scores.legPain), score(scores.backPain), score(scores.psfs), score(scores.sbi)];
			})
		});
		blocks.push({
			kind: 'fields',
			rows: MEASURE_KEYS.map((k) => {
				const m = progress.measures[k];
				// PGIC has no baseline: it is itself a rating of change, so its latest answer stands alone.
				const change = m.baseline && m.latest ? `${score(m.baseline.value)} → ${score(m.latest.value)}` : m.latest ? score(m.latest.value) : '—';
				return [t(MEASURE_LABELS[k]), `${change}\u3000${t(RESPONDER_STATUS_LABELS[m.status])}`] as const;
			})
		});
		blocks.push({ kind: 'note', text: t('outcomes.responder.rule') });
	}
	if (aftercare.length > 0) {
		blocks.push({ kind: 'heading', text: t('documents.summary.advice') });
		for (const note of aftercare.slice(0, 3)) blocks.push({ kind: 'paragraph', text: `${date(note.createdAt)}\n${note.body}` });
	}
	blocks.push({ kind: 'note', text: t('documents.summary.disclaimer') });
	const pdf = await renderPdf({ title: t('documents.summary.title'), author: clinicName, lang: locale, blocks });
	return { pdf, filename: `${t('documents.summary.title')}_${patient.patient_number ?? patient.id}.pdf` };
}
