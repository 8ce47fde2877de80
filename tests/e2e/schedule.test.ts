import ICAL from 'ical.js';
import { dayText } from '../../src/lib/format';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserFormPost, weekdayAhead } from '../support/form-post';
import { staffCookie } from '../support/staff-session';
import { axeViolations, launchBrowser } from '../support/browser';

const base = inject('baseUrl');
const passwords = inject('demoPasswords');

/** A Monday (open 09:00–12:30, 14:30–19:30) about ten weeks ahead, clear of other tests' bookings. */
const DAY = weekdayAhead(70, 1);
/** A past Monday: a visit is marked arrived on its day or later, never before (issue #22). */
const PAST_DAY = weekdayAhead(-70, 1);
const suffix = Math.random().toString(36).slice(2, 8);
const walkIn = { familyName: 'Walkin', givenName: `Test${suffix}` };
const postForm = (path: string, fields: Record<string, string>, cookie: string) => browserFormPost(base, path, fields, cookie);

/** The desk-list row id of the appointment whose row mentions `text`. */
function rowIdFor(html: string, text: string): string | undefined {
	for (const match of html.matchAll(/<tr id="appt-([0-9a-f-]{36})"[\s\S]*?<\/tr>/g)) if (match[0].includes(text)) return match[1];
	return undefined;
}

let cookie = '';
let satoId = '';
let followUpId = '';
let appointmentId = '';

beforeAll(async () => {
	cookie = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
	const [practitioners, services] = await Promise.all([
		fetch(`${base}/api/v1/practitioners`).then((r) => r.json()),
		fetch(`${base}/api/v1/services`).then((r) => r.json())
	]);
	satoId = practitioners.find((p: { name: { en: string } }) => p.name.en.includes('Sato')).id;
	followUpId = services.find((s: { code: string }) => s.code === 'FOLLOW').id;
});

const booking = (time: string, person: { familyName: string; givenName: string }, date = DAY) => ({
	patientId: 'new',
	...person,
	phone: '090-4321-8765',
	serviceId: followUpId,
	practitionerId: satoId,
	bedId: '',
	date,
	time,
	source: 'walk_in'
});

describe('the staff schedule for reception', () => {
	it('books a walk-in, shows it on the day view and marks it arrived', async () => {
		const created = await postForm(`/en/staff/schedule?date=${DAY}&view=practitioner&/create`, booking('10:00', walkIn), cookie);
		expect(created.status).toBe(200);
		expect(await created.text()).toContain(`Booked ${walkIn.givenName} ${walkIn.familyName} on ${dayText(DAY, 'en')} at 10:00.`);

		const day = await (await fetch(`${base}/en/staff/schedule?date=${DAY}`, { headers: { cookie } })).text();
		appointmentId = rowIdFor(day, walkIn.givenName) ?? '';
		expect(appointmentId).not.toBe('');
		// In the grid (a cell linking to the row) and in the desk list.
		expect(day).toContain(`href="#appt-${appointmentId}"`);

		// Not before the visit's day (issue #22) …
		const early = await postForm(`/en/staff/schedule?date=${DAY}&/status`, { id: appointmentId, status: 'arrived' }, cookie);
		expect(early.status).toBe(409);
		expect(await early.text()).toContain('This visit’s day has not come yet.');
		// … but on it, or later: the same walk-in booked on a past Monday.
		expect((await postForm(`/en/staff/schedule?date=${PAST_DAY}&/create`, booking('10:00', walkIn, PAST_DAY), cookie)).status).toBe(200);
		const pastId = rowIdFor(await (await fetch(`${base}/en/staff/schedule?date=${PAST_DAY}`, { headers: { cookie } })).text(), walkIn.givenName) ?? '';
		expect(pastId).not.toBe('');
		const arrived = await postForm(`/en/staff/schedule?date=${PAST_DAY}&/status`, { id: pastId, status: 'arrived' }, cookie);
		expect(arrived.status).toBe(200);
		expect(await arrived.text()).toContain(`${walkIn.givenName} ${walkIn.familyName} is now “Arrived”.`);
		const after = await (await fetch(`${base}/staff/schedule?date=${PAST_DAY}`, { headers: { cookie } })).text();
		const row = after.match(new RegExp(`<tr id="appt-${pastId}"[\\s\\S]*?</tr>`))![0];
		expect(row).toContain('来院済');
	});

	it('refuses an overlapping appointment and says which one is in the way', async () => {
		const clash = await postForm(`/en/staff/schedule?date=${DAY}&/create`, booking('10:15', { familyName: 'Clash', givenName: `Other${suffix}` }), cookie);
		expect(clash.status).toBe(409);
		const html = await clash.text();
		expect(html).toContain(`overlaps the appointment of ${walkIn.givenName} ${walkIn.familyName} on ${dayText(DAY, 'en')}, 10:00–10:45 (same practitioner)`);
		expect(html).toContain(`href="#appt-${appointmentId}"`);
		const day = await (await fetch(`${base}/en/staff/schedule?date=${DAY}`, { headers: { cookie } })).text();
		expect(day).not.toContain(`Other${suffix}`);
	});

	it('keeps the calendar feed page from reception', async () => {
		const response = await fetch(`${base}/staff/calendar-feed`, { headers: { cookie }, redirect: 'manual' });
		expect(response.status).toBe(403);
	});
});

