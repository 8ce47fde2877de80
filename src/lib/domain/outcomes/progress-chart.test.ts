import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckIn } from './check-in';
import { progressChart } from './progress-chart';

const base: CheckIn = {
	id: 'a',
	recordedAt: '2026-04-01T00:00:00.000Z',
	source: 'intake',
	appointmentId: null,
	legPain: 8,
	backPain: 4,
	psfs: null,
	sbi: null,
	pgic: null
};
const psfs = (score: number) => [0, 1, 2].map((i) => ({ activity: `a${i}`, score }));

describe('the progress chart geometry', () => {
	it('is empty without check-ins', () => {
		const chart = progressChart([], []);
		expect(chart.empty).toBe(true);
		expect(chart.panels).toEqual([]);
		expect(chart.xTicks).toEqual([]);
	});

	it('draws only the panels that have data, pain first', () => {
		const chart = progressChart([base, { ...base, id: 'b', recordedAt: '2026-04-15T00:00:00.000Z', legPain: 4, sbi: [1, 2, 3, 4] }], []);
		expect(chart.panels.map((p) => p.key)).toEqual(['pain', 'bother']);
		expect(chart.panels[1]!.yTicks.map((t) => t.value)).toEqual([0, 12, 24]);
		expect(chart.panels[0]!.series.map((s) => s.key)).toEqual(['legPain', 'backPain']);
	});

	it('puts the first point on the left edge, the last on the right, and a higher value higher up', () => {
		const chart = progressChart([base, { ...base, id: 'b', recordedAt: '2026-04-15T00:00:00.000Z', legPain: 4 }], []);
		const leg = chart.panels[0]!.series[0]!;
		expect(leg.points[0]!.x).toBe(chart.left);
		expect(leg.points[1]!.x).toBe(chart.right);
		expect(leg.points[0]!.y).toBeLessThan(leg.points[1]!.y);
		expect(leg.path).toBe(`M${leg.points[0]!.x} ${leg.points[0]!.y} L${leg.points[1]!.x} ${leg.points[1]!.y}`);
	});

	it('centres a single check-in and draws no line through one point', () => {
		const chart = progressChart([base], []);
		const leg = chart.panels[0]!.series[0]!;
		expect(leg.points[0]!.x).toBe((chart.left + chart.right) / 2);
		expect(leg.path).toBe('');
	});

	it('marks each session on the shared time axis, in order', () => {
		const chart = progressChart(
			[base, { ...base, id: 'b', recordedAt: '2026-04-11T00:00:00.000Z' }],
			[
				{ id: 's2', startsAt: '2026-04-21T00:00:00.000Z' },
				{ id: 's1', startsAt: '2026-04-01T00:00:00.000Z' }
			]
		);
		expect(chart.sessions.map((s) => s.x)).toEqual([chart.left, chart.right]);
		expect(chart.panels[0]!.series[0]!.points[1]!.x).toBeCloseTo((chart.left + chart.right) / 2, 0);
	});

	it('stacks panels without overlap and keeps every point inside its panel (property)', () => {
		const checkIn = fc.record({
			day: fc.integer({ min: 0, max: 120 }),
			leg: fc.option(fc.integer({ min: 0, max: 10 })),
			psfs: fc.option(fc.integer({ min: 0, max: 10 })),
			sbi: fc.option(fc.integer({ min: 0, max: 6 }))
		});
		fc.assert(
			fc.property(fc.array(checkIn, { maxLength: 12 }), fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 10 }), (entries, sessionDays) => {
				const checkIns: CheckIn[] = entries.map((e, i) => ({
					...base,
					id: `c${i}`,
					recordedAt: new Date(Date.parse(base.recordedAt) + e.day * 86_400_000).toISOString(),
					legPain: e.leg,
					backPain: null,
					psfs: e.psfs === null ? null : psfs(e.psfs),
					sbi: e.sbi === null ? null : [e.sbi, e.sbi, e.sbi, e.sbi]
				}));
				const sessions = sessionDays.map((d, i) => ({ id: `s${i}`, startsAt: new Date(Date.parse(base.recordedAt) + d * 86_400_000).toISOString() }));
				const chart = progressChart(checkIns, sessions);
				for (const [i, panel] of chart.panels.entries()) {
					if (i > 0) expect(panel.top).toBeGreaterThan(chart.panels[i - 1]!.bottom);
					for (const series of panel.series) {
						for (const p of series.points) {
							expect(p.x).toBeGreaterThanOrEqual(chart.left);
							expect(p.x).toBeLessThanOrEqual(chart.right);
							expect(p.y).toBeGreaterThanOrEqual(panel.top);
							expect(p.y).toBeLessThanOrEqual(panel.bottom);
						}
					}
				}
				for (const s of chart.sessions) expect(s.x).toBeGreaterThanOrEqual(chart.left);
				expect(chart.height).toBeGreaterThan(chart.sessionRow);
			})
		);
	});
});
