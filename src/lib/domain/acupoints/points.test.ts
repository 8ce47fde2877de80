import { describe, expect, it } from 'vitest';
import { BODY_REGIONS, CHART_SIZE, regionAt, regionContains } from './body-regions';
import { ACUPOINTS, findAcupoint, listAcupoints, MERIDIAN_CODES, MERIDIAN_NAMES, REGION_NAMES, toAcupointResource } from './points';

// docs/clinical-rules.md §2, in its order.
const REFERENCE_CODES = [
	'GB30',
	'BL40',
	'BL23',
	'BL25',
	'BL36',
	'BL37',
	'BL54',
	'BL57',
	'BL60',
	'GB31',
	'GB34',
	'GB39',
	'ST36',
	'LI4',
	'EX-B2',
	'SP6',
	'BL67',
	'GB21'
];

function cautionText(code: string, locale: 'ja' | 'en'): string {
	return (findAcupoint(code)?.cautions ?? []).map((c) => c[locale]).join(' ');
}

describe('the acupoint atlas data', () => {
	it('holds exactly the 18 points of §2 of the clinical rules, in their order', () => {
		expect(ACUPOINTS.map((p) => p.code)).toEqual(REFERENCE_CODES);
	});

	it('gives every point its names, a meridian and a location in both languages', () => {
		for (const point of ACUPOINTS) {
			expect(point.pinyin, point.code).toMatch(/^[A-Z][a-z]+$/);
			expect(point.hanzi, point.code).toMatch(/^\p{Script=Han}+$/u);
			expect(point.japanese.kanji, point.code).toMatch(/^\p{Script=Han}+$/u);
			expect(point.japanese.reading, point.code).toMatch(/^\p{Script=Hiragana}+$/u);
			expect(MERIDIAN_CODES, point.code).toContain(point.meridian);
			expect(point.location.ja.trim(), point.code).not.toBe('');
			expect(point.location.en.trim(), point.code).not.toBe('');
			for (const caution of point.cautions) {
				expect(caution.ja.trim(), point.code).not.toBe('');
				expect(caution.en.trim(), point.code).not.toBe('');
			}
		}
	});

	it('keeps the Japanese names and readings of §2 of the clinical rules', () => {
		expect(findAcupoint('BL40')?.japanese).toEqual({ kanji: '委中', reading: 'いちゅう' });
		expect(findAcupoint('GB30')?.japanese).toEqual({ kanji: '環跳', reading: 'かんちょう' });
		expect(findAcupoint('BL60')?.japanese).toEqual({ kanji: '崑崙', reading: 'こんろん' });
		expect(findAcupoint('EX-B2')?.hanzi).toBe('夹脊');
		expect(findAcupoint('EX-B2')?.japanese).toEqual({ kanji: '夾脊', reading: 'きょうせき' });
	});

	it('measures ST36 from ST35 犢鼻, as §2 of the clinical rules does', () => {
		const st36 = findAcupoint('ST36')!;
		expect(st36.location.ja).toMatch(/ST35 犢鼻.*から下へ3寸/);
		expect(st36.location.ja).not.toContain('外膝眼');
		expect(st36.location.en).toMatch(/3 cun below ST35 Dubi/);
	});

	it('places BL40 at the middle of the popliteal crease, not elsewhere on the knee', () => {
		const bl40 = findAcupoint('BL40')!;
		expect(bl40.location.en).toMatch(/midpoint of the popliteal crease/);
		expect(bl40.location.ja).toContain('膝窩横紋');
		expect(bl40.location.ja).toContain('中央');
	});

	it('places GB30 a third of the way from the greater trochanter to the sacral hiatus', () => {
		const gb30 = findAcupoint('GB30')!;
		expect(gb30.location.en).toMatch(/greater trochanter/);
		expect(gb30.location.en).toMatch(/sacral hiatus/);
		expect(gb30.location.en).toMatch(/outer third meets its inner two-thirds/);
		expect(gb30.location.ja).toMatch(/大転子.*仙骨裂孔.*外側3分の1.*内側3分の2/);
	});

	it.each([
		['BL23', '1.5'],
		['BL25', '1.5'],
		['BL37', '6'],
		['BL54', '3'],
		['GB39', '3'],
		['ST36', '3'],
		['SP6', '3'],
		['EX-B2', '0.5']
	])('states the distance of %s in cun as §2 of the clinical rules does (%s)', (code, cun) => {
		expect(findAcupoint(code)?.location.en).toContain(`${cun} cun`);
		expect(findAcupoint(code)?.location.ja).toContain(`${cun}寸`);
	});

	it('warns of the nerves, vessels and organs beneath, in both languages', () => {
		expect(cautionText('BL40', 'en')).toMatch(/artery/);
		expect(cautionText('BL40', 'en')).toMatch(/nerve/);
		expect(cautionText('BL40', 'ja')).toMatch(/動脈/);
		expect(cautionText('BL40', 'ja')).toMatch(/神経/);
		expect(cautionText('BL40', 'en')).toMatch(/no direct moxibustion/);
		for (const code of ['GB30', 'BL36', 'BL54']) {
			expect(cautionText(code, 'en'), code).toMatch(/sciatic nerve/);
			expect(cautionText(code, 'ja'), code).toMatch(/坐骨神経/);
		}
		expect(cautionText('GB30', 'en')).toMatch(/electric sensation/);
		expect(cautionText('GB34', 'en')).toMatch(/fibular nerve/);
		expect(cautionText('BL23', 'en')).toMatch(/kidney/);
		expect(cautionText('BL23', 'ja')).toMatch(/腎臓/);
		expect(cautionText('GB21', 'en')).toMatch(/lung/);
		expect(cautionText('GB21', 'ja')).toMatch(/肺/);
		expect(cautionText('EX-B2', 'en')).toMatch(/spine/);
	});

	it('marks exactly the points that are avoided in pregnancy (§3 of the clinical rules)', () => {
		const inPregnancy = ACUPOINTS.filter((p) => p.cautions.some((c) => /pregnan/i.test(c.en))).map((p) => p.code);
		expect(inPregnancy.sort()).toEqual(['BL60', 'BL67', 'GB21', 'LI4', 'SP6']);
		for (const code of inPregnancy) expect(cautionText(code, 'ja'), code).toContain('妊娠');
	});

	it('names every meridian and region in both languages', () => {
		expect(MERIDIAN_NAMES.BL).toEqual({ ja: '膀胱経', en: 'Bladder' });
		expect(MERIDIAN_NAMES.EX.ja).toBe('奇穴');
		for (const region of BODY_REGIONS) {
			expect(REGION_NAMES[region].ja.trim()).not.toBe('');
			expect(REGION_NAMES[region].en.trim()).not.toBe('');
		}
	});

	it('cannot be changed at run time', () => {
		const bl40 = findAcupoint('BL40')!;
		expect(Object.isFrozen(ACUPOINTS)).toBe(true);
		expect(Object.isFrozen(bl40.location)).toBe(true);
		expect(Object.isFrozen(bl40.cautions)).toBe(true);
		expect(() => ((bl40.chart as { x: number }).x = 0)).toThrow(TypeError);
	});
});

