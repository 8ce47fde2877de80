import { beforeAll, describe, expect, inject, it } from 'vitest';
import { localDate } from '../../src/lib/domain/time';
import { previousMonth } from '../../src/lib/server/seed/demo-jukyo-month';
import { pdfText, squashed } from '../support/pdf-text';
import { staffCookie } from '../support/staff-session';

/* The demo clinic's complete 受領委任 month (issue #19): last month's claim is ready and prints. */
const base = inject('baseUrl');
const passwords = inject('demoPasswords');
// The server seeds the demo relative to its own clock: last month of the clinic's today.
const month = previousMonth(localDate(Date.now(), 'Asia/Tokyo'));

let reception = '';

function get(path: string) {
	return fetch(`${base}${path}`, { redirect: 'manual', headers: { cookie: reception } });
}

beforeAll(async () => {
	reception = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
});

describe('last month in the demo clinic', () => {
	it('lists the insured patient’s 申請書 as ready to submit, and its PDF prints', async () => {
		const html = await (await get(`/staff/insurance/claims?month=${month}`)).text();
		const row = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!).find((r) => r.includes('中村 正子'));
		expect(row).toBeDefined();
		expect(row).toContain('提出できます');
		expect(row).not.toContain('class="blockers"');
		const href = /href="([^"]*\/form\.pdf\?month=[^"]*)"/.exec(row!)![1]!.replace(/&amp;/g, '&');
		const response = await get(href);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		const text = squashed(pdfText(Buffer.from(await response.arrayBuffer())));
		for (const s of ['療養費支給申請書（はり・きゅう用）', '中村正子', 'ナカムラマサコ', '【1神経痛】', '小林直樹', '請求額']) expect(text, s).toContain(s);
	});
});
