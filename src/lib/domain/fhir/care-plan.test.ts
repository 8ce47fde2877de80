import { describe, expect, it } from 'vitest';
import { r4Problems } from '../../server/fhir/r4-validator.testing';
import { treatmentPlansResources, type PlanRow } from './care-plan';
import type { CarePlan, Goal, ServiceRequest } from './types';

const ctx = { origin: 'https://clinic.example', problemId: 'intake-1' };

const first: PlanRow = {
	id: 'plan-1',
	patient_id: 'patient-1',
	author_practitioner_id: 'pr-1',
	status: 'closed',
	goals: ['車の運転を1時間続ける', '', '30分歩く'],
	frequency_per_week: 2,
	planned_sessions: 8,
	review_date: '2026-04-01',
	points: [
		{ code: 'GB30', side: 'right', deep: false },
		{ code: 'BL40', side: 'right', deep: true }
	],
	electroacupuncture: true,
	moxibustion: false,
	bloodletting: false,
	notes: '初回は短めに',
	created_at: '2026-03-04T01:30:00.000Z',
	updated_at: '2026-03-18T01:00:00.000Z'
};
const second: PlanRow = {
	...first,
	id: 'plan-2',
	status: 'active',
	goals: ['靴下をはく'],
	frequency_per_week: 1,
	planned_sessions: 4,
	electroacupuncture: false,
	notes: '',
	created_at: '2026-03-18T01:00:00.000Z',
	updated_at: '2026-03-18T01:00:00.000Z'
};

describe('treatmentPlansResources', () => {
	const resources = treatmentPlansResources([first, second], ctx);
	const carePlans = resources.filter((r): r is CarePlan => r.resourceType === 'CarePlan');
	const goals = resources.filter((r): r is Goal => r.resourceType === 'Goal');
	const requests = resources.filter((r): r is ServiceRequest => r.resourceType === 'ServiceRequest');

	it('writes valid R4 for every plan: a CarePlan, a Goal per goal written, one ServiceRequest', () => {
		expect(resources.map((r) => `${r.resourceType}/${r.id}`)).toEqual([
			'CarePlan/plan-1',
			'Goal/plan-1-goal-1',
			'Goal/plan-1-goal-3',
			'ServiceRequest/plan-1-acupuncture',
			'CarePlan/plan-2',
			'Goal/plan-2-goal-1',
			'ServiceRequest/plan-2-acupuncture'
		]);
		for (const resource of resources) expect(r4Problems(resource), resource.id).toEqual([]);
	});

	it('revokes the replaced plan at the time it was closed, and the new plan replaces it', () => {
		expect(carePlans[0]).toMatchObject({ status: 'revoked', period: { start: first.created_at, end: first.updated_at } });
		expect(carePlans[0]).not.toHaveProperty('replaces');
		expect(carePlans[1]).toMatchObject({
			status: 'active',
			intent: 'plan',
			replaces: [{ reference: 'CarePlan/plan-1' }],
			period: { start: second.created_at }
		});
		expect(carePlans[1]!.period).not.toHaveProperty('end');
		expect(goals.map((g) => g.lifecycleStatus)).toEqual(['cancelled', 'cancelled', 'active']);
	});

	it('links the plan to the sciatica Condition, its goals and its activity, with the author', () => {
		expect(carePlans[0]).toMatchObject({
			addresses: [{ reference: 'Condition/intake-1' }],
			goal: [{ reference: 'Goal/plan-1-goal-1' }, { reference: 'Goal/plan-1-goal-3' }],
			activity: [{ reference: { reference: 'ServiceRequest/plan-1-acupuncture' } }],
			author: { reference: 'Practitioner/pr-1' },
			note: [{ text: '初回は短めに' }]
		});
		expect(goals[0]).toMatchObject({
			description: { text: '車の運転を1時間続ける' },
			target: [{ dueDate: '2026-04-01' }],
			expressedBy: { reference: 'Patient/patient-1' }
		});
	});

	it('plans acupuncture at the points as body sites, so many times a week for so many sessions', () => {
		const request = requests[0]!;
		expect(request).toMatchObject({
			status: 'revoked',
			intent: 'plan',
			basedOn: [{ reference: 'CarePlan/plan-1' }],
			occurrenceTiming: { repeat: { count: 8, frequency: 2, period: 1, periodUnit: 'wk' } },
			requester: { reference: 'Practitioner/pr-1' },
			reasonReference: [{ reference: 'Condition/intake-1' }]
		});
		expect(request.bodySite!.map((b) => [b.coding![0]!.code, b.text])).toEqual([
			['GB30', 'GB30 right'],
			['BL40', 'BL40 right, deep needling']
		]);
		expect(request.orderDetail!.map((d) => d.coding![0]!.code)).toEqual(['electroacupuncture']);
		expect(requests[1]).not.toHaveProperty('orderDetail');
	});

	it('leaves the Condition out when the patient has none', () => {
		const [plan, ...rest] = treatmentPlansResources([second], { ...ctx, problemId: null });
		expect(plan).not.toHaveProperty('addresses');
		expect(rest.every((r) => !('addresses' in r) && !('reasonReference' in r))).toBe(true);
	});
});
