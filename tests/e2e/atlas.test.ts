import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser } from '../support/browser';

const base = inject('baseUrl');

let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** The point codes the page links to, e.g. `/en/points/BL40` → `BL40`. */
function linkedCodes(html: string, prefix: '' | '/en'): string[] {
	const pattern = new RegExp(`href="${prefix}/points/([A-Za-z0-9-]+)"`, 'g');
	return [...new Set([...html.matchAll(pattern)].map((m) => m[1]!))];
}

async function page(path: string): Promise<{ status: number; html: string }> {
	const response = await fetch(`${base}${path}`);
	return { status: response.status, html: await response.text() };
}

describe('the acupoint atlas over HTTP', () => {
	it('lists the 18 points in Japanese at /points and in English at /en/points', async () => {
		const ja = await page('/points');
		expect(ja.status).toBe(200);
		expect(ja.html).toContain('<html lang="ja">');
		expect(ja.html).toContain('ツボ図鑑');
		expect(linkedCodes(ja.html, '')).toHaveLength(18);
		expect(ja.html).toContain('委中');

		const en = await page('/en/points');
		expect(en.status).toBe(200);
		expect(en.html).toContain('<html lang="en">');
		expect(en.html).toContain('Acupoint atlas');
		expect(linkedCodes(en.html, '/en')).toHaveLength(18);
		expect(linkedCodes(en.html, '/en')).toEqual(expect.arrayContaining(['GB30', 'BL40', 'EX-B2', 'GB21']));
	});

	it('filters by region and meridian with a plain query string', async () => {
		const buttock = await page('/en/points?region=buttock');
		expect(linkedCodes(buttock.html, '/en').sort()).toEqual(['BL54', 'GB30']);
		expect(buttock.html).toContain('Showing 2 of 18 points.');

		const gallbladderThigh = await page('/points?region=thigh&meridian=GB');
		expect(linkedCodes(gallbladderThigh.html, '')).toEqual(['GB31']);

		const unknown = await page('/en/points?region=elbow&meridian=XX');
		expect(unknown.status).toBe(200);
		expect(linkedCodes(unknown.html, '/en')).toHaveLength(18);
	});

	it('shows BL40 with its names, its location behind the knee, its cautions and its chart', async () => {
		const { status, html } = await page('/points/BL40');
		expect(status).toBe(200);
		expect(html).toContain('委中');
		expect(html).toContain('いちゅう');
		expect(html).toMatch(/<ruby[^>]*>委中/);
		expect(html).toContain('膝窩');
		expect(html).toContain('膀胱経');
		expect(html).toContain('動脈');
		expect(html).toMatch(/<svg[^>]*role="img"/);
		expect(html).toMatch(/<text[^>]*>.*BL40/s);
		expect(html).toMatch(/<meta name="description" content="[^"]*委中/);
		expect(html).toMatch(/<title>[^<]*委中[^<]*<\/title>/);
		expect(html).toContain('href="/points"');

		const en = await page('/en/points/BL40');
		expect(en.html).toContain('Weizhong');
		expect(en.html).toContain('popliteal');
		expect(en.html).toContain('href="/en/points"');
	});

	it('answers an unknown point with the localized 404 page', async () => {
		const ja = await page('/points/XX99');
		expect(ja.status).toBe(404);
		expect(ja.html).toContain('ページが見つかりません');
		const en = await page('/en/points/XX99');
		expect(en.status).toBe(404);
		expect(en.html).toContain('Page not found');
	});

	it('sends a lower-case code to the point’s one address', async () => {
		const response = await fetch(`${base}/en/points/bl40`, { redirect: 'manual' });
		expect(response.status).toBe(308);
		expect(response.headers.get('location')).toBe('/en/points/BL40');
	});
});

describe('the acupoint API', () => {
	const BL40 = {
		code: 'BL40',
		pinyin: 'Weizhong',
		hanzi: '委中',
		japanese: { kanji: '委中', reading: 'いちゅう' },
		meridian: 'Bladder',
		location: { ja: expect.stringContaining('膝窩'), en: expect.stringContaining('popliteal') },
		cautions: [{ ja: expect.any(String), en: expect.stringContaining('artery') }],
		chart: { view: 'back', x: expect.any(Number), y: expect.any(Number) }
	};

	it('lists the 18 points in the contract shape', async () => {
		const response = await fetch(`${base}/api/v1/acupoints`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('application/json');
		const points = await response.json();
		expect(points).toHaveLength(18);
		expect(points.find((p: { code: string }) => p.code === 'BL40')).toEqual(BL40);
		for (const point of points) {
			expect(Object.keys(point).sort()).toEqual(['cautions', 'chart', 'code', 'hanzi', 'japanese', 'location', 'meridian', 'pinyin']);
		}
	});

	it('answers one point by its code, whatever the case', async () => {
		expect(await (await fetch(`${base}/api/v1/acupoints/BL40`)).json()).toEqual(BL40);
		const lower = await fetch(`${base}/api/v1/acupoints/gb30`);
		expect(lower.status).toBe(200);
		expect((await lower.json()).meridian).toBe('Gallbladder');
	});

	it('answers an unknown code with 404 in the contract’s error shape', async () => {
		const response = await fetch(`${base}/api/v1/acupoints/XX99`, { headers: { 'accept-language': 'en' } });
		expect(response.status).toBe(404);
		expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
		const ja = await fetch(`${base}/api/v1/acupoints/XX99`, { headers: { 'accept-language': 'ja' } });
		expect(await ja.json()).toEqual({ error: { code: 'not_found', message: '見つかりません。' } });
	});
});

describe('the acupoint atlas in a browser', () => {
	it('filters by region without JavaScript', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 640 } });
		const noJs = await context.newPage();
		await noJs.goto(`${base}/en/points`);
		await noJs.getByLabel('Body region').selectOption('knee');
		await noJs.getByRole('button', { name: 'Show points' }).click();
		await noJs.waitForURL(/[?&]region=knee/);
		expect(await noJs.locator('main a[href^="/en/points/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['/en/points/BL40']);
		expect(await noJs.getByLabel('Body region').inputValue()).toBe('knee');
		expect(await noJs.locator('main').textContent()).toContain('Showing 1 of 18 points.');
		await noJs.getByRole('link', { name: 'Show all' }).click();
		await noJs.waitForURL(`${base}/en/points`);
		expect(await noJs.locator('main a[href^="/en/points/"]').count()).toBe(18);
		await context.close();
	});

	describe('accessibility (axe-core, WCAG 2.1 AA) on a 360 px phone', () => {
		let phone: Page;
		beforeAll(async () => {
			phone = await browser.newPage({ viewport: { width: 360, height: 640 } });
		});

		for (const path of ['/points', '/en/points', '/points/BL40', '/en/points/GB30']) {
			it(`finds no violations on ${path}`, async () => {
				await phone.goto(`${base}${path}`);
				expect(await axeViolations(phone), path).toEqual([]);
				const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
				expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
			});
		}

		it('names every chart and marks the point of the page on it', async () => {
			await phone.goto(`${base}/en/points/GB30`);
			const chart = phone.getByRole('img', { name: 'Body chart, back view' });
			expect(await chart.count()).toBe(1);
			expect(await chart.locator('text').first().textContent()).toBe('GB30 Huantiao');
			expect(await phone.locator('figcaption').textContent()).toContain('GB30 Huantiao');
		});
	});
});
