import type { Locale } from '../i18n/locales';

export interface Article {
	title: string;
	description: string;
	html: string;
}

/** The long-form pages, in the order the site lists them. Slugs are the same in both languages. */
export const ARTICLE_SLUGS = ['sciatica', 'acupuncture', 'your-visit', 'other-treatments', 'privacy'] as const;
export type ArticleSlug = (typeof ARTICLE_SLUGS)[number];

const modules = import.meta.glob<Article>('/content/*/*.md', { eager: true, import: 'default' });

export function isArticleSlug(value: string): value is ArticleSlug {
	return (ARTICLE_SLUGS as readonly string[]).includes(value);
}

export function findArticle(locale: Locale, slug: ArticleSlug): Article | null {
	return modules[`/content/${locale}/${slug}.md`] ?? null;
}
