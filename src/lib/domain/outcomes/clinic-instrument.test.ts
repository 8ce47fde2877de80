import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readClinicInstrument } from './clinic-instrument';
import { scoreOf } from './instrument';

const definition = {
	code: 'clinic_walk',
	name: { ja: '歩行の不便さ', en: 'Walking difficulty' },
	scale: { min: 0, max: 3, anchors: [{ value: 0, label: { ja: 'なし', en: 'None' } }] },
	items: { kind: 'fixed', list: [{ code: 'distance', label: { ja: '距離', en: 'Distance' } }] },
	score: 'single',
	better: 'lower',
	responder: { kind: 'change_only' }
};

describe('a clinic-supplied definition', () => {
	it('is accepted when it is valid and its code is its own', () => {
		expect(readClinicInstrument(definition, new Set(['clinic_other']))).toMatchObject({ ok: true, instrument: { code: 'clinic_walk' } });
	});

	it('is refused when it takes the code of a built-in measure', () => {
		const result = readClinicInstrument({ ...definition, code: 'psfs' });
		expect(result).toEqual({ ok: false, problems: [expect.stringMatching(/^code: "psfs" is a built-in instrument/)] });
	});

	it('is refused when another file of the clinic already uses its code', () => {
		expect(readClinicInstrument(definition, new Set(['clinic_walk']))).toEqual({
			ok: false,
			problems: ['code: "clinic_walk" is already defined by another file']
		});
	});

	it('is refused when the patient names its items, which the console cannot record', () => {
		const result = readClinicInstrument({ ...definition, items: { kind: 'patient_named', min: 1, max: 3 }, score: 'mean' });
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problems).toEqual([expect.stringMatching(/^items:/)]);
	});

	it('is refused when a labelled scale leaves a value without a label to choose', () => {
		const labelled = { ...definition.scale, labelled: true, anchors: [0, 1, 3].map((value) => ({ value, label: { ja: `${value}`, en: `${value}` } })) };
		expect(readClinicInstrument({ ...definition, scale: labelled })).toEqual({
			ok: false,
			problems: [expect.stringMatching(/^scale\.anchors: .*missing: 2\)$/)]
		});
		const complete = { ...labelled, anchors: [...labelled.anchors, { value: 2, label: { ja: '2', en: '2' } }] };
		expect(readClinicInstrument({ ...definition, scale: complete }).ok).toBe(true);
	});

	it('keeps the reasons of the general parser for a broken definition', () => {
		const result = readClinicInstrument({ ...definition, better: 'sideways' });
		expect(!result.ok && result.problems.join()).toMatch(/^better:/);
	});

	it('reads the documented example file and scores it as a percentage', () => {
		const example = JSON.parse(fs.readFileSync('docs/instruments/example-instrument.json', 'utf8'));
		const result = readClinicInstrument(example);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const items = result.instrument.items.kind === 'fixed' ? result.instrument.items.list.length : 0;
		const max = result.instrument.scale.max;
		expect(scoreOf(result.instrument, Array(items).fill(max))).toBe(100);
		expect(scoreOf(result.instrument, Array(items).fill(result.instrument.scale.min))).toBe(0);
	});
});
