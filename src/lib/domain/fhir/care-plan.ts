/*
 * The treatment plan (issue #7) as a CarePlan with its Goals and one ServiceRequest for the
 * acupuncture it plans: the points as body sites, how often a week and how many sessions, and the
 * techniques besides needling. Saving a plan closes the one before, so every plan but the first
 * replaces its predecessor; a closed plan is "revoked", which R4 defines as ended before completion,
 * possibly replaced by a new plan. Pure: rows come in already read, oldest first.
 */
import type { PointSide } from '../clinical/point-suggestions';
import { compact, concept, localCoding, present, referenceTo, type FhirContext } from './codes';
import { acupointBodySite } from './procedure';
import type { CarePlan, CodeableConcept, Goal, RequestStatus, ServiceRequest } from './types';

export interface PlanRow {
	id: string;
	patient_id: string;
	/** The practitioner row of the staff member who wrote the plan, when there is one. */
	author_practitioner_id: string | null;
	status: 'active' | 'closed';
	/** The goals in the patient's words. */
	goals: string[];
	frequency_per_week: number;
	planned_sessions: number;
	/** Clinic-local date, YYYY-MM-DD. */
	review_date: string;
	points: { code: string; side: PointSide; deep: boolean }[];
	electroacupuncture: boolean;
	moxibustion: boolean;
	bloodletting: boolean;
	notes: string;
	created_at: string;
	/** For a closed plan, when it was closed. */
	updated_at: string;
}

export interface CarePlanContext extends FhirContext {
	/** The sciatica Condition the plan addresses, when the patient has one. */
	problemId: string | null;
}

const TECHNIQUES = [
	['electroacupuncture', 'Electroacupuncture'],
	['moxibustion', 'Moxibustion'],
	['bloodletting', 'Bloodletting']
] as const;

export const planRequestId = (planId: string) => `${planId}-acupuncture`;
export const planGoalId = (planId: string, index: number) => `${planId}-goal-${index + 1}`;

function requestStatus(plan: PlanRow): RequestStatus {
	return plan.status === 'active' ? 'active' : 'revoked';
}

function goals(plan: PlanRow, ctx: CarePlanContext): Goal[] {
	return plan.goals
		.map((text, i) => [planGoalId(plan.id, i), present(text)] as const)
		.filter((g): g is readonly [string, string] => g[1] !== undefined)
		.map(([id, text]) =>
			compact({
				resourceType: 'Goal' as const,
				id,
				// A replaced plan's goals live on in the plan that replaced it, as new Goals.
				lifecycleStatus: plan.status === 'active' ? ('active' as const) : ('cancelled' as const),
				description: { text },
				subject: referenceTo('Patient', plan.patient_id),
				// Progress towards the goals is reviewed on the plan's review date.
				target: [{ dueDate: plan.review_date }],
				// The goals are the patient's own activities (their PSFS by default).
				expressedBy: referenceTo('Patient', plan.patient_id),
				addresses: ctx.problemId ? [referenceTo('Condition', ctx.problemId)] : undefined
			})
		);
}

function acupunctureRequest(plan: PlanRow, ctx: CarePlanContext): ServiceRequest {
	const techniques: CodeableConcept[] = TECHNIQUES.filter(([key]) => plan[key]).map(([key, display]) =>
		concept(localCoding(ctx, 'procedure', key, display), display)
	);
	return compact({
		resourceType: 'ServiceRequest' as const,
		id: planRequestId(plan.id),
		basedOn: [referenceTo('CarePlan', plan.id)],
		status: requestStatus(plan),
		intent: 'plan' as const,
		code: concept(localCoding(ctx, 'procedure', 'acupuncture', 'Acupuncture'), 'Acupuncture'),
		orderDetail: techniques.length > 0 ? techniques : undefined,
		subject: referenceTo('Patient', plan.patient_id),
		occurrenceTiming: { repeat: { count: plan.planned_sessions, frequency: plan.frequency_per_week, period: 1, periodUnit: 'wk' as const } },
		authoredOn: plan.created_at,
		requester: plan.author_practitioner_id ? referenceTo('Practitioner', plan.author_practitioner_id) : undefined,
		reasonReference: ctx.problemId ? [referenceTo('Condition', ctx.problemId)] : undefined,
		bodySite: plan.points.map((point) => {
			const site = acupointBodySite(point, ctx);
			// R4 has no element for needling depth; the text keeps the plan's "deep" mark readable.
			return point.deep ? { ...site, text: `${site.text}, deep needling` } : site;
		})
	});
}

/** One plan as its CarePlan, Goals and ServiceRequest; `previousId` is the plan it replaced. */
export function treatmentPlanResources(plan: PlanRow, previousId: string | null, ctx: CarePlanContext): [CarePlan, ...Array<Goal | ServiceRequest>] {
	const planGoals = goals(plan, ctx);
	const request = acupunctureRequest(plan, ctx);
	const notes = present(plan.notes);
	const carePlan: CarePlan = compact({
		resourceType: 'CarePlan' as const,
		id: plan.id,
		status: requestStatus(plan),
		intent: 'plan' as const,
		title: 'Acupuncture treatment plan',
		subject: referenceTo('Patient', plan.patient_id),
		period: compact({ start: plan.created_at, end: plan.status === 'closed' ? plan.updated_at : undefined }),
		created: plan.created_at,
		author: plan.author_practitioner_id ? referenceTo('Practitioner', plan.author_practitioner_id) : undefined,
		replaces: previousId ? [referenceTo('CarePlan', previousId)] : undefined,
		addresses: ctx.problemId ? [referenceTo('Condition', ctx.problemId)] : undefined,
		goal: planGoals.length > 0 ? planGoals.map((g) => referenceTo('Goal', g.id)) : undefined,
		activity: [{ reference: referenceTo('ServiceRequest', request.id) }],
		note: notes ? [{ text: notes }] : undefined
	});
	return [carePlan, ...planGoals, request];
}

/** Every plan of a patient, oldest first, each replacing the one before it. */
export function treatmentPlansResources(plans: readonly PlanRow[], ctx: CarePlanContext): Array<CarePlan | Goal | ServiceRequest> {
	return plans.flatMap((plan, i) => treatmentPlanResources(plan, i > 0 ? plans[i - 1]!.id : null, ctx));
}
