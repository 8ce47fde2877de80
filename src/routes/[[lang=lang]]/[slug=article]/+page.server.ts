import { error } from '@sveltejs/kit';
import { findArticle, isArticleSlug } from '$lib/content/articles';
import { translate } from '$lib/i18n/translate';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const article = isArticleSlug(params.slug) ? findArticle(locals.locale, params.slug) : null;
	if (!article) error(404, translate(locals.locale, 'error.notFoundTitle'));
	return { slug: params.slug, article };
};
