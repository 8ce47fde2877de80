/*
 * What the portal's and the console's step pages share: the same load and the same form action,
 * given who is acting and where the questionnaire lives (`basePath`, e.g. `/portal/intake`).
 */
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { toFormValues } from '../../domain/intake/form-fields';
import { missingSteps } from '../../domain/intake/progress';
import { isAnswerStep, isIntakeStep, type IntakeStep } from '../../domain/intake/steps';
import { localizePath, type Locale } from '../../i18n/locales';
import { translate } from '../../i18n/translate';
import type { AuditActor } from '../audit/audit-log';
import { intakeConsentProblemOf } from '../consent/required-consent';
import { formFailure, parseForm } from '../http/form';
import { isMessageKey } from '../../i18n/translate';
import { patientAge } from './patient-age';
import { findOpenIntake, saveIntakeStep, submitIntake, type IntakeRecord } from './intake-service';
import { ZIntakeStepSchemas } from './schemas';

export interface StepContext {
	event: RequestEvent;
	patientId: string;
	actor: AuditActor;
	/** Unprefixed path of the questionnaire's overview, e.g. `/portal/intake`. */
	basePath: string;
	/** Set when staff enter the answers. */
	staffId?: string;
	/** Portal: every query is scoped to the signed-in patient. */
	scopeToPatient: boolean;
}

function knownStep(step: string, locale: Locale): IntakeStep {
	if (!isIntakeStep(step)) error(404, translate(locale, 'error.notFoundTitle'));
	return step;
}

async function openIntake(ctx: StepContext): Promise<IntakeRecord> {
	const intake = await findOpenIntake(ctx.event.locals.db, ctx.patientId, ctx.actor);
	if (!intake) redirect(303, localizePath(ctx.basePath, ctx.event.locals.locale));
	return intake;
}

/** Without a current privacy consent no health question is asked: the overview says why and links to sign. */
async function requirePrivacyConsent(ctx: StepContext): Promise<void> {
	if (await intakeConsentProblemOf(ctx.event.locals.db, ctx.patientId)) redirect(303, localizePath(ctx.basePath, ctx.event.locals.locale));
}

export async function loadStepPage(ctx: StepContext, stepParam: string) {
	const locale = ctx.event.locals.locale;
	const step = knownStep(stepParam, locale);
	await requirePrivacyConsent(ctx);
	const intake = await openIntake(ctx);
	const db = ctx.event.locals.db;
	return {
		step,
		// The self-check's age question, asked only when the date of birth does not answer it.
		askAge: step === 'red-flags' && (await patientAge(db, ctx.patientId, db.clock.now())) === null,
		basePath: ctx.basePath,
		values: isAnswerStep(step) ? toFormValues(step, intake.answers) : {},
		answers: step === 'review' ? intake.answers : null,
		missing: missingSteps(intake.answers)
	};
}

/** Saves a step and moves on, or submits from the review; bad input comes back as field errors. */
export async function handleStepAction(ctx: StepContext, stepParam: string) {
	const { locals, request } = ctx.event;
	const step = knownStep(stepParam, locals.locale);
	const intake = await openIntake(ctx);
	const overview = localizePath(ctx.basePath, locals.locale);
	const scope = ctx.scopeToPatient ? { patientId: ctx.patientId } : {};

	if (step === 'review') {
		const result = await submitIntake(locals.db, locals.mailer, intake.id, ctx.actor, { ...scope, staffId: ctx.staffId, origin: locals.origin });
		if (!result.ok && result.code === 'incomplete') return fail(422, { missing: result.missing });
		if (!result.ok && result.code === 'no_privacy_consent') redirect(303, overview);
		redirect(303, result.ok ? `${overview}?sent=1` : overview);
	}

	const form = await parseForm(request, ZIntakeStepSchemas[step], locals.locale);
	if (!form.ok) return form.failure;
	const result = await saveIntakeStep(locals.db, intake.id, step, form.values, ctx.actor, { ...scope, staffId: ctx.staffId });
	if (result.ok) redirect(303, localizePath(`${ctx.basePath}/${result.next}`, locals.locale));
	if (result.code === 'invalid') {
		const errors = Object.fromEntries(
			Object.entries(result.fields).map(([field, key]) => [field, translate(locals.locale, isMessageKey(key) ? key : 'validation.formTitle')])
		);
		return formFailure(422, form.values, errors);
	}
	redirect(303, overview);
}
