import { minimumLength, type PasswordProblem } from '../../domain/auth/password-policy';
import type { Locale } from '../../i18n/locales';
import { translate, type MessageKey } from '../../i18n/translate';

/** Each broken rule in words: a typed label map (issue #21). */
const PASSWORD_PROBLEM_LABELS: Record<PasswordProblem, MessageKey> = {
	too_short: 'password.too_short',
	too_long: 'password.too_long',
	common: 'password.common',
	contains_email: 'password.contains_email'
};

/** One sentence per broken rule, in the reader's language. */
export function passwordMessage(problems: PasswordProblem[], totpEnabled: boolean, locale: Locale): string {
	return problems.map((problem) => translate(locale, PASSWORD_PROBLEM_LABELS[problem], { min: minimumLength(totpEnabled) })).join(' ');
}