describe('the chart positions', () => {
	it.each(ACUPOINTS.map((p) => [p.code, p] as const))('puts %s inside the region its location names, and no other', (_code, point) => {
		const { view, x, y } = point.chart;
		expect(x).toBeGreaterThan(0);
		expect(x).toBeLessThan(CHART_SIZE.width);
		expect(y).toBeGreaterThan(0);
		expect(y).toBeLessThan(CHART_SIZE.height);
		expect(regionContains(view, point.region, x, y)).toBe(true);
		for (const other of BODY_REGIONS.filter((r) => r !== point.region)) {
			expect(regionContains(view, other, x, y), other).toBe(false);
		}
	});

	it('shows each point on the view that faces it', () => {
		const view = (code: string) => findAcupoint(code)?.chart.view;
		expect(view('BL40')).toBe('back');
		expect(view('GB30')).toBe('back');
		expect(view('LI4')).toBe('back'); // the back of the hand, palms forward
		expect(view('ST36')).toBe('front');
		expect(view('SP6')).toBe('front');
		expect(view('GB31')).toBe('side');
		expect(view('BL67')).toBe('side');
	});

	it('puts GB30 between the greater trochanter and the sacral hiatus, nearer the trochanter', () => {
		const gb30 = findAcupoint('GB30')!.chart;
		const bl54 = findAcupoint('BL54')!.chart;
		expect(gb30.x).toBeGreaterThan(bl54.x);
		expect(regionAt('back', gb30.x, gb30.y)).toEqual({ region: 'buttock', side: 'right' });
	});

	it('keeps the knee and the thigh apart: BL40 is on the knee, BL37 and BL36 above it on the thigh', () => {
		expect(regionAt('back', 218, 342)?.region).toBe('knee');
		expect(findAcupoint('BL36')!.chart.y).toBeLessThan(findAcupoint('BL37')!.chart.y);
		expect(findAcupoint('BL37')!.chart.y).toBeLessThan(findAcupoint('BL40')!.chart.y);
	});

	it('knows nothing off the body or on a view that does not show a region', () => {
		expect(regionAt('back', 5, 5)).toBeNull();
		expect(regionContains('front', 'buttock', 220, 240)).toBe(false);
		expect(regionContains('side', 'hand', 212, 290)).toBe(false);
	});

	it('tells the patient’s left from right on the front and back views', () => {
		// LI4 is marked on the viewer's left of the back view: the patient's left hand.
		const li4 = findAcupoint('LI4')!.chart;
		expect(regionAt('back', li4.x, li4.y)).toEqual({ region: 'hand', side: 'left' });
		expect(regionAt('front', li4.x, li4.y)).toEqual({ region: 'hand', side: 'right' });
	});
});

