import { describe, expect, it } from 'vitest';
import type { Locale } from '../i18n/locales';
import { ARTICLE_SLUGS, findArticle, type Article, type ArticleSlug } from './articles';

const LOCALES: readonly Locale[] = ['ja', 'en'];

/** The site's public paths an article may link to (Japanese form; English adds `/en`). */
const KNOWN_PATHS = new Set(['/sciatica', '/acupuncture', '/your-visit', '/other-treatments', '/privacy', '/clinic', '/check', '/points', '/book']);

function article(locale: Locale, slug: ArticleSlug): Article {
	const found = findArticle(locale, slug);
	if (!found) throw new Error(`content/${locale}/${slug}.md is missing`);
	return found;
}

function headingLevels(html: string): number[] {
	return [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
}

function hrefs(html: string): string[] {
	return [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!);
}

const cases = LOCALES.flatMap((locale) => ARTICLE_SLUGS.map((slug) => ({ locale, slug })));

describe('long-form articles', () => {
	it('has every slug in both languages', () => {
		for (const { locale, slug } of cases) expect(findArticle(locale, slug), `${locale}/${slug}`).not.toBeNull();
	});

	it.each(cases)('$locale/$slug has a title and a description of at most 160 characters', ({ locale, slug }) => {
		const { title, description } = article(locale, slug);
		expect(title.length).toBeGreaterThan(0);
		expect(description.length).toBeGreaterThan(0);
		expect(description.length).toBeLessThanOrEqual(160);
		if (locale === 'ja') expect(description.length).toBeLessThan(120);
	});

	it.each(cases)('$locale/$slug has exactly one <h1>, first, and skips no heading level', ({ locale, slug }) => {
		const levels = headingLevels(article(locale, slug).html);
		expect(levels.filter((level) => level === 1)).toHaveLength(1);
		expect(levels[0]).toBe(1);
		for (let i = 1; i < levels.length; i++) {
			expect(levels[i]!, `heading ${i + 1} (h${levels[i]}) after h${levels[i - 1]}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
		}
	});

	it.each(cases)('$locale/$slug links only to its own language and to known pages', ({ locale, slug }) => {
		const internal = hrefs(article(locale, slug).html).filter((href) => href.startsWith('/'));
		expect(internal.length).toBeGreaterThan(0);
		for (const href of internal) {
			const isEnglish = href === '/en' || href.startsWith('/en/');
			expect(isEnglish, `${href} in ${locale}/${slug}`).toBe(locale === 'en');
			const path = isEnglish ? href.slice(3) : href;
			expect(KNOWN_PATHS.has(path), `${href} in ${locale}/${slug} is not a known page`).toBe(true);
		}
	});

	it.each(cases)('$locale/$slug has no e-mail address, no "London" and no unrendered Markdown', ({ locale, slug }) => {
		const { title, description, html } = article(locale, slug);
		for (const text of [title, description, html]) {
			expect(text).not.toContain('@');
			expect(text).not.toMatch(/london/i);
		}
		expect(html).not.toContain('**');
		expect(html).not.toMatch(/^#/m);
		expect(html).not.toMatch(/<(script|iframe|img)\b/i);
	});

	it.each(LOCALES)('the %s sciatica page links to the symptom self-check', (locale) => {
		expect(article(locale, 'sciatica').html).toContain(locale === 'ja' ? 'href="/check"' : 'href="/en/check"');
	});

	it.each(LOCALES)('the %s acupuncture page cites NICE NG59 and the 2024 JAMA Internal Medicine trial', (locale) => {
		const { html } = article(locale, 'acupuncture');
		expect(html).toContain('NG59');
		expect(html).toContain('JAMA Internal Medicine');
		expect(html).toContain('2024');
		// The trial's numbers as docs/clinical-rules.md §5 gives them.
		for (const figure of ['220', '216', '30.8', '14.9', '13.0', '4.9']) expect(html).toContain(figure);
	});
});
