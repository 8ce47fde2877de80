import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { CheckIn } from '$lib/domain/outcomes/check-in';
import { summarizeProgress } from '$lib/domain/outcomes/progress';
import ProgressChart from './ProgressChart.svelte';
import RatingScale from './RatingScale.svelte';
import ResponderSummary from './ResponderSummary.svelte';
import { LEG_PAIN_NRS, PGIC } from '$lib/domain/outcomes/builtin-instruments';

const psfs = (score: number) => ['靴下', '歩行', '運転'].map((activity) => ({ activity, score }));
const checkIns: CheckIn[] = [
	{
		id: 'a',
		recordedAt: '2026-04-01T01:00:00.000Z',
		source: 'intake',
		appointmentId: null,
		legPain: 8,
		backPain: 5,
		psfs: psfs(2),
		sbi: [5, 5, 4, 6],
		pgic: null
	},
	{
		id: 'b',
		recordedAt: '2026-04-15T01:00:00.000Z',
		source: 'portal',
		appointmentId: null,
		legPain: 5,
		backPain: 4,
		psfs: [...psfs(4).slice(0, 2), { activity: '運転', score: 5 }],
		sbi: [3, 3, 2, 4],
		pgic: 2
	}
];
const sessions = [
	{ id: 's1', startsAt: '2026-04-02T01:00:00.000Z' },
	{ id: 's2', startsAt: '2026-04-09T01:00:00.000Z' }
];

describe('the progress chart', () => {
	it('renders an SVG with a title and description, a key, and the same values in a table', () => {
		const { body } = render(ProgressChart, { props: { checkIns, sessions, locale: 'ja', timeZone: 'Asia/Tokyo' } });
		expect(body).toContain('role="img"');
		expect(body).toMatch(/<title id="progress-chart-title">痛み・動作・わずらわしさの推移<\/title>/);
		expect(body).toContain('aria-describedby="progress-chart-desc"');
		expect(body).toMatch(/<caption[^>]*>記録の一覧（グラフと同じ内容）<\/caption>/);
		expect(body).toContain('4.3'); // PSFS mean of 4, 4, 5
		expect(body).toContain('stroke-dasharray="6 4"'); // back pain is dashed, not only another colour
		expect((body.match(/<tr>/g) ?? []).length).toBe(3);
		expect(body).toMatch(/<th scope="row"[^>]*>2026\/04\/15<\/th>/);
		expect(body).toContain('来院日');
	});

	it('shows only the table heading row when there is nothing to draw', () => {
		const { body } = render(ProgressChart, { props: { checkIns: [], sessions: [], locale: 'en', timeZone: 'Asia/Tokyo' } });
		expect(body).not.toContain('<svg class="plot"');
	});
});

describe('the responder summary', () => {
	it('shows each measure with its change and status, and the activities', () => {
		const summary = summarizeProgress(checkIns, sessions, new Date('2026-04-16T00:00:00Z'));
		const { body } = render(ResponderSummary, { props: { summary, locale: 'en' } });
		expect(body).toContain('Responder');
		expect(body).toContain('−3 (−38 %)');
		expect(body).toContain('Much improved');
		expect(body).toContain('<li>靴下</li>');
		expect(body).toContain('Review point');
	});

	it('prompts a review when the patient is not improving', () => {
		const many = [...sessions, { id: 's3', startsAt: '2026-04-16T01:00:00.000Z' }, { id: 's4', startsAt: '2026-04-23T01:00:00.000Z' }];
		const summary = summarizeProgress([checkIns[0]!, { ...checkIns[1]!, legPain: 7 }], many, new Date('2026-04-24T00:00:00Z'));
		const { body } = render(ResponderSummary, { props: { summary, locale: 'ja' } });
		expect(body).toContain('data-testid="not-improving"');
		expect(body).toContain('医療機関への紹介');
	});
});

describe('a rating scale', () => {
	it('is a fieldset with a legend, one radio per point with its own id, and the anchors described', () => {
		const { body } = render(RatingScale, {
			props: { name: 'legPain', legend: '脚の痛み', instrument: LEG_PAIN_NRS, locale: 'ja', value: '3', error: '選んでください' }
		});
		expect(body).toMatch(/<fieldset[^>]*aria-describedby="legPain-anchors legPain-error"/);
		expect(body).toMatch(/<legend[^>]*>脚の痛み<\/legend>/);
		expect((body.match(/type="radio"/g) ?? []).length).toBe(11);
		expect(body).toMatch(/id="legPain-3"[^>]*value="3" checked/);
		expect(body).toContain('0 = 痛みはない、10 = 考えられる最悪の痛み');
	});

	it('lists every PGIC answer by its label', () => {
		const { body } = render(RatingScale, { props: { name: 'pgic', legend: 'x', instrument: PGIC, locale: 'en' } });
		expect(body).toContain('Very much worse');
		expect((body.match(/type="radio"/g) ?? []).length).toBe(7);
	});
});
