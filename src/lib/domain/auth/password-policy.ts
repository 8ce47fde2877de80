/*
 * Staff password rules (issue #3): at least 13 characters, or 8 when the account has a second
 * factor; never a commonly used password; never the e-mail address itself.
 */

export const MIN_LENGTH_WITHOUT_TOTP = 13;
export const MIN_LENGTH_WITH_TOTP = 8;
export const MAX_LENGTH = 256;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_email';

export interface PasswordContext {
	totpEnabled: boolean;
	email?: string;
	isCommon: (candidate: string) => boolean;
}

export function minimumLength(totpEnabled: boolean): number {
	return totpEnabled ? MIN_LENGTH_WITH_TOTP : MIN_LENGTH_WITHOUT_TOTP;
}

/** Every rule the password breaks, in a stable order; empty when it is acceptable. */
export function findPasswordProblems(password: string, context: PasswordContext): PasswordProblem[] {
	const problems: PasswordProblem[] = [];
	// Count code points, not UTF-16 units, so a kana or emoji counts as one character.
	const length = [...password].length;
	if (length < minimumLength(context.totpEnabled)) problems.push('too_short');
	if (length > MAX_LENGTH) problems.push('too_long');
	const lowered = password.toLowerCase();
	if (context.isCommon(lowered) || isRepetition(lowered)) problems.push('common');
	const localPart = context.email?.split('@')[0]?.toLowerCase();
	if (localPart && localPart.length >= 4 && lowered.includes(localPart)) problems.push('contains_email');
	return problems;
}

/** "aaaaaaaaaaaaa" or "abcabcabcabc" pass a length rule but are guessed at once. */
function isRepetition(password: string): boolean {
	for (let size = 1; size <= 4; size++) {
		const unit = password.slice(0, size);
		if (password.length > size * 2 && unit.repeat(Math.ceil(password.length / size)).startsWith(password)) {
			return true;
		}
	}
	return false;
}
