import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueKeys, keysInSource } from '../../../vite-plugin-page-messages';
import { pageMessages } from '../server/i18n/page-messages';
import { en } from './messages/en';
import { ja } from './messages/ja';

const root = path.resolve(__dirname, '../../..');
type Area = { ja: Record<string, string>; en: Record<string, string> };
const areas = import.meta.glob<Record<string, Area>>(['./messages/areas/*.ts', '!./messages/areas/index.ts'], { eager: true });

describe('message keys (issue #21)', () => {
	it('are each defined once, across the base catalogue and every area', () => {
		expect(catalogueKeys(root).duplicates).toEqual([]);
		const seen = new Map<string, string>();
		const twice: string[] = [];
		for (const [file, module] of Object.entries(areas)) {
			for (const area of Object.values(module)) {
				for (const key of Object.keys(area.ja)) {
					if (seen.has(key)) twice.push(`${key}: ${seen.get(key)} and ${file}`);
					seen.set(key, file);
				}
			}
		}
		expect(twice).toEqual([]);
	});

	it('fail the build when two areas define the same key', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-keys-'));
		const area = (name: string, key: string) => `export const ${name} = {\n\tja: {\n\t\t'${key}': 'あ'\n\t},\n\ten: {\n\t\t'${key}': 'a'\n\t}\n};\n`;
		fs.mkdirSync(path.join(dir, 'src/lib/i18n/messages/areas'), { recursive: true });
		fs.writeFileSync(path.join(dir, 'src/lib/i18n/messages/ja.ts'), "export const ja = {\n\t'nav.skip': '本文へ移動'\n};\n");
		fs.writeFileSync(path.join(dir, 'src/lib/i18n/messages/areas/one.ts'), area('one', 'desk.title'));
		fs.writeFileSync(path.join(dir, 'src/lib/i18n/messages/areas/two.ts'), area('two', 'desk.title').replace("'desk.title': 'あ'", '"desk.title": "い"'));
		try {
			expect(catalogueKeys(dir).duplicates).toEqual([
				{ key: 'desk.title', files: ['src/lib/i18n/messages/areas/one.ts', 'src/lib/i18n/messages/areas/two.ts'] }
			]);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('are all registered, and the build reads the same keys as the catalogue holds', () => {
		const areaKeys = Object.values(areas).flatMap((module) => Object.values(module).flatMap((area) => Object.keys(area.ja)));
		expect(areaKeys.filter((key) => !(key in ja))).toEqual([]);
		expect([...catalogueKeys(root).keys].sort()).toEqual(Object.keys(ja).sort());
	});

	it('are found in a module as literals and, for a key built from data, by its prefix', () => {
		const keys = new Set(['schedule.title', 'schedule.status.booked', 'schedule.status.arrived', 'schedule.source.web']);
		expect(keysInSource(`t('schedule.title'); t(\`schedule.status.\${a.status}\`); 'schedule.nope'`, keys).sort()).toEqual([
			'schedule.status.arrived',
			'schedule.status.booked',
			'schedule.title'
		]);
		expect(keysInSource(`label="schedule.source.web"`, keys)).toEqual(['schedule.source.web']);
	});

	it('are found in a label map, including a key that ends in a dot', () => {
		const keys = new Set(['patients.sex.', 'patients.sex.female', 'patients.sexLabel']);
		const map = `export const PATIENT_SEX_LABELS: Record<Sex, MessageKey> = {\n\t'': 'patients.sex.',\n\tfemale: 'patients.sex.female'\n};`;
		expect(keysInSource(map, keys).sort()).toEqual(['patients.sex.', 'patients.sex.female']);
	});
});

describe('the messages a page sends the browser', () => {
	it('are the keys its components show, in its language only, without mail text', () => {
		const messages = pageMessages('en', '/[[lang=lang]]/staff/schedule');
		expect(messages['schedule.title']).toBe(en['schedule.title']);
		expect(messages['schedule.status.booked']).toBe(en['schedule.status.booked']);
		expect(messages['nav.skip']).toBe(en['nav.skip']);
		expect(messages['error.notFoundTitle']).toBe(en['error.notFoundTitle']);
		expect(Object.keys(messages).some((key) => /mail(Subject|Body)|^booking\.mail/.test(key))).toBe(false);
		expect(Object.keys(messages).length).toBeLessThan(Object.keys(en).length / 4);
		const japanese = pageMessages('ja', '/[[lang=lang]]/staff/schedule');
		expect(japanese['schedule.title']).toBe(ja['schedule.title']);
		expect(Object.keys(japanese).sort()).toEqual(Object.keys(messages).sort());
	});

	it('include the keys of the label maps (src/lib/labels) their components import, and no other key of the family', () => {
		// The patient chart names its sexes through PATIENT_SEX_LABELS, the empty choice too.
		const chart = pageMessages('ja', '/[[lang=lang]]/staff/patients/[id]');
		for (const key of ['patients.sex.', 'patients.sex.female', 'consent.kind.treatment', 'consent.status.missing', 'intake.alerts.level.emergency'] as const)
			expect(chart[key]).toBe(ja[key]);
		// The self-check names its levels, questions and units through maps; it shows no staff triage wording.
		const check = pageMessages('en', '/[[lang=lang]]/check');
		for (const key of ['check.level.emergency', 'check.level.routine', 'check.q.saddleNumbness', 'check.q.seenDoctor', 'check.unit.weeks'] as const)
			expect(check[key]).toBe(en[key]);
		expect(Object.keys(check).filter((key) => key.startsWith('intake.alerts.') || key.startsWith('examination.'))).toEqual([]);
		// The clinic page's weekdays come from WEEKDAY_LABELS; the waitlist's own weekday wording does not.
		const clinic = pageMessages('en', '/[[lang=lang]]/clinic');
		expect(clinic['weekday.0']).toBe(en['weekday.0']);
		expect(Object.keys(clinic).filter((key) => key.startsWith('waitlist.weekday.'))).toEqual([]);
	});
});
