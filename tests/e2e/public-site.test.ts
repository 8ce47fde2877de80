import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { staffCookie } from '../support/staff-session';
import { axeViolations, launchBrowser } from '../support/browser';

const base = inject('baseUrl');
const passwords = inject('demoPasswords');
const ARTICLES = ['/sciatica', '/acupuncture', '/your-visit', '/other-treatments', '/privacy'];
const PUBLIC_PAGES = ['/', '/check', '/clinic', ...ARTICLES];

let browser: Browser;
let page: Page;

beforeAll(async () => {
	browser = await launchBrowser();
	page = await browser.newPage({ viewport: { width: 320, height: 640 } });
});
afterAll(async () => {
	await browser?.close();
});

describe('every public page, in both languages, on a 320 px phone', () => {
	for (const path of PUBLIC_PAGES.flatMap((p) => [p, p === '/' ? '/en' : `/en${p}`])) {
		it(`${path}: passes axe, fits the screen, and ships no JavaScript`, async () => {
			const scripts: string[] = [];
			page.on('request', (request) => {
				if (request.resourceType() === 'script') scripts.push(request.url());
				expect(new URL(request.url()).origin, 'no third-party request').toBe(base);
			});
			const response = await page.goto(`${base}${path}`);
			expect(response?.status()).toBe(200);
			expect(await axeViolations(page)).toEqual([]);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
			expect(overflow).toBeLessThanOrEqual(0);
			expect(scripts).toEqual([]);
			page.removeAllListeners('request');
		});
	}
});

describe('search engines', () => {
	it('get a title, a description, a canonical URL and hreflang alternates per page and language', async () => {
		const html = await (await fetch(`${base}/en/sciatica`)).text();
		expect(html).toMatch(/<title>[^<]+\| Fuji Wellness Acupuncture<\/title>/);
		expect(html).toMatch(/<meta name="description" content="[^"]{20,}"/);
		expect(html).toContain(`<link rel="canonical" href="${base}/en/sciatica"`);
		expect(html).toContain(`<link rel="alternate" hreflang="ja" href="${base}/sciatica"`);
		expect(html).toContain(`<link rel="alternate" hreflang="x-default" href="${base}/sciatica"`);
		expect(html).toContain('<meta property="og:locale" content="en_US"');
	});

	it('find the clinic as a schema.org MedicalBusiness (not a doctor’s MedicalClinic) on the home page', async () => {
		const html = await (await fetch(`${base}/`)).text();
		const json = /<script type="application\/ld\+json">(.+?)<\/script>/s.exec(html)?.[1];
		const data = JSON.parse(json!);
		expect(data).toMatchObject({
			'@type': 'MedicalBusiness',
			name: 'フジウェルネス鍼灸院',
			address: { postalCode: '132-0031', addressCountry: 'JP' }
		});
		expect(data.openingHoursSpecification.length).toBeGreaterThan(5);
		expect(data.makesOffer.map((o: { itemOffered: { name: string } }) => o.itemOffered.name)).toContain('低周波鍼通電療法');
		expect(data.makesOffer[0]).toMatchObject({ '@type': 'Offer', itemOffered: { '@type': 'Service' }, priceCurrency: 'JPY' });
		expect(html).not.toContain('MedicalClinic');
	});

	it('get a sitemap of both languages and a robots.txt pointing to it, and no console pages', async () => {
		const sitemap = await (await fetch(`${base}/sitemap.xml`)).text();
		for (const path of PUBLIC_PAGES) {
			expect(sitemap).toContain(`<loc>${base}${path === '/' ? '/' : path}</loc>`);
			expect(sitemap).toContain(`<loc>${base}${path === '/' ? '/en' : `/en${path}`}</loc>`);
		}
		expect(sitemap).not.toContain('/staff');
		const robots = await (await fetch(`${base}/robots.txt`)).text();
		expect(robots).toContain(`Sitemap: ${base}/sitemap.xml`);
		expect(robots).toContain('Disallow: /staff');
		const login = await (await fetch(`${base}/staff/login`)).text();
		expect(login).toContain('<meta name="robots" content="noindex, nofollow"');
	});
});

