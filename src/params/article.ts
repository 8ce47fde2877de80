import type { ParamMatcher } from '@sveltejs/kit';
import { isArticleSlug } from '$lib/content/articles';

export const match: ParamMatcher = (param) => isArticleSlug(param);
