import { describe, expect, it } from 'vitest';
import { barChart, niceStep } from './bar-chart';

describe('barChart', () => {
	it('draws the tallest bar up to a round ceiling and the others in proportion', () => {
		const chart = barChart([
			{ label: 'a', value: 4 },
			{ label: 'b', value: 1 },
			{ label: 'c', value: 0 }
		]);
		expect(chart.ticks.map((t) => t.value)).toEqual([0, 1, 2, 3, 4]);
		const [a, b, c] = chart.bars;
		expect(a!.y).toBeCloseTo(chart.ticks.at(-1)!.y);
		expect(b!.height * 4).toBeCloseTo(a!.height);
		expect(c!.height).toBe(0);
		expect(a!.x).toBeLessThan(b!.x);
	});

	it('keeps an axis when every value is zero or there are no values', () => {
		expect(barChart([{ label: 'a', value: 0 }]).ticks.map((t) => t.value)).toEqual([0, 1]);
		expect(barChart([]).bars).toEqual([]);
	});

	it('steps ticks by 1, 2 or 5 times a power of ten', () => {
		expect(niceStep(10_160)).toBe(5000);
		expect(niceStep(37)).toBe(10);
		expect(niceStep(0)).toBe(1);
	});
});