describe('the sciatica page', () => {
	it('puts the when-to-get-care box with 119 and #7119 right under its heading', async () => {
		await page.goto(`${base}/sciatica`);
		const headings = await page.locator('main h1, main h2').allTextContents();
		expect(headings[0]).toContain('坐骨神経痛');
		expect(headings[1]).toBe('すぐに受診が必要なとき');
		expect(await page.locator('a[href="tel:119"]').count()).toBe(1);
		expect(await page.locator('a[href="tel:%237119"]').count()).toBe(1);
	});

	it('keeps the same page when switching language', async () => {
		await page.goto(`${base}/your-visit`);
		await page.getByRole('link', { name: 'Read this page in English' }).click();
		await page.waitForURL(`${base}/en/your-visit`);
		await page.getByRole('link', { name: 'このページを日本語で読む' }).click();
		await page.waitForURL(`${base}/your-visit`);
	});
});

describe('the contact form', () => {
	const post = (fields: Record<string, string>, ip: string) =>
		fetch(`${base}/en/clinic?/contact`, {
			method: 'POST',
			headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip },
			body: new URLSearchParams(fields)
		});

	it('stores a message, mails it to the clinic and shows it to reception', async () => {
		await page.goto(`${base}/en/clinic`);
		await page.getByLabel('Your name').fill('Alex Morgan');
		await page.getByLabel('Email address').fill('alex@example.jp');
		await page.getByLabel('Your message').fill('Do you treat on Saturdays?');
		await page.getByRole('button', { name: 'Send' }).click();
		await expect.poll(() => page.getByRole('status').textContent()).toContain('We have your message');

		const cookie = await staffCookie(base, 'reception@example.jp', passwords['reception@example.jp']);
		const inbox = await (await fetch(`${base}/en/staff/messages`, { headers: { cookie } })).text();
		expect(inbox).toContain('Alex Morgan');
		expect(inbox).toContain('Do you treat on Saturdays?');
	});

	it('keeps what was typed and names the fields when something is missing', async () => {
		const response = await post({ name: 'Kim', email: 'not-an-email', message: '' }, '198.51.100.20');
		expect(response.status).toBe(422);
		const html = await response.text();
		expect(html).toContain('value="Kim"');
		expect(html).toContain('id="field-email-error">Enter an email address.');
		expect(html).toContain('id="field-message-error">This field is required.');
	});

	it('thanks a robot that fills the hidden field, and keeps nothing from it', async () => {
		const response = await post({ name: 'Bot', email: 'bot@example.jp', message: 'spam', website: 'http://spam.example' }, '198.51.100.21');
		expect(response.status).toBe(200);
		expect(await response.text()).toContain('We have your message');
	});

	it('slows a flood from one address with 429 and Retry-After', async () => {
		const message = { name: 'Flood', email: 'flood@example.jp', message: 'hello' };
		for (let i = 0; i < 3; i++) expect((await post(message, '198.51.100.22')).status).toBe(200);
		const fourth = await post(message, '198.51.100.22');
		expect(fourth.status).toBe(429);
		expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await fourth.text()).toContain('Please try again in about 10 minutes');
		expect((await post(message, '198.51.100.23')).status).toBe(200);
	});
});

describe('the content security policy', () => {
	it('blocks nothing on a public page (no inline styles or scripts)', async () => {
		const problems: string[] = [];
		const fresh = await browser.newPage();
		fresh.on('console', (message) => {
			if (message.type() === 'error') problems.push(message.text());
		});
		for (const path of ['/', '/en/clinic', '/check', '/staff/login']) await fresh.goto(`${base}${path}`);
		expect(problems).toEqual([]);
		await fresh.close();
	});
});

describe('the language switch', () => {
	it('keeps the step of a multi-step page (its query string)', async () => {
		const html = await (await fetch(`${base}/staff/login?next=%2Fstaff%2Faudit`)).text();
		expect(html).toContain('href="/en/staff/login?next=%2Fstaff%2Faudit"');
	});
});
