import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clinicInstruments, forgetClinicInstruments, readInstrumentDirectory } from './clinic-instruments';

const example = fs.readFileSync('docs/instruments/example-instrument.json', 'utf8');
const definition = (code: string) => ({ ...JSON.parse(example), code });

let dir: string;
const write = (name: string, content: unknown) => fs.writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-instruments-'));
	forgetClinicInstruments();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the clinic instrument folder', () => {
	it('reads every good definition, in file-name order, and ignores files that are not JSON', async () => {
		write('b-walk.json', definition('clinic_walk'));
		write('a-example.json', example);
		write('notes.txt', 'not a definition');
		const { instruments, refused } = await readInstrumentDirectory(dir);
		expect(instruments.map((i) => i.code)).toEqual(['example_daily_tasks', 'clinic_walk']);
		expect(refused).toEqual([]);
	});

	it('skips a file that is not valid JSON, naming it and why, and keeps the others', async () => {
		write('broken.json', '{ "code": "clinic_x", ');
		write('good.json', definition('clinic_good'));
		const { instruments, refused } = await readInstrumentDirectory(dir);
		expect(instruments.map((i) => i.code)).toEqual(['clinic_good']);
		expect(refused).toEqual([{ file: 'broken.json', problems: [expect.stringMatching(/^not valid JSON/)] }]);
	});

	it('skips a definition that breaks the format, with each reason', async () => {
		write('bad.json', { ...definition('clinic_bad'), score: 'median', scale: { min: 5, max: 0, anchors: [] } });
		const { instruments, refused } = await readInstrumentDirectory(dir);
		expect(instruments).toEqual([]);
		expect(refused[0]!.file).toBe('bad.json');
		expect(refused[0]!.problems.join('\n')).toMatch(/^score:/m);
	});

	it('refuses a code that clashes with a built-in measure or with an earlier file', async () => {
		write('a.json', definition('clinic_same'));
		write('b.json', definition('clinic_same'));
		write('c.json', definition('leg_pain_nrs'));
		const { instruments, refused } = await readInstrumentDirectory(dir);
		expect(instruments.map((i) => i.code)).toEqual(['clinic_same']);
		expect(refused).toEqual([
			{ file: 'b.json', problems: ['code: "clinic_same" is already defined by another file'] },
			{ file: 'c.json', problems: [expect.stringContaining('built-in')] }
		]);
	});

	it('reads a file saved with a byte-order mark', async () => {
		write('bom.json', `\uFEFF${example}`);
		expect((await readInstrumentDirectory(dir)).instruments).toHaveLength(1);
	});

	it('holds no instruments when the folder does not exist', async () => {
		expect(await readInstrumentDirectory(path.join(dir, 'missing'))).toEqual({ instruments: [], refused: [] });
	});

	it('logs each skipped file once and keeps what it read until told to forget', async () => {
		write('good.json', example);
		write('broken.json', 'nope');
		const warnings: string[] = [];
		const log = { warn: (_: object, message: string) => warnings.push(message), info: () => {} };
		const first = await clinicInstruments(dir, log);
		write('later.json', definition('clinic_later'));
		expect(await clinicInstruments(dir, log)).toBe(first);
		expect(first.map((i) => i.code)).toEqual(['example_daily_tasks']);
		expect(warnings).toEqual([expect.stringMatching(/^instrument definition broken\.json skipped: not valid JSON/)]);
		forgetClinicInstruments();
		expect((await clinicInstruments(dir, log)).map((i) => i.code)).toEqual(['example_daily_tasks', 'clinic_later']);
	});
});
