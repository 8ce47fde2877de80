/*
 * Normalisation of what staff and patients type into the patient register: names, kana readings,
 * phone numbers, postal codes and dates of birth. Pure: today's date comes in as an argument.
 */

/**
 * CJK compatibility ideographs (e.g. 﨑, 神 U+FA19) are distinct glyphs people choose for their
 * names; NFKC (and even NFC) would fold them into the unified ideograph, so they are left alone.
 */
const COMPATIBILITY_IDEOGRAPHS = /([\uF900-\uFAFF]|[\u{2F800}-\u{2FA1F}])/u;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** NFKC except on compatibility ideographs: full-width ASCII becomes half-width, half-width kana full-width. */
function nfkcSafe(s: string): string {
	return s
		.split(COMPATIBILITY_IDEOGRAPHS)
		.map((part, i) => (i % 2 === 1 ? part : part.normalize('NFKC')))
		.join('');
}

/** NFKC where safe, zero-width characters removed, trimmed, inner whitespace collapsed to one space. */
export function normaliseText(s: string): string {
	return nfkcSafe(s).replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

const HIRAGANA = /[\u3041-\u3096\u309D\u309E]/g;
const KATAKANA_OFFSET = 0x60;

/** Hiragana becomes katakana; katakana, the prolonged sound mark ー and spaces stay as they are. */
export function toKatakana(s: string): string {
	return normaliseText(s).replace(HIRAGANA, (c) => String.fromCharCode(c.charCodeAt(0) + KATAKANA_OFFSET));
}

/** Katakana or hiragana only, with ー, the middle dot ・ (foreign names) and single spaces between words. */
const KANA_READING = /^[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FC-\u30FE・]+( [\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FC-\u30FE・]+)*$/;

export function isKanaReading(s: string): boolean {
	return KANA_READING.test(normaliseText(s));
}

export type PhoneResult = { ok: true; e164?: string; display: string } | { ok: false };

/** Hyphen look-alikes people type in phone numbers and postal codes, ー included (a common slip). */
const DASHES = /[-‐‑‒–—―−ー]/g;
const INVALID_PHONE: PhoneResult = { ok: false };

function formatDomestic(digits: string, groups: string[] | null): string {
	// The caller's own grouping wins when it is plausible: area codes run from 2 to 5 digits and
	// only a full table of them could place the hyphens right for every number.
	if (groups && groups.length === 3 && groups[0]!.startsWith('0') && groups[0]!.length >= 2 && groups[0]!.length <= 5) {
		if (groups.every((g) => g.length > 0)) return groups.join('-');
	}
	const split = (a: number, b: number) => `${digits.slice(0, a)}-${digits.slice(a, a + b)}-${digits.slice(a + b)}`;
	if (/^0(120|570|800)/.test(digits)) return split(4, 3); // free dial, navi dial
	if (/^0[25789]0/.test(digits)) return split(3, 4); // mobiles, IP phones, data
	if (/^0[36]/.test(digits)) return split(2, 4); // Tokyo 23 wards, Osaka
	return split(3, 3);
}

/** Japanese numbers (trunk prefix 0, 10 or 11 digits) and international ones with +CC (7–15 digits). */
export function normalisePhone(s: string): PhoneResult {
	let text = normaliseText(s).replace(DASHES, '-');
	const international = text.startsWith('+');
	if (international) text = text.slice(1).replace(/^(\d{1,3})\s*\(0\)/, '$1'); // "+81 (0)3-…"
	if (!/^[\d\s().-]+$/.test(text)) return INVALID_PHONE;
	const groups = text.split(/[\s().-]+/).filter((g) => g !== '');
	const digits = groups.join('');
	if (international) {
		if (digits.startsWith('81')) return normaliseDomestic(`0${digits.slice(2)}`, null);
		if (!/^[1-9]\d{6,14}$/.test(digits)) return INVALID_PHONE;
		return { ok: true, e164: `+${digits}`, display: `+${digits}` };
	}
	return normaliseDomestic(digits, groups);
}

function normaliseDomestic(digits: string, groups: string[] | null): PhoneResult {
	if (!/^0[1-9]\d{8,9}$/.test(digits)) return INVALID_PHONE;
	// Numbers beginning 0X0 have 11 digits (mobiles 070/080/090, IP 050, data 020, free dial
	// 0800), except navi dial 0570; 0120 free dial and ordinary landlines have 10.
	const elevenDigits = /^0[25789]0/.test(digits) && !digits.startsWith('0570');
	if (elevenDigits !== (digits.length === 11)) return INVALID_PHONE;
	const display = formatDomestic(digits, groups);
	// Free-dial numbers cannot be called from abroad, so they get no international form.
	if (/^0(120|800)/.test(digits)) return { ok: true, display };
	return { ok: true, e164: `+81${digits.slice(1)}`, display };
}

/** 'NNN-NNNN', or null; accepts full-width digits, any hyphen and a leading 〒. */
export function normalisePostalCode(s: string): string | null {
	const text = normaliseText(s)
		.replace(DASHES, '-')
		.replace(/^[〒〶]\s*/, '');
	const match = /^(\d{3})-?(\d{4})$/.exec(text);
	return match ? `${match[1]}-${match[2]}` : null;
}

/**
 * A health-insurance card's insurer number (保険者番号): 8 digits, or 6 for National Health
 * Insurance, whose last digit is a check digit: the digits before it, weighted 2, 1, 2, 1 … from
 * the left with each product's digits summed, plus the check digit make a multiple of ten. A
 * 6-digit number is checked as if it began with 00. Null when malformed or the check fails.
 */
export function normaliseInsurerNumber(s: string): string | null {
	const digits = normaliseText(s).replace(/[\s-]/g, '');
	if (!/^(\d{6}|\d{8})$/.test(digits)) return null;
	const padded = digits.padStart(8, '0');
	let sum = 0;
	for (let i = 0; i < 7; i++) {
		const product = Number(padded[i]) * (i % 2 === 0 ? 2 : 1);
		sum += Math.floor(product / 10) + (product % 10);
	}
	return (10 - (sum % 10)) % 10 === Number(padded[7]) ? digits : null;
}

export type DateOfBirthResult = { ok: true; date: string } | { ok: false; code: 'invalid' | 'future' | 'too_old' };

/** Oldest age accepted: a typo guard, not a clinical rule. */
const MAX_AGE_YEARS = 120;

interface CalendarDate {
	year: number;
	month: number;
	day: number;
}

function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
	return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function toCalendarDate(year: number, month: number, day: number): CalendarDate | null {
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	return { year, month, day };
}

function parseCalendarDate(text: string): CalendarDate | null {
	const match =
		/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text) ?? /^(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
	if (!match) return null;
	return toCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isoDate = (d: CalendarDate) => `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;

/** Whole years from birth to today; a 29 February birthday comes round on 1 March in other years. */
function ageInYears(birth: CalendarDate, today: CalendarDate): number {
	const hadBirthday = today.month > birth.month || (today.month === birth.month && today.day >= birth.day);
	return today.year - birth.year - (hadBirthday ? 0 : 1);
}

/**
 * A date of birth as 'YYYY-MM-DD'. Accepts YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYY年M月D日 and
 * YYYYMMDD, full-width digits included. `today` is the clinic's local date, 'YYYY-MM-DD'.
 */
export function parseDateOfBirth(s: string, today: string): DateOfBirthResult {
	const now = /^\d{4}-\d{2}-\d{2}$/.test(today) ? parseCalendarDate(today) : null;
	if (!now) throw new RangeError(`today must be a valid YYYY-MM-DD date, got ${JSON.stringify(today)}`);
	const birth = parseCalendarDate(normaliseText(s).replace(/\s*([-/.])\s*/g, '$1'));
	if (!birth) return { ok: false, code: 'invalid' };
	const date = isoDate(birth);
	if (date > today) return { ok: false, code: 'future' };
	if (ageInYears(birth, now) > MAX_AGE_YEARS) return { ok: false, code: 'too_old' };
	return { ok: true, date };
}

// Katakana to Hepburn romaji, for search keys only: never shown.
const KANA_ROMAJI: Record<string, string> = {
	ア: 'a',
	イ: 'i',
	ウ: 'u',
	エ: 'e',
	オ: 'o',
	カ: 'ka',
	キ: 'ki',
	ク: 'ku',
	ケ: 'ke',
	コ: 'ko',
	ガ: 'ga',
	ギ: 'gi',
	グ: 'gu',
	ゲ: 'ge',
	ゴ: 'go',
	サ: 'sa',
	シ: 'shi',
	ス: 'su',
	セ: 'se',
	ソ: 'so',
	ザ: 'za',
	ジ: 'ji',
	ズ: 'zu',
	ゼ: 'ze',
	ゾ: 'zo',
	タ: 'ta',
	チ: 'chi',
	ツ: 'tsu',
	テ: 'te',
	ト: 'to',
	ダ: 'da',
	ヂ: 'ji',
	ヅ: 'zu',
	デ: 'de',
	ド: 'do',
	ナ: 'na',
	ニ: 'ni',
	ヌ: 'nu',
	ネ: 'ne',
	ノ: 'no',
	ハ: 'ha',
	ヒ: 'hi',
	フ: 'fu',
	ヘ: 'he',
	ホ: 'ho',
	バ: 'ba',
	ビ: 'bi',
	ブ: 'bu',
	ベ: 'be',
	ボ: 'bo',
	パ: 'pa',
	ピ: 'pi',
	プ: 'pu',
	ペ: 'pe',
	ポ: 'po',
	マ: 'ma',
	ミ: 'mi',
	ム: 'mu',
	メ: 'me',
	モ: 'mo',
	ヤ: 'ya',
	ユ: 'yu',
	ヨ: 'yo',
	ラ: 'ra',
	リ: 'ri',
	ル: 'ru',
	レ: 're',
	ロ: 'ro',
	ワ: 'wa',
	ヰ: 'i',
	ヱ: 'e',
	ヲ: 'o',
	ン: 'n',
	ヴ: 'vu',
	ァ: 'a',
	ィ: 'i',
	ゥ: 'u',
	ェ: 'e',
	ォ: 'o',
	ャ: 'ya',
	ュ: 'yu',
	ョ: 'yo',
	ヮ: 'wa',
	ヵ: 'ka',
	ヶ: 'ke'
};
const SMALL_Y = new Set(['ャ', 'ュ', 'ョ']);
const SMALL_VOWEL = new Set(['ァ', 'ィ', 'ゥ', 'ェ', 'ォ']);

function kanaToRomaji(katakana: string): string {
	let out = '';
	let doubleNext = false;
	for (const c of katakana) {
		if (c === 'ッ') {
			doubleNext = true;
			continue;
		}
		let romaji = KANA_ROMAJI[c];
		if (romaji === undefined) {
			out += c === 'ー' ? '' : c;
			doubleNext = false;
			continue;
		}
		if (SMALL_Y.has(c) && /(?:[^aeiou]i)$/.test(out)) {
			// キャ kya, シャ sha, チャ cha, ジャ ja
			const stem = out.slice(0, -1);
			out = /(sh|ch|j)$/.test(stem) ? stem + romaji.slice(1) : stem + romaji;
			continue;
		}
		if (SMALL_VOWEL.has(c) && /[aeiou]$/.test(out)) {
			// ファ fa, ティ ti, ウィ wi, シェ she
			const stem = out.slice(0, -1);
			out = (/(^|[^a-z]|[aeiou])$/.test(stem) ? stem + 'w' : stem) + romaji;
			continue;
		}
		if (doubleNext) romaji = (romaji.startsWith('ch') ? 't' : romaji.charAt(0)) + romaji;
		doubleNext = false;
		out += romaji;
	}
	return out;
}

/**
 * A lower-case ASCII key for search, the same whether the name was typed in romaji or kana:
 * 'Yamada Tarō', 'yamada taro' and 'やまだ たろう' all give 'yamadataro'. Long vowels are folded
 * (ō, ou, oo → o; uu → u) so the spellings people actually use meet; compare keys with keys only.
 */
export function romajiKey(s: string): string {
	const latin = kanaToRomaji(toKatakana(s))
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
	return latin.replace(/o[ou]/g, 'o').replace(/uu/g, 'u');
}
