import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONSENT_TEXTS } from '../server/consent/default-documents';
import { ja } from './messages/ja';

/*
 * Words a Japanese reader takes at face value. A 鍼灸院 is not a doctor's practice: the
 * practitioner's assessment is 問診・検査・評価, never 診察 or 診断, and the clinic is a 鍼灸院 (or
 * 当院), never a クリニック. 診断 appears only where a text says that we do not diagnose, and 診察
 * only where it is a doctor's (telling a person to see one, or asking one in a referral letter).
 */

/** Every Japanese text a person reads: the message catalogue (pages, mail, PDFs), the articles, the consent documents. */
function japaneseTexts(): Array<{ where: string; text: string }> {
	const texts = Object.entries(ja).map(([key, text]) => ({ where: key, text: String(text) }));
	const contentDir = path.resolve(__dirname, '../../../content/ja');
	for (const file of fs.readdirSync(contentDir).filter((f) => f.endsWith('.md'))) {
		texts.push({ where: `content/ja/${file}`, text: fs.readFileSync(path.join(contentDir, file), 'utf8') });
	}
	for (const [kind, consent] of Object.entries(DEFAULT_CONSENT_TEXTS)) texts.push({ where: `consent:${kind}`, text: `${consent.titleJa}\n${consent.bodyJa}` });
	return texts;
}

/** Sentences, so a permitted use cannot excuse another one elsewhere in the same text. */
function sentencesWith(word: string): Array<{ where: string; sentence: string }> {
	return japaneseTexts().flatMap(({ where, text }) =>
		text
			.split(/(?<=[。？！])|\n/)
			.filter((sentence) => sentence.includes(word))
			.map((sentence) => ({ where, sentence: sentence.trim() }))
	);
}

const SAYS_WE_DO_NOT_DIAGNOSE = [/診断(では|で)ありません/, /診断(は|を)(行い|し)ません/, /医師の診断や治療(に代わる|の代わり)/, /診断するのは医師/];
const A_DOCTORS_EXAMINATION = [/医師の診察/, /救急での診察/, /(本日中|近日中)の診察をお願い/];

describe('the words for what a 鍼灸院 does', () => {
	it('never calls the clinic a クリニック', () => {
		expect(sentencesWith('クリニック')).toEqual([]);
	});

	it('uses 診断 only to say that nothing here is a diagnosis', () => {
		const uses = sentencesWith('診断');
		expect(uses.length).toBeGreaterThan(0);
		expect(uses.filter(({ sentence }) => !SAYS_WE_DO_NOT_DIAGNOSE.some((allowed) => allowed.test(sentence)))).toEqual([]);
	});

	it('uses 診察 only for a doctor’s examination', () => {
		const uses = sentencesWith('診察');
		expect(uses.length).toBeGreaterThan(0);
		expect(uses.filter(({ sentence }) => !A_DOCTORS_EXAMINATION.some((allowed) => allowed.test(sentence)))).toEqual([]);
	});

	it('names the practitioner’s assessment 問診・検査・評価', () => {
		expect(ja['examination.title']).toBe('問診・検査・評価');
		expect(ja['patients.chart.exams']).toBe('問診・検査・評価');
	});
});
