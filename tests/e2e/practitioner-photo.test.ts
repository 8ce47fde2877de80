import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launchBrowser } from '../support/browser';
import { staffCookie } from '../support/staff-session';

/* Issue #22: the owner gives a practitioner a photo; patients see it where they choose. */

const base = inject('baseUrl');
const passwords = inject('demoPasswords');
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let browser: Browser;
let owner = '';
let satoId = '';
let followUpId = '';

beforeAll(async () => {
	owner = await staffCookie(base, 'owner@example.jp', passwords['owner@example.jp']);
	const [practitioners, services] = await Promise.all([
		fetch(`${base}/api/v1/practitioners`).then((r) => r.json()),
		fetch(`${base}/api/v1/services`).then((r) => r.json())
	]);
	satoId = practitioners.find((p: { name: { en: string } }) => p.name.en.includes('Sato')).id;
	followUpId = services.find((s: { code: string }) => s.code === 'FOLLOW').id;
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
});

function upload(file: Blob, name: string, action = 'photo') {
	const body = new FormData();
	body.set('form', 'photo');
	body.set('photo', file, name);
	return fetch(`${base}/en/staff/scheduling/practitioners/${satoId}?/${action}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, accept: 'text/html', cookie: owner },
		body
	});
}

const photoOnBook = async () =>
	/<img src="(\/practitioners\/[^"]+\/photo\?v=[0-9a-f]+)" alt="([^"]+)"/.exec(await (await fetch(`${base}/en/book?service=${followUpId}`)).text());

describe('a practitioner photo', () => {
	it('refuses a file that is not an image with a localized 4xx, writing nothing', async () => {
		const svg = await upload(new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>'], { type: 'image/png' }), 'photo.png');
		expect(svg.status).toBe(415);
		expect(await svg.text()).toContain('Please choose a JPEG, PNG or WebP image.');
		const ja = await fetch(`${base}/staff/scheduling/practitioners/${satoId}?/photo`, {
			method: 'POST',
			headers: { origin: base, accept: 'text/html', cookie: owner },
			body: (() => {
				const body = new FormData();
				body.set('form', 'photo');
				body.set('photo', new Blob(['GIF89a'], { type: 'image/gif' }), 'a.gif');
				return body;
			})()
		});
		expect(ja.status).toBe(415);
		expect(await ja.text()).toContain('JPEG・PNG・WebP の画像を選んでください。');
		expect(await photoOnBook()).toBeNull();
	});

	it('is uploaded by the owner, served with its type and a long cache, and shown on /book with the name as alt text', async () => {
		const saved = await upload(new Blob([PNG], { type: 'image/png' }), 'sato.png');
		expect(saved.status).toBe(200);
		const shown = await photoOnBook();
		expect(shown?.[2]).toContain('Sato');
		const served = await fetch(`${base}${shown![1]!.replaceAll('&amp;', '&')}`);
		expect(served.status).toBe(200);
		expect(served.headers.get('content-type')).toBe('image/png');
		expect(served.headers.get('cache-control')).toContain('max-age=31536000');
		expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
		const again = await fetch(`${base}${shown![1]}`, { headers: { 'if-none-match': served.headers.get('etag')! } });
		expect(again.status).toBe(304);
	});

	it('keeps /book free of JavaScript and of axe findings with the photo on it', async () => {
		const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
		const scripts: string[] = [];
		page.on('request', (request) => {
			if (request.resourceType() === 'script') scripts.push(request.url());
		});
		await page.goto(`${base}/en/book?service=${followUpId}`);
		const image = page.locator('img[src^="/practitioners/"]');
		await image.waitFor();
		expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
		expect(await axeViolations(page)).toEqual([]);
		expect(scripts).toEqual([]);
		await page.close();
	});

	it('is removed by the owner, and /book shows none', async () => {
		const removed = await fetch(`${base}/en/staff/scheduling/practitioners/${satoId}?/removePhoto`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie: owner },
			body: 'form=photo'
		});
		expect(removed.status).toBe(200);
		expect(await photoOnBook()).toBeNull();
		expect((await fetch(`${base}/practitioners/${satoId}/photo`)).status).toBe(404);
	});
});
