import { describe, expect, it } from 'vitest';
import { CHART_VIEWS } from '$lib/domain/acupoints/body-regions';
import { ACUPOINTS } from '$lib/domain/acupoints/points';
import { defaultTapSide, PICKER_BOX, PICKER_MIN_WIDTH_PX, placeTargets, TARGET_GAP, TARGET_HEIGHT } from './point-picker-layout';

const pointsOf = (view: (typeof CHART_VIEWS)[number]) =>
	ACUPOINTS.filter((p) => p.chart.view === view).map((p) => ({ code: p.code, x: p.chart.x, y: p.chart.y }));
const pxPerUnit = PICKER_MIN_WIDTH_PX / PICKER_BOX.width;

describe('placeTargets', () => {
	it('makes every target at least 44 px high, with room between two, at the narrowest chart', () => {
		expect(TARGET_HEIGHT * pxPerUnit).toBeGreaterThanOrEqual(44);
		expect((TARGET_GAP - TARGET_HEIGHT) * pxPerUnit).toBeGreaterThan(0);
	});

	for (const view of CHART_VIEWS) {
		it(`gives each atlas point on the ${view} view one target, none overlapping another, all inside the chart`, () => {
			const points = pointsOf(view);
			const targets = placeTargets(view, points);
			expect(targets.map((t) => t.code).sort()).toEqual(points.map((p) => p.code).sort());
			for (const [i, a] of targets.entries()) {
				expect(a.box.x).toBeGreaterThanOrEqual(PICKER_BOX.x);
				expect(a.box.x + a.box.width).toBeLessThanOrEqual(PICKER_BOX.x + PICKER_BOX.width);
				expect(a.box.y).toBeGreaterThanOrEqual(PICKER_BOX.y);
				expect(a.box.y + a.box.height).toBeLessThanOrEqual(PICKER_BOX.y + PICKER_BOX.height);
				for (const b of targets.slice(i + 1)) {
					const apart =
						a.box.x + a.box.width <= b.box.x || b.box.x + b.box.width <= a.box.x || a.box.y + a.box.height <= b.box.y || b.box.y + b.box.height <= a.box.y;
					expect(apart, `${a.code} and ${b.code}`).toBe(true);
				}
			}
		});
	}

	it('keeps the names of one column in the order of their points from top to bottom, so leader lines do not cross', () => {
		const targets = placeTargets('back', pointsOf('back')).filter((t) => t.align === 'start');
		const byPoint = [...targets].sort((a, b) => a.y - b.y).map((t) => t.code);
		const byName = [...targets].sort((a, b) => a.box.y - b.box.y).map((t) => t.code);
		expect(byName).toEqual(byPoint);
	});

	it('sets a lone point’s name level with it, and the name’s edge is where its leader line ends', () => {
		const [target] = placeTargets('front', [{ code: 'ST36', x: 177, y: 365 }]);
		expect(target!.lineEnd.y).toBe(365);
		expect(target!.box.y + target!.box.height / 2).toBe(365);
		expect(target!.align).toBe('end');
		expect(target!.box.x + target!.box.width).toBe(target!.lineEnd.x);
	});
});

describe('defaultTapSide', () => {
	it('takes the painful leg from the plan’s one-sided points', () => {
		expect(defaultTapSide(['both', 'right', 'right', 'midline'], ['left'])).toBe('right');
		expect(defaultTapSide(['left', 'both'], [])).toBe('left');
	});

	it('gives both sides when the plan needles both, or both legs equally', () => {
		expect(defaultTapSide(['both', 'both'], ['right'])).toBe('both');
		expect(defaultTapSide(['left', 'right'], ['right'])).toBe('both');
	});

	it('falls back to the session’s points without a plan, and to both sides without either', () => {
		expect(defaultTapSide([], ['left', 'midline'])).toBe('left');
		expect(defaultTapSide(['midline'], [])).toBe('both');
		expect(defaultTapSide([], [])).toBe('both');
	});
});
