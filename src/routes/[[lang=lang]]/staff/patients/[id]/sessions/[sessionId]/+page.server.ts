import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { labelConflicts, type LabelledConflict } from '$lib/components/treatment-plan/plan-labels';
import { allowedTechniques, cuppingPolicy, MOXA_TYPES, planPointsForSession } from '$lib/domain/clinical/session-rules';
import type { Locale } from '$lib/i18n/locales';
import { isMessageKey, translate } from '$lib/i18n/translate';
import { offersCupping } from '$lib/server/clinic/treatment-settings';
import type { Db } from '$lib/server/db/database';
import type { AuditActor } from '$lib/server/audit/audit-log';
import { formFailure } from '$lib/server/http/form';
import { readForm } from '$lib/server/http/read-form';
import { actorFrom } from '$lib/server/http/request-context';
import { acknowledgeOpenConflicts } from '$lib/server/treatment-session/acknowledge-conflicts';
import { closeSession } from '$lib/server/treatment-session/close-session';
import type { SessionEditResult } from '$lib/server/treatment-session/edit-session';
import { dropHeldPlanPoints, keepHeldPlanPoints } from '$lib/server/treatment-session/held-plan-points';
import { setNeedleCounts, stepNeedleCount } from '$lib/server/treatment-session/needle-counts';
import { recordAdverseEvent } from '$lib/server/treatment-session/record-adverse-event';
import { recordNotes } from '$lib/server/treatment-session/record-notes';
import { recordPrePain } from '$lib/server/treatment-session/record-pre-pain';
import { recordTechniques } from '$lib/server/treatment-session/record-techniques';
import {
	ACK_FIELD,
	ADVERSE_EVENT_KINDS,
	ADVERSE_EVENT_OUTCOMES,
	ADVERSE_EVENT_SEVERITIES,
	DEQI_LEVELS,
	NEEDLE_GAUGES,
	NEEDLE_LENGTHS_MM,
	NEEDLE_TECHNIQUES,
	NOTES_MAX,
	POINT_SIDES,
	REASON_MAX
} from '$lib/server/treatment-session/schemas';
import { addSessionPoint, editSessionPoint, removeSessionPoint } from '$lib/server/treatment-session/session-points';
import { sessionPageView } from '$lib/server/treatment-session/session-page';
import { getSessionRecord } from '$lib/server/treatment-session/session-record';
import { findSessionPatient, licencesOf } from '$lib/server/treatment-session/session-repository';
import { startRetentionTimer } from '$lib/server/treatment-session/start-retention-timer';
import { getActivePlan } from '$lib/server/treatment-plan/get-active-plan';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

const isId = (id: string | undefined) => z.uuid().safeParse(id ?? '').success;

export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	if (!isId(params.id) || !isId(params.sessionId)) notFound(locals.locale);
	const patient = await findSessionPatient(locals.db, params.id);
	if (!patient) notFound(locals.locale);
	const now = locals.db.clock.now();
	const session = await getSessionRecord(locals.db, patient.id, params.sessionId, actorFrom(event), now);
	if (!session) notFound(locals.locale);
	const licences = await licencesOf(locals.db, session.practitionerStaffId);
	const cupping = await offersCupping(locals.db);
	// The plan's sides give a point tapped on the body chart its side by default (sessionPageView).
	const plan = await getActivePlan(locals.db, patient.id, actorFrom(event));
	const schedule = new URLSearchParams({ q: patient.patientNumber ?? `${patient.familyName} ${patient.givenName}` });
	const timeZone = await recentClinicTimeZone(locals.db);
	return {
		patient,
		// The session with its safety labels, the atlas's names and positions, the adverse event's time bounds.
		...sessionPageView(session, locals.locale, timeZone, now, plan?.points.map((point) => point.side) ?? []),
		now: now.getTime(),
		timeZone,
		justStarted: url.searchParams.get('started') === '1',
		licences,
		allowed: allowedTechniques(licences, cuppingPolicy(cupping)),
		offersCupping: cupping,
		// The plan's needled points stay out of a session whose practitioner has no はり師 (docs/clinical-rules.md §6).
		planPointsNotCopied: (plan?.points.length ?? 0) > 0 && planPointsForSession(plan?.points ?? [], licences).length === 0,
		options: {
			sides: POINT_SIDES,
			gauges: NEEDLE_GAUGES,
			lengths: NEEDLE_LENGTHS_MM,
			techniques: NEEDLE_TECHNIQUES,
			deqi: DEQI_LEVELS,
			moxaTypes: MOXA_TYPES,
			kinds: ADVERSE_EVENT_KINDS,
			severities: ADVERSE_EVENT_SEVERITIES,
			outcomes: ADVERSE_EVENT_OUTCOMES,
			notesMax: NOTES_MAX,
			reasonMax: REASON_MAX
		},
		scheduleQuery: schedule.toString()
	};
};

