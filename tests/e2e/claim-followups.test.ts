import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../support/browser';
import { claimRowIn, demoClaimMonth } from '../support/claims-page';
import { browserFormPost, weekdayAhead } from '../support/form-post';
import { builtServerEntry, demoPasswordsFrom, startBuiltServer, type ServerProcess } from '../support/server-process';
import { staffCookie, staffPage } from '../support/staff-session';

/*
 * Claim follow-ups (issue #21): a refused eligibility check sent from the charge page shows its
 * errors on the charge page, with and without JavaScript, and a saved one comes back to it; an
 * insurer payment typed wrong is reversed with a reason and recorded again. The server is its own,
 * so the demo's complete claim month can be submitted and paid without touching the shared one.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-claim-followups-'));
let server: ServerProcess;
let base = '';
let reception = '';
let browser: Browser | undefined;

const pageWith = (cookie: string, javaScriptEnabled = true) => staffPage(browser!, base, cookie, { locale: 'en-GB', javaScriptEnabled });

function get(path: string) {
	return fetch(`${base}${path}`, { redirect: 'manual', headers: { cookie: reception } });
}

/** A completed visit, weeks back, of a new patient whose only eligibility check is from today (so not of the visit's month). */
async function insuredVisitWithoutCheck(daysBack: number, time: string): Promise<{ appointmentId: string; patientId: string }> {
	const day = weekdayAhead(-daysBack, 4);
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
			insuranceNumber: '345',
			validUntil: '2099-03-31'
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
	await form.getByLabel('Valid until').fill('2099-03-31');
}

beforeAll(async () => {
	expect(fs.existsSync(builtServerEntry()), 'build the server first').toBe(true);
	server = await startBuiltServer({ DATA_DIR: dataDir, RATE_LIMITS: 'off' });
	base = server.baseUrl;
	const passwords = demoPasswordsFrom(server.output());
	reception = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
	browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	fs.rmSync(dataDir, { recursive: true, force: true });
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
			expect(await axeViolations(page)).toEqual([]);
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
				checkedOn: weekdayAhead(-105, 4),
				insuranceKind: 'shakoku',
				holderKind: 'honnin',
				benefitPercent: '70',
				insurerNumber: '01130012',
				insuranceNumber: '345',
				validUntil: '2099-03-31'
			},
			reception
		);
		expect(saved.status).toBe(303);
		expect(saved.headers.get('location')).toBe(`${chargePath}?eligibility=saved`);
	});
});

describe('an insurer payment typed wrong', () => {
	it('is reversed with a reason, shown struck through, and the claim is paid again correctly', async () => {
		// The server seeds the demo relative to its own clock: last month's complete claim of 中島 正子.
		const { today, month } = demoClaimMonth();
		const claimsPath = `/en/staff/insurance/claims?month=${month}`;
		const row = claimRowIn(await (await get(claimsPath)).text(), '中島');
		expect(row?.status).toBe('draft');
		const patientId = row!.patientId;
		const move = (fields: Record<string, string>) =>
			browserFormPost(base, `/en/staff/insurance/claims?month=${month}&/move`, { patientId, month, kind: 'main', confirm: 'on', ...fields }, reception);
		expect((await move({ action: 'mark_ready' })).status).toBe(200);
		expect((await move({ action: 'submit', on: today })).status).toBe(200);
		const submitted = await (await get(claimsPath)).text();
		const versionId = /name="claim" value="([0-9a-f-]{36})"/.exec(submitted)![1]!;
		const destination = /name="destination" value="([^"]+)"/.exec(submitted)![1]!;
		// A typo: 100 yen recorded instead of the amount received.
		const typo = await browserFormPost(
			base,
			`/en/staff/insurance/claims?month=${month}&/pay`,
			{ destination, receivedOn: today, amountJpy: '100', confirm: 'on', claim: versionId, [`amount_${versionId}`]: '100' },
			reception
		);
		expect(typo.status).toBe(200);

		const { context, page } = await pageWith(reception);
		try {
			await page.goto(`${base}${claimsPath}`);
			const claim = page.getByTestId(`claim-${patientId}-main`);
			expect(await claim.getAttribute('data-status')).toBe('paid');
			const payment = page.getByTestId('insurer-payments').locator('li').first();
			expect(await payment.getAttribute('data-reversed')).toBe('false');
			// Without a reason nothing is reversed: the browser asks for it first.
			await payment.getByText('Reverse this payment').click();
			await payment.getByLabel('I have checked this').check();
			await payment.getByRole('button', { name: 'Reverse the payment' }).click();
			expect(await payment.getByLabel('Reason for reversing (required)').evaluate((el: HTMLTextAreaElement) => el.validity.valueMissing)).toBe(true);
			await payment.getByLabel('Reason for reversing (required)').fill('Amount typed wrong');
			await payment.getByRole('button', { name: 'Reverse the payment' }).click();
			await page.waitForLoadState('load');
			expect(await page.getByRole('status').first().textContent()).toContain('Payment reversed.');
			const reversed = page.getByTestId('insurer-payments').locator('li').first();
			expect(await reversed.getAttribute('data-reversed')).toBe('true');
			expect(await reversed.locator('s').textContent()).toContain('¥100');
			expect(await reversed.textContent()).toContain('Amount typed wrong');
			expect(await page.getByTestId(`claim-${patientId}-main`).getAttribute('data-status')).toBe('submitted');
			// The claim's own history keeps the paid entry, marked reversed with the reason, then the claim back to submitted.
			const history = page.getByTestId(`claim-${patientId}-main`).locator('ol.history');
			expect(await history.locator('[data-history="paid-reversed"]').textContent()).toContain('Amount typed wrong');
			expect(await history.locator('[data-history="payment-reversed"]').textContent()).toContain('back to “Submitted”');
			expect(await axeViolations(page)).toEqual([]);

			// Recorded again, with the amount the form offers: the whole claim.
			const form = page.locator('form.payment');
			await form.getByLabel('I have checked this').check();
			await form.getByRole('button', { name: 'Record the payment' }).click();
			await page.waitForLoadState('load');
			expect(await page.getByRole('status').first().textContent()).toContain('The payment was recorded.');
			expect(await page.getByTestId(`claim-${patientId}-main`).getAttribute('data-status')).toBe('paid');
			const items = page.getByTestId('insurer-payments').locator('li');
			expect(await items.count()).toBe(2);
			expect(await items.nth(1).getAttribute('data-reversed')).toBe('false');
			expect(await items.nth(1).locator('details').count()).toBe(1);
		} finally {
			await context.close();
		}
	});
});
