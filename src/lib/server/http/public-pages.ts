import { ARTICLE_SLUGS } from '../../content/articles';

/** Every public page, by its Japanese (unprefixed) path; each also exists under /en. */
export function publicPagePaths(): string[] {
	return ['/', '/check', '/clinic', ...ARTICLE_SLUGS.map((s) => `/${s}`)];
}
