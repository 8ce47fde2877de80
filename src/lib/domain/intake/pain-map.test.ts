import { describe, expect, it } from 'vitest';
import { regionAt } from '../acupoints/body-regions';
import { isPainRegionCode, painMapRegions, painRegionCodes, regionOfCode, sideOfCode } from './pain-map';

describe('the pain map', () => {
	it('offers each region of the front view on both sides', () => {
		expect(painRegionCodes('front').sort()).toEqual(
			['shoulder', 'hand', 'thigh', 'knee', 'lowerLeg', 'ankleFoot'].flatMap((r) => [`${r}-left`, `${r}-right`]).sort()
		);
	});

	it('offers the lower back and buttocks on the back view only', () => {
		expect(painRegionCodes('back')).toContain('lowerBack-left');
		expect(painRegionCodes('back')).toContain('buttock-right');
		expect(painRegionCodes('front')).not.toContain('buttock-right');
		expect(painRegionCodes('back')).toHaveLength(16);
	});

	it('lists regions from the head down, so the keyboard walks down the figure', () => {
		for (const view of ['front', 'back'] as const) {
			const ys = painMapRegions(view).map((r) => r.box.y);
			expect(ys).toEqual([...ys].sort((a, b) => a - b));
		}
	});

	it('puts the patient’s left on the viewer’s right on the front view and on the left on the back view', () => {
		const front = painMapRegions('front').find((r) => r.code === 'thigh-left')!;
		const back = painMapRegions('back').find((r) => r.code === 'thigh-left')!;
		expect(front.box.x).toBeGreaterThanOrEqual(200);
		expect(back.box.x + back.box.width).toBeLessThanOrEqual(200);
	});

	it('places each tap target over its own region: the box centre lies in no other region', () => {
		for (const view of ['front', 'back'] as const) {
			for (const r of painMapRegions(view)) {
				const inside = regionAt(view, r.box.x + r.box.width / 2, r.box.y + r.box.height * 0.6);
				expect(inside, `${view} ${r.code}`).toEqual({ region: r.region, side: r.side });
			}
		}
	});

	it('has boxes that do not overlap across the midline', () => {
		for (const view of ['front', 'back'] as const) {
			for (const r of painMapRegions(view)) expect(r.box.x >= 200 || r.box.x + r.box.width <= 200, `${view} ${r.code}`).toBe(true);
		}
	});

	it('accepts only its own codes', () => {
		expect(isPainRegionCode('front', 'knee-right')).toBe(true);
		expect(isPainRegionCode('front', 'lowerBack-left')).toBe(false);
		expect(isPainRegionCode('back', 'knee-middle')).toBe(false);
		expect(isPainRegionCode('back', '')).toBe(false);
	});

	it('splits a code into region and side', () => {
		expect(regionOfCode('lowerBack-left')).toBe('lowerBack');
		expect(sideOfCode('lowerBack-left')).toBe('left');
		expect(regionOfCode('ankleFoot-right')).toBe('ankleFoot');
	});
});
