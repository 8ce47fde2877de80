import { findArticle, isArticleSlug } from '$lib/content/articles';
import { fillArticle } from '$lib/content/placeholders';
import { privacyPolicyValues } from '$lib/server/clinic/privacy-policy';
import type { PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';

export const load: PageServerLoad = async ({ params, locals }) => {
	const article = isArticleSlug(params.slug) ? findArticle(locals.locale, params.slug) : null;
	if (!article) notFound(locals.locale);
	// The privacy page names the clinic and its operator from the settings, and says how sign-in really works.
	if (params.slug === 'privacy') return { slug: params.slug, article: fillArticle(article, await privacyPolicyValues(locals.db, locals.locale)) };
	return { slug: params.slug, article };
};
