import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { RED_FLAG_QUESTIONS } from '../../src/lib/domain/triage/assess';
import { axeViolations, launchBrowser } from '../support/browser';
import { staffCookie } from '../support/staff-session';

const base = inject('baseUrl');
const passwords = inject('demoPasswords');

/** What each language's pages say, as a person would look for it. */
const TEXT = {
	en: {
		prefix: '/en',
		anyone: /^Anyone available/,
		nextMonth: /Next month/,
		times: /^Free times on/,
		familyName: 'Family name',
		givenName: 'Given name',
		email: 'E-mail',
		phone: 'Phone',
		submit: 'Confirm booking',
		done: 'Your appointment is booked',
		mailOnItsWay: 'A confirmation e-mail is on its way',
		manage: 'View, move or cancel this appointment',
		cancel: 'Cancel appointment',
		cancelConfirm: 'Yes, cancel it',
		cancelled: 'This appointment has been cancelled.',
		move: 'Move to another time',
		moveConfirm: 'Confirm the move',
		moved: 'Your appointment has been moved.',
		slotTaken: 'Sorry, someone has just booked the time you chose.',
		triageKept: 'Your self-check answers will be passed to your practitioner'
	},
	ja: {
		prefix: '',
		anyone: /^指名なし/,
		nextMonth: /次の月/,
		times: /の空き時間$/,
		familyName: '姓',
		givenName: '名',
		email: 'メールアドレス',
		phone: '電話番号',
		submit: '予約を確定する',
		done: 'ご予約を承りました',
		mailOnItsWay: '確認のメールをお送りしています',
		manage: '予約の確認・変更・キャンセル',
		cancel: 'キャンセルする',
		cancelConfirm: 'はい、キャンセルします',
		cancelled: 'このご予約はキャンセルされています。',
		move: '日時を変更する',
		moveConfirm: '変更を確定する',
		moved: 'ご予約の日時を変更しました。',
		slotTaken: '申し訳ありません。お選びの時間は、ちょうど他の方の予約で埋まりました。',
		triageKept: '症状セルフチェックの回答も'
	}
} as const;
type Lang = keyof typeof TEXT;

let browser: Browser;
let context: BrowserContext;
/** The person's phone: 320 px wide, no JavaScript. */
let page: Page;
let jsContext: BrowserContext;
/** axe needs JavaScript: every page the person sees is checked again here. */
let jsPage: Page;

beforeAll(async () => {
	browser = await launchBrowser();
	context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
	page = await context.newPage();
	jsContext = await browser.newContext({ viewport: { width: 320, height: 640 } });
	jsPage = await jsContext.newPage();
});
afterAll(async () => {
	await browser?.close();
});

async function expectAccessible(url = page.url()) {
	await jsContext.addCookies(await context.cookies());
	const response = await jsPage.goto(url);
	expect(response?.status(), url).toBe(200);
	expect(await axeViolations(jsPage), url).toEqual([]);
	const overflow = await jsPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, `${url} fits 320 px`).toBeLessThanOrEqual(0);
}

async function follow(click: Promise<void>): Promise<void> {
	await click;
	await page.waitForLoadState();
	await expectAccessible();
}

async function submit(name: string): Promise<Response> {
	const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name }).click()]);
	await page.waitForLoadState();
	return response;
}

/** Service, practitioner, the last free day of next month (well past the cutoff), the first time. */
async function chooseSlot(lang: Lang, service: RegExp, practitioner: RegExp, start = '/book') {
	const text = TEXT[lang];
	await page.goto(`${base}${text.prefix}${start}`);
	await expectAccessible();
	await follow(page.getByRole('link', { name: service }).click());
	await follow(page.getByRole('link', { name: practitioner }).click());
	await follow(page.getByRole('link', { name: text.nextMonth }).first().click());
	const days = page.locator('main table a');
	expect(await days.count()).toBeGreaterThan(0);
	await follow(days.last().click());
	await follow(page.getByRole('list', { name: text.times }).getByRole('link').first().click());
}

async function fillDetails(lang: Lang, email: string, target = page) {
	const text = TEXT[lang];
	await target.getByLabel(text.familyName, { exact: true }).fill(lang === 'ja' ? '田中' : 'Tanaka');
	await target.getByLabel(text.givenName, { exact: true }).fill(lang === 'ja' ? '花子' : 'Hanako');
	if (lang === 'ja') await target.getByLabel('セイ（フリガナ・任意）').fill('たなか');
	await target.getByLabel(text.email, { exact: true }).fill(email);
	await target.getByLabel(text.phone, { exact: true }).fill('090-1234-5678');
	await target.locator('input[name="firstVisit"][value="yes"]').check();
	await target.locator('input[name="consent"]').check();
}

