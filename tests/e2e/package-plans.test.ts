import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { browserFormPost, weekdayAhead } from '../support/form-post';
import { staffCookie } from '../support/staff-session';

/*
 * Monthly plans, 月額 (issue #18): the owner sets up a plan type, the desk starts it for a patient
 * (the month's charge with a part payment), two visits marked for the plan are charged, and the
 * second charge's line (as printed on the receipt) says the month, the visit and what is left.
 */
const base = inject('baseUrl');
const passwords = inject('demoPasswords');

// A recent weekday of its own (8–14 days ago; every other browser test books 70 days back or more).
// The plan renews on that day of the month, so the month sold today runs from it.
const DAY = [1, 2, 3, 4, 5].map((weekday) => weekdayAhead(-14, weekday)).find((d) => Number(d.slice(8)) <= 28)!;
const RENEWAL_DAY = String(Number(DAY.slice(8)));
const suffix = Math.random().toString(36).slice(2, 8);
const phone = `080-${String(1000 + Math.floor(Math.random() * 9000))}-${String(1000 + Math.floor(Math.random() * 9000))}`;
const post = (path: string, fields: Record<string, string>, cookie: string) => browserFormPost(base, path, fields, cookie);
const get = (path: string, cookie: string) => fetch(`${base}${path}`, { redirect: 'manual', headers: { cookie } });

let owner = '';
let reception = '';
let practitioner = '';
let browser: Browser | undefined;
let patientId = '';
let follow = '';
const visits: string[] = [];
const planName = `Monthly care ${suffix}`;

beforeAll(async () => {
	owner = await staffCookie(base, 'owner@example.jp', passwords['owner@example.jp']);
	reception = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
	practitioner = await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
	const [practitioners, services] = await Promise.all([
		fetch(`${base}/api/v1/practitioners`).then((r) => r.json()),
		fetch(`${base}/api/v1/services`).then((r) => r.json())
	]);
	const takahashi = practitioners.find((p: { name: { en: string } }) => p.name.en.includes('Takahashi')).id;
	follow = services.find((s: { code: string }) => s.code === 'FOLLOW').id;
	const first = await post(
		`/en/staff/schedule?date=${DAY}&/create`,
		{
			patientId: 'new',
			familyName: 'Getsugaku',
			givenName: `Plan${suffix}`,
			phone,
			serviceId: follow,
			practitionerId: takahashi,
			bedId: '',
			date: DAY,
			time: '10:00',
			source: 'walk_in'
		},
		reception
	);
	const firstBody = await first.text();
	expect(first.status, /role="alert"[^>]*>([^<]*)/.exec(firstBody)?.[1] ?? firstBody.slice(0, 300)).toBe(200);
	const found = await (await fetch(`${base}/api/v1/patients?q=${phone.replace(/-/g, '')}`, { headers: { cookie: practitioner } })).json();
	patientId = found[0].id;
	const second = await post(
		`/en/staff/schedule?date=${DAY}&/create`,
		{ patientId, serviceId: follow, practitionerId: takahashi, bedId: '', date: DAY, time: '11:30', source: 'walk_in' },
		reception
	);
	await second.arrayBuffer();
	expect(second.status).toBe(200);
	const day = await (await get(`/en/staff/schedule?date=${DAY}`, reception)).text();
	for (const match of day.matchAll(/<tr id="appt-([0-9a-f-]{36})"[\s\S]*?<\/tr>/g)) if (match[0].includes(`Plan${suffix}`)) visits.push(match[1]!);
	expect(visits).toHaveLength(2);
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('a monthly plan from set-up to the receipt', () => {
	it('is set up by the owner, and not by the desk', async () => {
		const fields = {
			nameJa: `月額ケア ${suffix}`,
			nameEn: planName,
			serviceIds: follow,
			visitsPerMonth: '4',
			monthlyPriceJpy: '16,000',
			renewalDay: RENEWAL_DAY,
			carryOver: 'on'
		};
		expect((await post('/en/staff/settings/packages?/createPlan', fields, reception)).status).not.toBe(303);
		const created = await post('/en/staff/settings/packages?/createPlan', fields, owner);
		expect(created.status).toBe(303);
		const settings = await (await get('/en/staff/settings/packages', owner)).text();
		expect(settings).toContain(planName);
		expect(settings).toContain(`4 visits a month, ¥16,000 a month (tax incl.), renews on day ${RENEWAL_DAY}`);
	});

	it('is started at the desk with a part payment: the month is its own charge', async () => {
		const page = await (await get(`/en/staff/patients/${patientId}/packages`, reception)).text();
		const typeId = new RegExp(`<option value="([0-9a-f-]{36})">${planName}`).exec(page)?.[1];
		expect(typeId).toBeDefined();
		const started = await post(
			`/en/staff/patients/${patientId}/packages?/startPlan`,
			{ packageTypeId: typeId!, startOn: '', amountJpy: '6,000', method: 'cash', familyNumbers: '' },
			reception
		);
		expect(started.status).toBe(303);
		const charge = await (await get(started.headers.get('location')!, reception)).text();
		expect(charge).toContain(planName);
		expect(charge).toContain('¥10,000'); // still owed
	});

	it('uses the month for two charged visits, and the second line says 2 of 4 and 2 left', async () => {
		const page = await (await get(`/en/staff/patients/${patientId}/packages`, reception)).text();
		const planId = /name="planId" value="([0-9a-f-]{36})"/.exec(page)?.[1] ?? '';
		expect(planId).not.toBe('');
		let lastCharge = '';
		for (const visit of visits) {
			const marked = await post(`/en/staff/patients/${patientId}/packages?/markPlan`, { appointmentId: visit, planId }, reception);
			expect(marked.status).toBe(303);
			expect((await post(`/en/staff/schedule?date=${DAY}&/status`, { id: visit, status: 'completed' }, reception)).status).toBe(200);
			const charged = await post(`/en/staff/billing/appointments/${visit}`, { payer: 'self_pay' }, reception);
			expect(charged.status).toBe(303);
			lastCharge = await (await get(charged.headers.get('location')!, reception)).text();
		}
		expect(lastCharge).toMatch(new RegExp(`${planName}, \\w+: visit 2/4, 2 left`));
	});

	it('shows the plan next to the courses with 2 visits left, in Japanese, and passes axe', async () => {
		const context = await browser!.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
		const split = reception.indexOf('=');
		await context.addCookies([{ name: reception.slice(0, split), value: reception.slice(split + 1), url: base }]);
		const page = await context.newPage();
		await page.goto(`${base}/staff/patients/${patientId}/packages`);
		expect(await page.getByTestId('plan-remaining').first().textContent()).toBe('2回');
		expect(await page.getByRole('heading', { name: /月額ケア .* — 継続中/ }).count()).toBe(1);
		expect(await axeViolations(page)).toEqual([]);
		await page.getByRole('button', { name: 'プランを停止する' }).click();
		await expect.poll(() => page.getByRole('heading', { name: /月額ケア .* — 停止/ }).count()).toBe(1);
		expect(await page.getByTestId('plan-remaining').first().textContent()).toBe('2回');
		await context.close();
	});
});
