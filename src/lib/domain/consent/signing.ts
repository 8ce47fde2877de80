import { typedNameMatches, type NameOnRecord } from './typed-name';

/** Message keys of the consent catalogue that a refused answer names, by form field. */
export type SigningProblemCode = 'consent.error.notCurrent' | 'consent.error.mustAgree' | 'consent.error.nameRequired' | 'consent.error.nameMismatch';

export type SigningFields = Partial<Record<'documentId' | 'agree' | 'typedName', SigningProblemCode>>;

export interface SigningAnswer {
	/** The document answered is the current version of its kind. */
	isCurrent: boolean;
	required: boolean;
	/** Agree (true) or decline / withdraw (false). */
	agreed: boolean;
	/** The "I have read and agree" box was ticked; only an agreement needs it. */
	confirmed: boolean;
	typedName: string;
	name: NameOnRecord;
}

/**
 * Why an answer cannot be recorded, per field; empty when it can. Only the current version may
 * be answered; a required kind can only be agreed to; agreeing takes the ticked box and one's own
 * full name, typed (a decline or withdrawal needs no name: it must never be harder than agreeing).
 */
export function signingProblems(answer: SigningAnswer): SigningFields {
	if (!answer.isCurrent) return { documentId: 'consent.error.notCurrent' };
	const problems: SigningFields = {};
	if ((!answer.agreed && answer.required) || (answer.agreed && !answer.confirmed)) problems.agree = 'consent.error.mustAgree';
	if (!answer.agreed && !answer.required) return problems;
	if (answer.typedName.trim() === '') problems.typedName = 'consent.error.nameRequired';
	else if (!typedNameMatches(answer.typedName, answer.name)) problems.typedName = 'consent.error.nameMismatch';
	return problems;
}