async function cancelFromConfirmation(lang: Lang) {
	const text = TEXT[lang];
	await follow(page.getByRole('link', { name: text.manage }).click());
	expect(page.url()).toMatch(/\/booking\/[a-z0-9]{20,}$/);
	await follow(page.getByRole('link', { name: text.cancel }).click());
	await submit(text.cancelConfirm);
	expect(await page.locator('main').textContent()).toContain(text.cancelled);
	await expectAccessible();
	expect(await page.getByRole('link', { name: text.cancel }).count()).toBe(0);
}

describe('booking online without JavaScript on a 320 px phone', () => {
	it('books in English with anyone available, carries a see_doctor self-check to the schedule, then cancels from the manage link', async () => {
		// The self-check first: pain for two weeks, not yet seen by a doctor (docs/clinical-rules.md §1).
		await page.goto(`${base}/en/check`);
		for (const question of [...RED_FLAG_QUESTIONS, 'seenDoctor']) await page.locator(`input[name="${question}"][value="no"]`).check();
		await page.locator('input[name="age"]').fill('40');
		await page.locator('input[name="duration"]').fill('2');
		await page.locator('select[name="durationUnit"]').selectOption('weeks');
		await page.locator('input[name="painNrs"][value="4"]').check();
		await submit('See the result');
		expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('See a doctor soon');
		// Booking from the result page posts the answers; they never appear in an address.
		const handOff = await submit('Book a visit');
		expect(handOff.status()).toBe(303);
		expect(new URL(page.url()).pathname).toBe('/en/book');
		expect(new URL(page.url()).search).toBe('');

		await chooseSlot('en', /^Follow-up treatment/, TEXT.en.anyone);
		expect(page.url()).not.toContain('triage');
		expect(await page.locator('main').textContent()).toContain(TEXT.en.triageKept);
		expect(await page.locator('main dl').textContent()).toMatch(/\(anyone available\)/);
		const day = new URL(page.url()).searchParams.get('date')!;
		await fillDetails('en', 'hanako.en@example.jp');
		const response = await submit(TEXT.en.submit);
		expect(response.status()).toBe(303);

		// The practitioner sees the mark on that day's schedule, on the row of this booking.
		const staff = await browser.newContext({ viewport: { width: 1024, height: 768 } });
		const [name, value] = (await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp'])).split('=') as [string, string];
		await staff.addCookies([{ name, value, url: base }]);
		const schedule = await staff.newPage();
		await schedule.goto(`${base}/en/staff/schedule?date=${day}`);
		const row = schedule
			.locator('tr')
			.filter({ hasText: 'Tanaka' })
			.filter({ has: schedule.getByTestId('flag-self-check') });
		expect(await row.count()).toBeGreaterThan(0);
		expect(await row.first().getByTestId('flag-self-check').textContent()).toBe('Self-check: see a doctor');
		expect(await axeViolations(schedule)).toEqual([]);
		await staff.close();

		expect(new URL(page.url()).pathname).toBe('/en/book/done');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(TEXT.en.done);
		expect(await page.locator('main').textContent()).toContain(TEXT.en.mailOnItsWay);
		// Issue #22: the confirmation gives a booking number, start and end, the price, the address with a map, what to bring.
		const done = (await page.locator('main').textContent()) ?? '';
		expect(await page.getByTestId('booking-number').textContent()).toMatch(/^[0-9A-F]{8}$/);
		expect(done).toMatch(/\d{2}:\d{2} to \d{2}:\d{2}/);
		expect(done).toContain('¥');
		expect(done).toContain('What to bring');
		expect(await page.getByRole('link', { name: 'Open the map (new tab)' }).getAttribute('href')).toMatch(/^https:\/\/www\.google\.com\/maps\/search\//);
		// Add to calendar: the visit as an .ics file, kept out of shared caches (it is reached by the token).
		const calendar = await fetch(new URL((await page.getByTestId('add-to-calendar').getAttribute('href'))!, base));
		expect(calendar.status).toBe(200);
		expect(calendar.headers.get('content-type')).toContain('text/calendar');
		expect(calendar.headers.get('cache-control')).toContain('no-store');
		expect(await calendar.text()).toContain('BEGIN:VEVENT');
		await expectAccessible();
		await cancelFromConfirmation('en');
	});

	it('books in Japanese with a chosen practitioner, refuses the same time twice, moves it, and cancels', async () => {
		await chooseSlot('ja', /^低周波鍼通電療法/, /^佐藤 美穂/);
		expect(await page.getByLabel('セイ（フリガナ・任意）').count()).toBe(1);
		// Someone else has the same form open on another phone and sends it second.
		const other = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
		await other.goto(page.url());
		await fillDetails('ja', 'hanako.ja@example.jp');
		expect((await submit(TEXT.ja.submit)).status()).toBe(303);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(TEXT.ja.done);
		await expectAccessible();

		await fillDetails('ja', 'jiro@example.jp', other);
		const [late] = await Promise.all([
			other.waitForResponse((r) => r.request().method() === 'POST'),
			other.getByRole('button', { name: TEXT.ja.submit }).click()
		]);
		await other.waitForLoadState();
		expect(late.status()).toBe(409);
		expect(await other.getByRole('alert').textContent()).toContain(TEXT.ja.slotTaken);
		// Issue #22: everything typed is kept, and the nearest free times are offered in the same form.
		expect(await other.locator('input[name="familyName"]').inputValue()).toBe('田中');
		expect(await other.locator('input[name="email"]').inputValue()).toBe('jiro@example.jp');
		expect(await other.locator('input[name="firstVisit"][value="yes"]').isChecked()).toBe(true);
		expect(await other.locator('input[name="consent"]').isChecked()).toBe(true);
		const offered = other.getByRole('group', { name: '近い空き時間' }).getByRole('radio');
		expect(await offered.count()).toBeGreaterThan(0);
		const [again] = await Promise.all([
			other.waitForResponse((r) => r.request().method() === 'POST'),
			other.getByRole('button', { name: TEXT.ja.submit }).click()
		]);
		await other.waitForLoadState();
		expect(again.status()).toBe(303);
		expect(await other.getByRole('heading', { level: 1 }).textContent()).toBe(TEXT.ja.done);
		await other.close();

		await page.goto(`${base}/book/done`);
		await follow(page.getByRole('link', { name: TEXT.ja.manage }).click());
		await follow(page.getByRole('link', { name: TEXT.ja.move }).click());
		await follow(page.getByRole('link', { name: TEXT.ja.nextMonth }).first().click());
		await follow(page.locator('main table a').first().click());
		await follow(page.getByRole('list', { name: TEXT.ja.times }).getByRole('link').first().click());
		expect((await submit(TEXT.ja.moveConfirm)).status()).toBe(303);
		expect(await page.getByRole('status').textContent()).toContain(TEXT.ja.moved);
		await expectAccessible();
		await page.goto(`${base}/book/done`);
		await cancelFromConfirmation('ja');
	});

	it('shows a bad e-mail and a missing consent beside their fields, keeping what was typed', async () => {
		await chooseSlot('en', /^Follow-up treatment/, /^Ken Takahashi/);
		const detailsUrl = page.url();
		await fillDetails('en', 'hanako@example');
		const response = await submit(TEXT.en.submit);
		expect(response.status()).toBe(422);
		expect(await page.locator('#field-email-error').textContent()).toBe('Enter an email address.');
		expect(await page.getByLabel(TEXT.en.familyName, { exact: true }).inputValue()).toBe('Tanaka');
		expect(await page.locator('input[name="consent"]').isChecked()).toBe(true);

		// A browser would not send the form without the box ticked; a plain POST can.
		const form = new URLSearchParams(new URL(detailsUrl).searchParams);
		for (const [key, value] of Object.entries({
			familyName: 'Tanaka',
			givenName: 'Hanako',
			email: 'hanako@example.jp',
			phone: '090-1234-5678',
			firstVisit: 'no'
		}))
			form.set(key, value);
		const posted = await fetch(detailsUrl, {
			method: 'POST',
			headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: form
		});
		expect(posted.status).toBe(422);
		const html = await posted.text();
		expect(html).toContain('id="consent-error">Please agree to how we handle your health information.');
		expect(html).toContain('value="hanako@example.jp"');

		// The same errors pass axe.
		await jsPage.goto(detailsUrl);
		await jsPage.getByLabel(TEXT.en.email, { exact: true }).fill('not an address');
		await jsPage.locator('form').evaluate((f: HTMLFormElement) => f.setAttribute('novalidate', ''));
		await jsPage.getByRole('button', { name: TEXT.en.submit }).click();
		await jsPage.waitForLoadState();
		expect(await jsPage.locator('.field-error').count()).toBeGreaterThan(2);
		expect(await axeViolations(jsPage)).toEqual([]);
	});

	it('shows each service’s description and each practitioner’s languages and bio where the patient chooses', async () => {
		await page.goto(`${base}/en/book`);
		expect(await page.getByRole('link', { name: /^Electroacupuncture/ }).textContent()).toContain('A weak electric current is passed through the needles');
		const followUp = page.getByRole('link', { name: /^Follow-up treatment/ });
		expect(await followUp.textContent()).toContain('For returning patients');
		await follow(followUp.click());
		const takahashi = await page.getByRole('link', { name: /^Ken Takahashi/ }).textContent();
		expect(takahashi).toContain('Languages: 日本語, English, 中文');
		expect(takahashi).toContain('Gives electroacupuncture sessions.');
		// In Japanese the languages are joined as words with a 中黒.
		await page.goto(page.url().replace('/en/book', '/book'));
		expect(await page.getByRole('link', { name: /^藤田 誠/ }).textContent()).toContain('対応言語：日本語・English');
		await expectAccessible();
	});

	it('never carries self-check answers in its links, and answers an unknown manage link with a 404', async () => {
		const html = await (await fetch(`${base}/en/book?triage=bm90LWpzb24`)).text();
		expect(html).toMatch(/href="\/en\/book\?service=/);
		// The flow's own links leave any such parameter out (only the language switch repeats the address as it is).
		const flowLinks = [...html.matchAll(/href="(\/en\/book\?[^"]*)"/g)].map((m) => m[1]);
		expect(flowLinks.length).toBeGreaterThan(0);
		expect(flowLinks.filter((href) => href!.includes('triage='))).toEqual([]);
		const missing = await fetch(`${base}/en/booking/nosuchtoken`);
		expect(missing.status).toBe(404);
		expect(await missing.text()).toContain('Page not found');
	});

	it('shows the self-check’s advice, 119 first and no booking button, for emergency answers brought to /book', async () => {
		// A result page whose hidden answers were changed on the way: the server assesses them again.
		await jsPage.goto(`${base}/en/check`);
		for (const question of [...RED_FLAG_QUESTIONS, 'seenDoctor']) await jsPage.locator(`input[name="${question}"][value="no"]`).check();
		await jsPage.locator('input[name="age"]').fill('40');
		await jsPage.locator('input[name="duration"]').fill('3');
		await jsPage.locator('input[name="painNrs"][value="4"]').check();
		await jsPage.getByRole('button', { name: 'See the result' }).click();
		await jsPage.waitForLoadState();
		await jsPage.locator('input[type="hidden"][name="bladderBowelChange"]').evaluate((input: HTMLInputElement) => (input.value = 'true'));
		await jsPage.getByRole('button', { name: 'Book a visit' }).click();
		await jsPage.waitForLoadState();
		expect(new URL(jsPage.url()).pathname).toBe('/en/book/self-check');
		expect(await jsPage.getByRole('heading', { level: 2 }).first().textContent()).toBe('Get emergency care now');
		const calls = jsPage.locator('main a[href^="tel:"]');
		expect(await calls.first().getAttribute('href')).toBe('tel:119');
		expect(await jsPage.locator('main').textContent()).toContain('A change in passing urine or stool');
		expect(
			await jsPage
				.getByRole('button')
				.filter({ hasText: /Book|Confirm/ })
				.count()
		).toBe(0);
		expect(await axeViolations(jsPage)).toEqual([]);

		// A booking sent with emergency answers kept from before (here, a forged cookie) gets the same page, and no booking.
		await chooseSlot('en', /^Follow-up treatment/, /^Ken Takahashi/);
		const form = new URLSearchParams(new URL(page.url()).searchParams);
		for (const [key, value] of Object.entries({
			familyName: 'Red',
			givenName: 'Flag',
			email: 'red.flag@example.jp',
			phone: '090-7777-1234',
			firstVisit: 'yes',
			consent: 'yes'
		}))
			form.set(key, value);
		const emergency = {
			...Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, q === 'saddleNumbness'])),
			seenDoctor: false,
			age: 40,
			durationDays: 3,
			painNrs: 4
		};
		const cookie = `shinkyu_self_check=${Buffer.from(JSON.stringify(emergency)).toString('base64url')}`;
		const posted = await fetch(page.url(), {
			method: 'POST',
			headers: { origin: base, accept: 'text/html', cookie, 'content-type': 'application/x-www-form-urlencoded' },
			body: form,
			redirect: 'manual'
		});
		expect(posted.status).toBe(422);
		const html = await posted.text();
		expect(html).toContain('Get emergency care now');
		expect(html.indexOf('href="tel:119"')).toBeLessThan(html.indexOf('href="tel:%237119"'));
		expect(html).not.toContain('Confirm booking');
		expect(posted.headers.getSetCookie().some((c) => c.startsWith('shinkyu_self_check=;'))).toBe(true);
	});
});
