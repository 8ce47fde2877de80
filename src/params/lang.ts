import type { ParamMatcher } from '@sveltejs/kit';

/** Only English has a prefix; Japanese is the unprefixed default. */
export const match: ParamMatcher = (param) => param === 'en';
