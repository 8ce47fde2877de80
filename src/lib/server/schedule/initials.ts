/*
 * Initials for the calendar feed, which leaves the clinic for a phone's calendar app: "Y.T." says
 * enough to the practitioner and nothing to anyone else (APPI: the least personal data needed).
 */

/** Hepburn initial of each kana row (after the vowels); voiced sounds keep their own letter (ガ → G). */
const KANA_ROWS: Array<[string, string]> = [
	['カキクケコヵヶ', 'K'],
	['ガギグゲゴ', 'G'],
	['サスセソ', 'S'],
	['シ', 'S'],
	['ザズゼゾ', 'Z'],
	['ジヂ', 'J'],
	['タテト', 'T'],
	['チ', 'C'],
	['ツ', 'T'],
	['ダデドヅ', 'D'],
	['ナニヌネノ', 'N'],
	['ハヒヘホ', 'H'],
	['フ', 'F'],
	['バビブベボ', 'B'],
	['パピプペポ', 'P'],
	['マミムメモ', 'M'],
	['ヤユヨャュョ', 'Y'],
	['ラリルレロ', 'R'],
	['ワヲ', 'W']
];

function hepburnInitial(kana: string): string | null {
	if (kana.length === 0) return null;
	const first = kana.charAt(0).replace(/[\u3041-\u3096]/, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
	// The vowel row's イ, ウ, エ, オ have their own letters.
	const vowel = 'アイウエオ'.indexOf(first);
	if (vowel >= 0) return 'AIUEO'[vowel]!;
	const small = 'ァィゥェォ'.indexOf(first);
	if (small >= 0) return 'AIUEO'[small]!;
	if (first === 'ヴ') return 'V';
	return KANA_ROWS.find(([row]) => row.includes(first))?.[1] ?? null;
}

/** One name part: its Latin initial, else its reading's, else the first character itself. */
function initialOf(name: string, reading: string): string {
	const text = name.normalize('NFKC').trim();
	const latin = /^[A-Za-z]/.exec(text)?.[0];
	if (latin) return latin.toUpperCase();
	const fromReading = hepburnInitial(reading.normalize('NFKC').trim()) ?? hepburnInitial(text);
	if (fromReading) return fromReading;
	return text.charAt(0) || '?';
}

/** "Y.T." for 山田 太郎 (ヤマダ タロウ): family name first, as the clinic writes names. */
export function patientInitials(patient: { familyName: string; givenName: string; familyNameKana?: string; givenNameKana?: string }): string {
	return `${initialOf(patient.familyName, patient.familyNameKana ?? '')}.${initialOf(patient.givenName, patient.givenNameKana ?? '')}.`;
}