describe('the practitioner calendar feed', () => {
	let feedPath = '';

	it('is made by the practitioner themself and shows their appointments with initials only', async () => {
		const practitionerCookie = await staffCookie(base, 'practitioner@example.jp', passwords['practitioner@example.jp']);
		const issued = await postForm('/staff/calendar-feed?/issue', { practitionerId: satoId }, practitionerCookie);
		expect(issued.status).toBe(200);
		const url = (await issued.text()).match(/value="(https?:\/\/[^"]+\/ical\/practitioners\/[^"]+)"/)?.[1];
		expect(url).toBeDefined();
		const feedUrl = new URL(url!.replaceAll('&amp;', '&'));
		feedPath = `${feedUrl.pathname}${feedUrl.search}`;
		expect(feedUrl.pathname).toBe(`/ical/practitioners/${satoId}.ics`);

		const feed = await fetch(`${base}${feedPath}`);
		expect(feed.status).toBe(200);
		expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
		const text = await feed.text();
		const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
		const ours = events.find((e) => e.uid === `${appointmentId}@shinkyu`);
		expect(ours?.summary).toBe('W.T. 再診（鍼治療）');
		for (const personal of [walkIn.familyName, walkIn.givenName, '4321-8765']) expect(text).not.toContain(personal);
	});

	it('answers 404 to a wrong, missing or someone else’s token, alike', async () => {
		const token = new URL(feedPath, base).searchParams.get('token')!;
		const answers = await Promise.all(
			[
				`/ical/practitioners/${satoId}.ics?token=wrong${token}`,
				`/ical/practitioners/${satoId}.ics`,
				`/ical/practitioners/${crypto.randomUUID()}.ics?token=${token}`
			].map((path) => fetch(`${base}${path}`))
		);
		expect(answers.map((r) => r.status)).toEqual([404, 404, 404]);
		expect(new Set(await Promise.all(answers.map((r) => r.text()))).size).toBe(1);
	});
});

describe('the day view in a browser', () => {
	let browser: Browser;

	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	for (const [device, width, height] of [
		['a tablet', 768, 1024],
		['a phone', 375, 740]
	] as const) {
		it(`has no axe violations and does not scroll sideways on ${device}`, async () => {
			const context = await browser.newContext({ viewport: { width, height } });
			const split = cookie.indexOf('=');
			await context.addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url: base }]);
			const page = await context.newPage();
			for (const path of [`/staff/schedule?date=${DAY}`, `/en/staff/schedule?date=${DAY}&view=bed`, `/staff/schedule/week?date=${DAY}`]) {
				await page.goto(`${base}${path}`);
				expect(await page.getByRole('heading', { level: 1 }).count(), path).toBe(1);
				expect(await axeViolations(page), path).toEqual([]);
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
				expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
			}
			await context.close();
		});
	}
});
