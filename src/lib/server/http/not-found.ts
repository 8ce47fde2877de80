import { error } from '@sveltejs/kit';
import type { Locale } from '../../i18n/locales';
import { translate } from '../../i18n/translate';

/** The pages' one "not found": a 404 whose message is in the reader's language. */
export function notFound(locale: Locale): never {
	error(404, translate(locale, 'error.notFoundTitle'));
}

/** A use case's refusal to show a record: 403 when it exists but is not the reader's to see, else 404. */
export function refuseRecord(locale: Locale, code: 'forbidden' | 'not_found'): never {
	if (code === 'forbidden') error(403, translate(locale, 'error.forbiddenTitle'));
	notFound(locale);
}
