import { ARTICLE_SLUGS } from '../../content/articles';
import { ACUPOINTS } from '../../domain/acupoints/points';

/** Every public page, by its Japanese (unprefixed) path; each also exists under /en. */
export function publicPagePaths(): string[] {
	return ['/', '/check', '/book', '/clinic', ...ARTICLE_SLUGS.map((s) => `/${s}`), '/points', ...ACUPOINTS.map((p) => `/points/${p.code}`)];
}
