import { describe, expect, it } from 'vitest';
import { AFTERCARE_TEMPLATES, composeAftercare, findAftercareTemplate } from './aftercare-templates';

describe('aftercare templates', () => {
	it('have unique ids and text in both languages', () => {
		expect(new Set(AFTERCARE_TEMPLATES.map((t) => t.id)).size).toBe(AFTERCARE_TEMPLATES.length);
		for (const t of AFTERCARE_TEMPLATES) {
			expect(t.text.ja.length, t.id).toBeGreaterThan(10);
			expect(t.text.en.length, t.id).toBeGreaterThan(10);
		}
	});

	it('cover what the issue names: soreness, bruising, rest, hydration and when to call', () => {
		for (const id of ['soreness', 'bruising', 'rest', 'hydration', 'whenToCall']) expect(findAftercareTemplate(id)?.kind, id).toBe('advice');
	});

	it('tell the patient to stop every exercise when the leg gets worse', () => {
		for (const t of AFTERCARE_TEMPLATES.filter((x) => x.kind === 'exercise' && x.id !== 'walking')) {
			expect(t.text.en, t.id).toMatch(/stop/i);
			expect(t.text.ja, t.id).toMatch(/やめて/);
		}
	});

	it('send the red flags of the clinical rules to emergency care', () => {
		const text = findAftercareTemplate('whenToCall')!.text;
		expect(text.en).toContain('119');
		expect(text.ja).toContain('119');
	});
});

describe('composeAftercare', () => {
	it('puts the chosen templates in list order under their titles, then the practitioner’s words', () => {
		const note = composeAftercare(['walking', 'soreness'], '  次回は来週です。 ', 'ja');
		expect(note.split('\n\n')).toEqual([
			`■ だるさ・痛み\n${findAftercareTemplate('soreness')!.text.ja}`,
			`■ 散歩\n${findAftercareTemplate('walking')!.text.ja}`,
			'次回は来週です。'
		]);
	});

	it('ignores unknown ids and gives an empty note for nothing chosen', () => {
		expect(composeAftercare(['nope'], '', 'en')).toBe('');
		expect(composeAftercare([], 'Only this.', 'en')).toBe('Only this.');
	});

	it('does not depend on the order the ids come in', () => {
		expect(composeAftercare(['rest', 'bruising'], '', 'en')).toBe(composeAftercare(['bruising', 'rest'], '', 'en'));
	});
});