describe('findAcupoint', () => {
	it('finds a point whatever the case', () => {
		expect(findAcupoint('bl40')?.code).toBe('BL40');
		expect(findAcupoint('Bl40')?.code).toBe('BL40');
		expect(findAcupoint('ex-b2')?.code).toBe('EX-B2');
	});

	it('returns null for a code it does not know', () => {
		expect(findAcupoint('XX99')).toBeNull();
		expect(findAcupoint('')).toBeNull();
		expect(findAcupoint('BL4')).toBeNull();
		expect(findAcupoint('toString')).toBeNull();
	});
});

describe('listAcupoints', () => {
	it('lists all 18 without a filter', () => {
		expect(listAcupoints()).toHaveLength(18);
		expect(listAcupoints({})).toHaveLength(18);
		expect(listAcupoints({ region: null, meridian: null })).toHaveLength(18);
	});

	it('filters by region', () => {
		expect(listAcupoints({ region: 'buttock' }).map((p) => p.code)).toEqual(['GB30', 'BL54']);
		expect(listAcupoints({ region: 'lowerBack' }).map((p) => p.code)).toEqual(['BL23', 'BL25', 'EX-B2']);
	});

	it('filters by meridian', () => {
		expect(listAcupoints({ meridian: 'GB' }).map((p) => p.code)).toEqual(['GB30', 'GB31', 'GB34', 'GB39', 'GB21']);
		expect(listAcupoints({ meridian: 'BL' })).toHaveLength(9);
	});

	it('combines both filters', () => {
		expect(listAcupoints({ region: 'thigh', meridian: 'GB' }).map((p) => p.code)).toEqual(['GB31']);
		expect(listAcupoints({ region: 'hand', meridian: 'BL' })).toEqual([]);
	});
});

describe('toAcupointResource', () => {
	it('gives the API contract shape with the meridian’s English name', () => {
		expect(toAcupointResource(findAcupoint('BL40')!)).toEqual({
			code: 'BL40',
			pinyin: 'Weizhong',
			hanzi: '委中',
			japanese: { kanji: '委中', reading: 'いちゅう' },
			meridian: 'Bladder',
			location: { ja: expect.stringContaining('膝窩'), en: expect.stringContaining('popliteal') },
			cautions: [{ ja: expect.any(String), en: expect.any(String) }],
			chart: { view: 'back', x: 218, y: 342 }
		});
	});
});
