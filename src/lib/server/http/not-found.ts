import { error } from '@sveltejs/kit';
import type { Locale } from '../../i18n/locales';
import { translate, type MessageKey } from '../../i18n/translate';

/** The pages' one "not found": a 404 whose message is in the reader's language, saying what is missing when the page knows. */
export function notFound(locale: Locale, message: MessageKey = 'error.notFoundTitle'): never {
	error(404, translate(locale, message));
}

/** A use case's refusal to show a record: 403 when it exists but is not the reader's to see, else 404. */
export function refuseRecord(locale: Locale, code: 'forbidden' | 'not_found'): never {
	if (code === 'forbidden') error(403, translate(locale, 'error.forbiddenTitle'));
	notFound(locale);
}
