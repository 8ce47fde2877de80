import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { browserFormPost, weekdayAhead } from '../support/form-post';
import { linkIn, waitForMail } from '../support/mailbox';
import { staffCookie } from '../support/staff-session';

/*
 * Prepaid courses on the patient's side (issue #18): the desk books a patient and sells a course;
 * booking the next visit at the desk offers the course at once; the patient, signed in to the
 * portal on a phone without JavaScript, sees the course and the clinic's offer ("pay at the desk"),
 * and chooses the course for their booked visit. Another patient sees none of it.
 */
const base = inject('baseUrl');
const mailDir = inject('mailDir');
const passwords = inject('demoPasswords');

// A Tuesday of its own, far enough ahead that no other browser test books it.
const DAY = weekdayAhead(161, 2);
const suffix = Math.random().toString(36).slice(2, 8);
const email = `courses.${suffix}@example.jp`;
const otherEmail = `nocourse.${suffix}@example.jp`;
const randomPhone = () => `090-${String(1000 + Math.floor(Math.random() * 9000))}-${String(1000 + Math.floor(Math.random() * 9000))}`;
const post = (path: string, fields: Record<string, string>, cookie: string) => browserFormPost(base, path, fields, cookie);
const get = (path: string, cookie: string) => fetch(`${base}${path}`, { redirect: 'manual', headers: { cookie } });

let reception = '';
let browser: Browser;
let phone: BrowserContext;
let page: Page;
let patientId = '';
let saleId = '';
let follow = '';
let takahashi = '';
const visits: string[] = [];

async function visitIdsOf(name: string): Promise<string[]> {
	const day = await (await get(`/en/staff/schedule?date=${DAY}`, reception)).text();
	return [...day.matchAll(/<tr id="appt-([0-9a-f-]{36})"[\s\S]*?<\/tr>/g)].filter((m) => m[0].includes(name)).map((m) => m[1]!);
}

/** Signs a patient in on the phone as a patient does: the link in the mail. */
async function signIn(context: BrowserContext, address: string) {
	const tab = await context.newPage();
	await tab.goto(`${base}/portal/login`);
	await tab.getByLabel('メールアドレス').fill(address);
	await tab.locator('main form button[type="submit"]').click();
	const mail = await waitForMail(mailDir, address, (m) => (m.text ?? '').includes('/portal/auth/'));
	const link = linkIn(mail, /https?:\/\/[^\s]+\/portal\/auth\/[a-z2-7]+[^\s]*/);
	await tab.goto(link);
	await tab.locator('main form button[type="submit"]').click();
	await tab.waitForURL(/\/portal(\/|$|\?)/);
	return tab;
}

async function expectAccessible(target: Page) {
	const twin = await browser.newContext({ viewport: { width: 390, height: 844 } });
	await twin.addCookies(await target.context().cookies());
	const twinPage = await twin.newPage();
	const scripts: string[] = [];
	twinPage.on('request', (request) => {
		if (request.resourceType() === 'script') scripts.push(request.url());
	});
	await twinPage.goto(target.url());
	expect(await axeViolations(twinPage), target.url()).toEqual([]);
	const overflow = await twinPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, `${target.url()} fits 390 px`).toBeLessThanOrEqual(0);
	expect(scripts, `${target.url()} ships no JavaScript`).toEqual([]);
	await twin.close();
}

beforeAll(async () => {
	reception = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
	const practitioner = await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
	const [practitioners, services] = await Promise.all([
		fetch(`${base}/api/v1/practitioners`).then((r) => r.json()),
		fetch(`${base}/api/v1/services`).then((r) => r.json())
	]);
	takahashi = practitioners.find((p: { name: { en: string } }) => p.name.en.includes('Takahashi')).id;
	follow = services.find((s: { code: string }) => s.code === 'FOLLOW').id;
	const tel = randomPhone();
	const first = await post(
		`/en/staff/schedule?date=${DAY}&/create`,
		{
			patientId: 'new',
			familyName: 'Kaisu',
			givenName: `Portal${suffix}`,
			phone: tel,
			email,
			serviceId: follow,
			practitionerId: takahashi,
			bedId: '',
			date: DAY,
			time: '10:00',
			source: 'staff'
		},
		reception
	);
	expect(first.status).toBe(200);
	const found = await (await fetch(`${base}/api/v1/patients?q=${tel.replace(/-/g, '')}`, { headers: { cookie: practitioner } })).json();
	patientId = found[0].id;
	visits.push(...(await visitIdsOf(`Portal${suffix}`)));
	expect(visits).toHaveLength(1);
	// A second patient, with no course, to look where they should not.
	const other = await post(
		`/en/staff/schedule?date=${DAY}&/create`,
		{
			patientId: 'new',
			familyName: 'Kaisu',
			givenName: `Other${suffix}`,
			phone: randomPhone(),
			email: otherEmail,
			serviceId: follow,
			practitionerId: takahashi,
			bedId: '',
			date: DAY,
			time: '15:00',
			source: 'staff'
		},
		reception
	);
	expect(other.status).toBe(200);
	browser = await launchBrowser();
	phone = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false, locale: 'ja-JP' });
});
afterAll(async () => {
	await browser?.close();
});

