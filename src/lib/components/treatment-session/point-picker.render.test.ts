import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { ACUPOINTS } from '$lib/domain/acupoints/points';
import type { PointSide } from '$lib/domain/clinical/point-suggestions';
import { translator } from '$lib/i18n/translate';
import { POINT_SIDES } from '$lib/server/treatment-session/schemas';
import { chartedPoints, pointCatalogue, recordedCautions } from '$lib/server/treatment-session/session-page';
import { defaultTapSide } from './point-picker-layout';
import PointsSection from './PointsSection.svelte';

const recorded = (code: string, side: PointSide) => ({
	id: `id-${code}-${side}`,
	code,
	side,
	gauge: null,
	lengthMm: null,
	depthMm: null,
	technique: null,
	deqi: null,
	deep: false as boolean
});

function html(
	overrides: {
		points?: Array<ReturnType<typeof recorded>>;
		locked?: boolean;
		canNeedle?: boolean;
		planSides?: PointSide[];
		errors?: Record<string, string>;
		values?: Record<string, string>;
	} = {}
) {
	const points = overrides.points ?? [recorded('GB30', 'right'), recorded('BL23', 'both')];
	const codes = points.map((p) => p.code);
	const props = {
		t: translator('ja'),
		locale: 'ja' as const,
		catalogue: pointCatalogue('ja'),
		charted: chartedPoints(codes),
		cautions: recordedCautions(codes, 'ja'),
		options: { sides: POINT_SIDES, gauges: [], lengths: [], techniques: [], deqi: [] },
		locked: false,
		canNeedle: true,
		errors: {},
		values: undefined,
		...overrides,
		tapSide: defaultTapSide(
			overrides.planSides ?? ['right', 'both'],
			points.map((p) => p.side)
		),
		points
	};
	return render(PointsSection, { props }).body;
}

/** The tap form: from its opening tag to its end. */
const tapForm = (body: string) => /<form[^>]*aria-labelledby="[^"]*-heading"[^]*?<\/form>/.exec(body)?.[0] ?? '';

describe('the points in use on the session record', () => {
	it('shows each point’s cautions beside it: the kidney under BL23, nothing for GB30 beyond its nerve', () => {
		const body = html();
		const cautions = [...body.matchAll(/data-testid="point-cautions">([^<]*)</g)].map((m) => m[1]);
		expect(cautions).toHaveLength(2);
		expect(cautions[0]).toContain('坐骨神経');
		expect(cautions[1]).toContain('腎臓');
	});

	it('marks a point needled deeply and offers the deep checkbox in the add form', () => {
		const body = html({ points: [{ ...recorded('GB30', 'right'), deep: true }] });
		expect(body).toContain('<strong class="deep');
		expect(body).toMatch(/<input id="field-deep" name="deep" type="checkbox"/);
	});
});

describe('the body chart on the session record', () => {
	it('makes every atlas point a submit button of a plain form to the add-point action', () => {
		const form = tapForm(html());
		// Without JavaScript the post comes back to the picker's own heading (issue #22).
		expect(form).toMatch(/^<form method="post" action="\?\/addPoint#s1-heading"/);
		expect(form).toContain('<input type="hidden" name="form" value="addPoint"');
		expect(form).toContain('<input type="hidden" name="origin" value="chart"');
		const buttons = [...form.matchAll(/<button type="submit" name="code" value="([^"]+)"/g)].map((m) => m[1]);
		expect(buttons.sort()).toEqual(ACUPOINTS.map((p) => p.code).sort());
	});

	it('marks the points already in the session and says on which side', () => {
		const form = tapForm(html());
		const gb30 = /<button[^>]*value="GB30"[^>]*>/.exec(form)![0];
		expect(gb30).toMatch(/class="[^"]*\brecorded\b/);
		const id = /aria-describedby="([^"]+)"/.exec(gb30)![1];
		expect(form).toContain(`<span id="${id}">この施術で記録済み（右）</span>`);
		expect(/<button[^>]*value="GB34"[^>]*>/.exec(form)![0]).not.toContain('aria-describedby');
	});

	it('chooses the plan’s painful side by default, and keeps the side of a refused tap', () => {
		expect(tapForm(html())).toMatch(/value="right" checked/);
		expect(tapForm(html({ planSides: ['left'] }))).toMatch(/value="left" checked/);
		const message = translator('ja')('treatmentSession.error.needsHari');
		const refused = html({ values: { form: 'addPoint', origin: 'chart', code: 'GB34', side: 'both' }, errors: { code: message } });
		expect(tapForm(refused)).toMatch(/value="both" checked/);
		expect(tapForm(refused)).toContain(message);
		// The refusal belongs to the chart: the list form below is not filled with the tapped point.
		expect(refused).not.toMatch(/<option value="GB34" selected/);
	});

	it('offers no tapping once the record is locked, or to a practitioner who may not needle', () => {
		// The atlas's read-only chart of the recorded points is an image; the tap chart replaces it.
		expect(html()).not.toContain('role="img"');
		for (const body of [html({ locked: true }), html({ canNeedle: false })]) {
			expect(body).not.toContain('name="origin" value="chart"');
			expect(body).toContain('role="img"');
		}
	});
});
