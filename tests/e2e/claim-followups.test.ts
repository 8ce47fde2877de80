import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { browserFormPost, weekdayAhead } from '../support/form-post';
import { staffCookie } from '../support/staff-session';

/*
 * Claim follow-ups (issue #21): a refused eligibility check sent from the charge page shows its
 * errors on the charge page, with and without JavaScript, and a saved one comes back to it.
 */
const base = inject('baseUrl');
const passwords = inject('demoPasswords');

let reception = '';
let browser: Browser | undefined;

async function pageWith(cookie: string, javaScriptEnabled = true): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser!.newContext({ locale: 'en-GB', javaScriptEnabled });
	const split = cookie.indexOf('=');
	await context.addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url: base }]);
	return { context, page: await context.newPage() };
}

function get(path: string) {
	return fetch(`${base}${path}`, { redirect: 'manual', headers: { cookie: reception } });
}

/** A completed visit, weeks back, of a new patient whose only eligibility check is from today (so not of the visit's month). */
async function insuredVisitWithoutCheck(daysBack: number, time: string): Promise<{ appointmentId: string; patientId: string }> {
	const day = weekdayAhead(-daysBack, 3);
	const givenName = `資格${Math.random().toString(36).slice(2, 7)}`;
	const services = await fetch(`${base}/api/v1/services`).then((r) => r.json());
	const follow = services.find((s: { code: string }) => s.code === 'FOLLOW').id;
	const practitioners = await fetch(`${base}/api/v1/practitioners`).then((r) => r.json());
	const takahashi = practitioners.find((p: { name: { en: string } }) => p.name.en.includes('Takahashi')).id;
	const created = await browserFormPost(
		base,
		`/staff/schedule?date=${day}&/create`,
		{
			patientId: 'new',
			familyName: '確認',
			givenName,
			phone: '090-5555-0808',
			serviceId: follow,
			practitionerId: takahashi,
			bedId: '',
			date: day,
			time,
			source: 'walk_in'
		},
		reception
	);
	expect(created.status).toBe(200);
	const schedule = await (await get(`/staff/schedule?date=${day}`)).text();
	const row = [...schedule.matchAll(/<tr id="appt-([0-9a-f-]{36})"[\s\S]*?<\/tr>/g)].find((m) => m[0].includes(givenName))!;
	const appointmentId = row[1]!;
	const patientId = /\/staff\/patients\/([0-9a-f-]{36})/.exec(row[0])![1]!;
	expect((await browserFormPost(base, `/staff/schedule?date=${day}&/status`, { id: appointmentId, status: 'completed' }, reception)).status).toBe(200);
	const check = await browserFormPost(
		base,
		`/staff/patients/${patientId}/insurance?/eligibility`,
		{
			method: 'eligibility_certificate',
			result: 'confirmed',
			checkedOn: new Date().toISOString().slice(0, 10),
			insuranceKind: 'shakoku',
			holderKind: 'honnin',
			benefitPercent: '70',
			insurerNumber: '01130012',
			insuranceNumber: '345'
		},
		reception
	);
	expect(check.status).toBe(200);
	return { appointmentId, patientId };
}

async function fillCheck(page: Page, insurerNumber: string) {
	const form = page.getByTestId('eligibility-form');
	await form.getByLabel('Eligibility certificate (資格確認書)').check();
	await form.getByLabel('Insurance type').selectOption('shakoku');
	await form.getByLabel('Insured or dependant').selectOption('honnin');
	await form.getByLabel('Insurer number').fill(insurerNumber);
	await form.getByLabel('Number', { exact: true }).fill('3456');
}

beforeAll(async () => {
	reception = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
});

describe('the eligibility check on the charge page', () => {
	it('shows a refused check on the charge page with what was typed, then comes back there once saved (JavaScript on)', async () => {
		const { appointmentId } = await insuredVisitWithoutCheck(98, '15:30');
		const chargePath = `/en/staff/billing/appointments/${appointmentId}`;
		const { context, page } = await pageWith(reception);
		try {
			await page.goto(`${base}${chargePath}`);
			await fillCheck(page, '0113');
			await page.getByTestId('eligibility-form').getByRole('button', { name: 'Record the check' }).click();
			await page.waitForLoadState('load');
			expect(new URL(page.url()).pathname).toBe(chargePath);
			expect(await page.getByTestId('eligibility-error').count()).toBe(1);
			const form = page.getByTestId('eligibility-form');
			expect(await form.textContent()).toContain('Enter the insurer number as 6 or 8 digits.');
			expect(await form.getByLabel('Insurer number').inputValue()).toBe('0113');
			expect(await form.getByLabel('Number', { exact: true }).inputValue()).toBe('3456');
			expect(await form.getByLabel('Eligibility certificate (資格確認書)').isChecked()).toBe(true);
			await form.getByLabel('Insurer number').fill('01130012');
			await form.getByRole('button', { name: 'Record the check' }).click();
			await page.waitForURL(/eligibility=saved/);
			expect(new URL(page.url()).pathname).toBe(chargePath);
			expect(await page.getByRole('status').first().textContent()).toContain('Eligibility check recorded.');
			expect(await page.getByTestId('eligibility-prompt').count()).toBe(0);
		} finally {
			await context.close();
		}
	});

	it('does the same without JavaScript, and never follows a return target off the staff pages', async () => {
		const { appointmentId } = await insuredVisitWithoutCheck(105, '16:00');
		const chargePath = `/en/staff/billing/appointments/${appointmentId}`;
		const { context, page } = await pageWith(reception, false);
		try {
			await page.goto(`${base}${chargePath}`);
			await fillCheck(page, '12');
			await page.getByTestId('eligibility-form').getByRole('button', { name: 'Record the check' }).click();
			await page.waitForLoadState('load');
			expect(new URL(page.url()).pathname).toBe(chargePath);
			const form = page.getByTestId('eligibility-form');
			expect(await form.textContent()).toContain('Enter the insurer number as 6 or 8 digits.');
			expect(await form.getByLabel('Insurer number').inputValue()).toBe('12');
		} finally {
			await context.close();
		}
		// A posted return target that leaves the staff pages is ignored: the desk comes back to the charge.
		const saved = await browserFormPost(
			base,
			chargePath,
			{
				intent: 'eligibility',
				returnTo: '//evil.example/staff',
				method: 'eligibility_certificate',
				checkedOn: weekdayAhead(-105, 3),
				insuranceKind: 'shakoku',
				holderKind: 'honnin',
				benefitPercent: '70',
				insurerNumber: '01130012',
				insuranceNumber: '345'
			},
			reception
		);
		expect(saved.status).toBe(303);
		expect(saved.headers.get('location')).toBe(`${chargePath}?eligibility=saved`);
	});
});
