import { minimumLength, type PasswordProblem } from '../../domain/auth/password-policy';
import type { Locale } from '../../i18n/locales';
import { translate } from '../../i18n/translate';

/** One sentence per broken rule, in the reader's language. */
export function passwordMessage(problems: PasswordProblem[], totpEnabled: boolean, locale: Locale): string {
	return problems.map((problem) => translate(locale, `password.${problem}`, { min: minimumLength(totpEnabled) })).join(' ');
}
