import { beforeAll, describe, expect, inject, it } from 'vitest';
import { localDate } from '../../src/lib/domain/time';
import { previousMonth } from '../../src/lib/server/seed/demo-jukyo-month';
import { browserFormPost, weekdayAhead } from '../support/form-post';
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
		const row = [...html.matchAll(/<tr data-testid="claim-[^"]*" data-status="([a-z]+)">([\s\S]*?)<\/tr>/g)].find((m) => m[2]!.includes('中島 正子'));
		expect(row).toBeDefined();
		// A draft with nothing blocking it: signed, and the desk may mark it ready to submit.
		expect(row![1]).toBe('draft');
		expect(row![2]).not.toContain('class="blockers"');
		expect(row![2]).toContain('提出準備完了にする');
		const href = /href="([^"]*\/form\.pdf\?month=[^"]*)"/.exec(row![2]!)![1]!.replace(/&amp;/g, '&');
		const response = await get(href);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		const text = squashed(pdfText(Buffer.from(await response.arrayBuffer())));
		for (const s of ['療養費支給申請書（はり・きゅう用）', '中島正子', 'ナカジママサコ', '【1神経痛】', '小林直樹', '請求額']) expect(text, s).toContain(s);
	});
});

describe('a home visit at the desk', () => {
	it('asks for the 訪問施術料 tier and the reason, in the charge form, before anything is charged', async () => {
		const day = weekdayAhead(-77, 4);
		const name = { familyName: '訪問', givenName: `確認${Math.random().toString(36).slice(2, 6)}` };
		const services = await fetch(`${base}/api/v1/services`).then((r) => r.json());
		const follow = services.find((s: { code: string }) => s.code === 'FOLLOW').id;
		const practitioners = await fetch(`${base}/api/v1/practitioners`).then((r) => r.json());
		const takahashi = practitioners.find((p: { name: { en: string } }) => p.name.en.includes('Takahashi')).id;
		expect(
			(
				await browserFormPost(
					base,
					`/staff/schedule?date=${day}&/create`,
					{
						patientId: 'new',
						...name,
						phone: '090-5555-0707',
						serviceId: follow,
						practitionerId: takahashi,
						bedId: '',
						date: day,
						time: '11:00',
						source: 'walk_in'
					},
					reception
				)
			).status
		).toBe(200);
		const schedule = await (await get(`/staff/schedule?date=${day}`)).text();
		const id = [...schedule.matchAll(/<tr id="appt-([0-9a-f-]{36})"[\s\S]*?<\/tr>/g)].find((m) => m[0].includes(name.givenName))![1]!;
		expect((await browserFormPost(base, `/staff/schedule?date=${day}&/status`, { id, status: 'completed' }, reception)).status).toBe(200);
		const form = await (await get(`/staff/billing/appointments/${id}`)).text();
		for (const s of ['施術の場所', '訪問施術（定期的な訪問）', '訪問施術料2（2人）', '往療・訪問の理由', '特別地域加算']) expect(form).toContain(s);
		const refused = await browserFormPost(
			base,
			`/staff/billing/appointments/${id}`,
			{ payer: 'insurance', sharePercent: '30', visitPlace: 'home_visit' },
			reception
		);
		expect(refused.status).toBe(422);
		const html = await refused.text();
		expect(html).toContain('訪問施術料の区分（同じ建物で同じ日に施術した人数）を選んでください。');
		expect(html).toContain('往療・訪問の理由（1〜3）を選んでください。');
	});
});
