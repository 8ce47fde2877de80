import { render } from 'svelte/server';
import { describe, expect, it, vi } from 'vitest';
import { checkTreatment } from '$lib/domain/clinical/safety-check';
import { NEEDLING_ORDER, suggestPoints } from '$lib/domain/clinical/point-suggestions';
import { deriveSafetyAlerts, noSafetyFacts, type IntakeSafetyFacts } from '$lib/domain/safety/alerts';
import { PLAN_LIMITS } from '$lib/server/treatment-plan/schemas';
import { wordSafetyAlerts } from '../safety/safety-labels';
import Page from '../../../routes/[[lang=lang]]/staff/patients/[id]/plan/+page.svelte';

vi.mock('$app/state', () => ({ page: { url: new URL('http://localhost/staff/patients/p1/plan'), data: {} } }));

const facts: IntakeSafetyFacts = noSafetyFacts({ anticoagulants: true });
const alerts = deriveSafetyAlerts(facts);

function pageData(locale: 'ja' | 'en') {
	return {
		locale,
		patient: { id: 'p1', patientNumber: 'P-1', familyName: '佐藤', givenName: '健' },
		intakeSubmitted: true,
		safetyAlerts: wordSafetyAlerts(alerts, locale),
		activePlan: null,
		suggestions: {
			exam: null,
			root: 'S1',
			pattern: 'taiyang',
			side: 'right',
			points: suggestPoints({ pattern: 'taiyang', root: 'S1', side: 'right' }),
			goals: ['車の運転を1時間続ける']
		},
		today: '2026-03-02',
		timeZone: 'Asia/Tokyo',
		limits: PLAN_LIMITS,
		pointOrder: [...NEEDLING_ORDER]
	};
}

const html = (locale: 'ja' | 'en', form: unknown) => render(Page, { props: { data: pageData(locale), form } as never }).body;

describe('the treatment plan page', () => {
	it('pre-fills the goals and ticks the suggested points on the painful side', () => {
		const body = html('ja', null);
		expect(body).toContain('value="車の運転を1時間続ける"');
		expect(body).toMatch(/id="point-BL40" type="checkbox" name="point.BL40" checked/);
		expect(body).toMatch(/name="side.BL40"[^]*?<option value="right" selected/);
		expect(body).not.toMatch(/id="point-SP6" type="checkbox" name="point.SP6" checked/);
		expect(body).toContain('抗凝固薬・抗血小板薬を服用中です');
	});

	it('asks a reason for each conflict, keeping what was entered', () => {
		const check = checkTreatment(alerts, { points: [{ code: 'BL40', deep: true }], electroacupuncture: false, bloodletting: true });
		const values = { 'point.BL40': 'on', 'deep.BL40': 'on', 'side.BL40': 'left', bloodletting: 'on', 'ack.anticoagulants.bloodletting': '主治医に確認済み' };
		const body = html('ja', { values, errors: { 'ack.anticoagulants.deepNeedling.BL40': '続ける理由を入力してください。' }, conflicts: check.conflicts });
		expect(body).toContain('抗凝固薬: BL40 委中（いちゅう）への深刺');
		expect(body).toContain('name="ack.anticoagulants.bloodletting"');
		expect(body).toContain('主治医に確認済み</textarea>');
		expect(body).toMatch(/name="side.BL40"[^]*?<option value="left" selected/);
		expect(body).toContain('id="ack-anticoagulants-deepNeedling-BL40-error"');
	});

	it('lists field errors in English', () => {
		const body = html('en', { values: {}, errors: { points: 'Choose at least one point.' } });
		expect(body).toContain('Choose at least one point.');
		expect(body).toContain('BL40 Weizhong');
	});
});
