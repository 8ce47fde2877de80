import { error } from '@sveltejs/kit';
import { findArticle, isArticleSlug } from '$lib/content/articles';
import { fillArticle } from '$lib/content/placeholders';
import { privacyPolicyValues } from '$lib/server/clinic/privacy-policy';
import { translate } from '$lib/i18n/translate';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const article = isArticleSlug(params.slug) ? findArticle(locals.locale, params.slug) : null;
	if (!article) error(404, translate(locals.locale, 'error.notFoundTitle'));
	// The privacy page names the clinic and its operator from the settings, and says how sign-in really works.
	if (params.slug === 'privacy') return { slug: params.slug, article: fillArticle(article, await privacyPolicyValues(locals.db, locals.locale)) };
	return { slug: params.slug, article };
};