describe('courses on the patient side', () => {
	it('the desk sells a course; booking the next visit offers it at once, and marks it', async () => {
		const desk = await (await get(`/en/staff/patients/${patientId}/packages`, reception)).text();
		const typeId = /<option value="([0-9a-f-]{36})">Acupuncture, 5 visits/.exec(desk)?.[1];
		expect(typeId).toBeDefined();
		const sold = await post(
			`/en/staff/patients/${patientId}/packages?/sell`,
			{ packageTypeId: typeId!, amountJpy: '10,000', method: 'cash', familyNumbers: '' },
			reception
		);
		expect(sold.status).toBe(303);

		const booked = await post(
			`/en/staff/schedule?date=${DAY}&/create`,
			{ patientId, serviceId: follow, practitionerId: takahashi, bedId: '', date: DAY, time: '11:30', source: 'staff' },
			reception
		);
		expect(booked.status).toBe(200);
		const html = await booked.text();
		expect(html).toContain("This patient's courses");
		saleId = /name="saleId" value="([0-9a-f-]{36})"/.exec(html)?.[1] ?? '';
		expect(saleId).not.toBe('');
		expect(html).toContain('Acupuncture, 5 visits (5 visits left, valid until');
		const second = /name="appointmentId" value="([0-9a-f-]{36})"/.exec(html)?.[1] ?? '';
		expect(second).not.toBe('');
		const marked = await post(`/en/staff/schedule?date=${DAY}&/useCourse`, { appointmentId: second, saleId }, reception);
		expect(marked.status).toBe(200);
		expect(await marked.text()).toContain('Course chosen.');
		// A course that is not the patient's is refused, and nothing changes.
		const refused = await post(
			`/en/staff/schedule?date=${DAY}&/useCourse`,
			{ appointmentId: second, saleId: '00000000-0000-4000-8000-000000000000' },
			reception
		);
		expect(refused.status).toBe(409);
	});

	it('shows the patient their course and the offer with "pay at the desk", passing axe with no JavaScript', async () => {
		page = await signIn(phone, email);
		await page.goto(`${base}/portal/packages`);
		const course = page.getByTestId('portal-package');
		await expect(course.count()).resolves.toBe(1);
		expect(await course.getByTestId('remaining').innerText()).toBe('5回（全5回）');
		expect(await course.getByTestId('status').innerText()).toBe('利用中');
		expect(await page.getByTestId('pay-at-desk').innerText()).toContain('受付');
		expect(await page.getByTestId('offer').first().innerText()).toContain('5回・');
		expect(await page.locator('form').filter({ hasText: /購入/ }).count()).toBe(0);
		await expectAccessible(page);
		// The public price list names the course offered online, bought at the desk.
		const home = await (await fetch(`${base}/en`)).text();
		expect(home).toContain('Acupuncture, 5 visits');
		expect(home).toContain('cannot be bought or paid for online');
		// The bar leads to it.
		await page.goto(`${base}/portal`);
		expect(await page.locator('nav a[href="/portal/packages"]').count()).toBeGreaterThan(0);
	});

	it('lets the patient choose the course for a booked visit, as a plain form', async () => {
		await page.goto(`${base}/portal/appointments/${visits[0]}`);
		const section = page.getByTestId('visit-courses');
		expect(await section.innerText()).toContain('鍼治療 5回券（残り5回');
		await section.getByLabel(/鍼治療 5回券/).check();
		await section.getByRole('button', { name: 'この内容にする' }).click();
		await page.waitForLoadState();
		expect(await page.getByTestId('marked-course').innerText()).toContain('「鍼治療 5回券」を使います');
		await expectAccessible(page);
		// Nothing was taken by choosing: still 5 left.
		await page.goto(`${base}/portal/packages`);
		expect(await page.getByTestId('remaining').innerText()).toBe('5回（全5回）');
	});

	it("shows the desk's choice on the confirmation mail's manage link, where the patient may change it", async () => {
		const mail = await waitForMail(mailDir, email, (m) => /\/booking\/[A-Za-z0-9_-]+/.test(m.text ?? '') && (m.text ?? '').includes('11:30'));
		const link = linkIn(mail, /https?:\/\/[^\s]+\/booking\/[A-Za-z0-9_-]+/);
		const manage = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
		const tab = await manage.newPage();
		await tab.goto(link);
		expect(await tab.getByTestId('marked-course').innerText()).toMatch(/鍼治療 5回券|Acupuncture, 5 visits/);
		await expectAccessible(tab);
		await tab.getByTestId('visit-courses').locator('input[value=""]').check();
		await tab.getByTestId('visit-courses').getByRole('button').click();
		await tab.waitForLoadState();
		expect(await tab.getByTestId('marked-course').count()).toBe(0);
		await manage.close();
	});

	it('shows another patient none of it, whatever id they put in the address', async () => {
		const other = await browser.newContext({ javaScriptEnabled: false, locale: 'ja-JP' });
		const tab = await signIn(other, otherEmail);
		const cookie = (await other.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
		const list = await (await get('/portal/packages', cookie)).text();
		expect(list).toContain('お持ちの回数券はありません。');
		expect(list).not.toContain(saleId);
		const theirs = await get(`/portal/appointments/${visits[0]}`, cookie);
		expect(theirs.status).toBe(404);
		expect(await theirs.text()).not.toContain('鍼治療 5回券（残り');
		const posted = await post(`/portal/appointments/${visits[0]}?/useCourse`, { saleId: '' }, cookie);
		expect(posted.status).toBe(404);
		await tab.close();
		await other.close();
		// The first patient's choice is still there.
		await page.goto(`${base}/portal/appointments/${visits[0]}`);
		expect(await page.getByTestId('marked-course').innerText()).toContain('「鍼治療 5回券」を使います');
	});
});