type EditUseCase = (db: Db, patientId: string, sessionId: string, input: Record<string, unknown>, actor: AuditActor) => Promise<SessionEditResult>;

function translatedFields(locale: Locale, fields: Record<string, string>): Record<string, string> {
	return Object.fromEntries(
		Object.entries(fields).map(([field, key]) => [field, translate(locale, isMessageKey(key) ? key : 'treatmentSession.error.invalid')])
	);
}

/**
 * What the page gets back when a change meets the patient's safety alerts (issue #15): the input,
 * to post again with a reason per conflict, and the conflicts. Nothing was saved.
 */
interface ConflictFailure {
	values: Record<string, string>;
	errors: Record<string, string>;
	conflicts: LabelledConflict[];
}

/** One form action: read the form, run the use case, map each outcome to one status in one place. */
function editAction(useCase: EditUseCase) {
	return async (event: RequestEvent) => {
		const { locals, params } = event;
		if (!isId(params.id) || !isId(params.sessionId)) notFound(locals.locale);
		const values = await readForm(event.request);
		const result = await useCase(locals.db, params.id!, params.sessionId!, values, actorFrom(event));
		if (result.ok) return { saved: values.form ?? '' };
		if (result.code === 'invalid') return formFailure(422, values, translatedFields(locals.locale, result.fields));
		if (result.code === 'needs_acknowledgement') {
			const errors = Object.fromEntries(
				result.missing.map((key) => [`${ACK_FIELD}${key}`, translate(locals.locale, 'treatmentSession.safety.reasonRequired')])
			);
			// The point code is no secret here: the form posts it again with the reasons.
			return fail(422, { values, errors, conflicts: labelConflicts(result.check.conflicts, locals.locale) } satisfies ConflictFailure);
		}
		if (result.code === 'closed') return formFailure(409, values, {}, translate(locals.locale, 'treatmentSession.error.closed'));
		if (result.code === 'forbidden') error(403, translate(locals.locale, 'error.forbiddenTitle'));
		notFound(locals.locale);
	};
}

export const actions: Actions = {
	prePain: editAction(recordPrePain),
	addPoint: editAction(addSessionPoint),
	removePoint: editAction(removeSessionPoint),
	editPoint: editAction(editSessionPoint),
	needleStep: editAction(stepNeedleCount),
	needleCounts: editAction(setNeedleCounts),
	techniques: editAction(recordTechniques),
	keepPlanPoints: editAction(keepHeldPlanPoints),
	dropPlanPoints: editAction(dropHeldPlanPoints),
	acknowledge: editAction(acknowledgeOpenConflicts),
	timer: editAction(startRetentionTimer),
	notes: editAction(recordNotes),
	close: async (event) => {
		const { locals, params } = event;
		if (!isId(params.id) || !isId(params.sessionId)) notFound(locals.locale);
		const values = await readForm(event.request);
		const result = await closeSession(locals.db, params.id, params.sessionId, actorFrom(event));
		if (result.ok) return { saved: 'close' };
		if (result.code === 'counts_differ') {
			return formFailure(422, values, {}, translate(locals.locale, 'treatmentSession.close.refused', { in: result.needlesIn, out: result.needlesOut }));
		}
		if (result.code === 'count_missing') return formFailure(422, values, {}, translate(locals.locale, 'treatmentSession.close.countMissing'));
		if (result.code === 'already_closed') return formFailure(409, values, {}, translate(locals.locale, 'treatmentSession.close.alreadyClosed'));
		notFound(locals.locale);
	},
	adverseEvent: async (event) => {
		const { locals, params } = event;
		if (!isId(params.id) || !isId(params.sessionId)) notFound(locals.locale);
		const values = await readForm(event.request);
		const result = await recordAdverseEvent(locals.db, locals.mailer, params.id, params.sessionId, values, actorFrom(event), { origin: locals.origin });
		if (result.ok) return { saved: 'adverseEvent', notified: result.notified };
		if (result.code === 'invalid') return formFailure(422, values, translatedFields(locals.locale, result.fields));
		if (result.code === 'forbidden') error(403, translate(locals.locale, 'error.forbiddenTitle'));
		notFound(locals.locale);
	}
};
