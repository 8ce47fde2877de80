/*
 * The contact details of a merged record (issue #16). The e-mail address opens the record in the
 * portal, so nothing is carried over silently: the desk chooses each contact field that differs
 * between the two records, and an address typed into the online booking form is kept only when
 * the desk has confirmed it with the patient. Pure.
 */
import { phoneKey } from './duplicates';

export const CONTACT_FIELDS = ['email', 'phone', 'address'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Which record a field's value is taken from; 'none' (e-mail only) keeps no address at all. */
export type ContactChoice = 'survivor' | 'merged' | 'none';

export type EmailSource = 'booking' | 'desk';

export interface ContactDetails {
	email: string;
	emailSource: EmailSource;
	phone: string;
	postalCode: string;
	address: string;
}

export interface ContactChange {
	field: ContactField;
	before: string;
	after: string;
}

export type MergeContactResult =
	| { ok: true; contact: ContactDetails; changes: ContactChange[] }
	| { ok: false; code: 'contact_unchosen'; fields: ContactField[] }
	| { ok: false; code: 'email_unconfirmed' };

/** What the desk sees and compares for one field: the postal address is its code and its lines together. */
export function contactValue(details: ContactDetails, field: ContactField): string {
	if (field === 'address') return [details.postalCode, details.address].filter((part) => part.trim() !== '').join(' ');
	return details[field].trim();
}

/** Whether the desk must choose the field: the two records say different things. */
export function needsChoice(survivor: ContactDetails, merged: ContactDetails, field: ContactField): boolean {
	if (field === 'email') return survivor.email.trim().toLowerCase() !== merged.email.trim().toLowerCase();
	if (field === 'phone') return phoneKey(survivor.phone) !== phoneKey(merged.phone);
	return contactValue(survivor, field) !== contactValue(merged, field);
}

/**
 * Whether keeping this e-mail address hands the record to someone nobody checked: it came from the
 * online booking form and was never confirmed at the desk.
 */
export function isUncheckedEmail(details: Pick<ContactDetails, 'email' | 'emailSource'>): boolean {
	return details.email.trim() !== '' && details.emailSource === 'booking';
}

/**
 * The survivor's contact details after the merge. A field the two records agree on needs no choice;
 * a field they differ on must be chosen. The e-mail kept, whichever record it comes from (the
 * survivor's own included: the desk may keep the record an online booking made), must be
 * confirmed with the patient when it came from a booking; once confirmed it counts as the desk's.
 */
export function mergeContact(
	survivor: ContactDetails,
	merged: ContactDetails,
	choices: Partial<Record<ContactField, ContactChoice>>,
	emailConfirmed: boolean
): MergeContactResult {
	const unchosen = CONTACT_FIELDS.filter((field) => {
		const choice = choices[field];
		if (choice === 'none') return field !== 'email';
		return choice === undefined && needsChoice(survivor, merged, field);
	});
	if (unchosen.length > 0) return { ok: false, code: 'contact_unchosen', fields: unchosen };

	const from = (field: ContactField) => (choices[field] === 'merged' ? merged : survivor);
	const emailChoice = choices.email;
	const emailFrom = from('email');
	// Two records with the same address: it counts as checked when either record's was.
	const emailSource: EmailSource =
		emailChoice === undefined && (survivor.emailSource === 'desk' || merged.emailSource === 'desk') ? 'desk' : emailFrom.emailSource;
	const email = emailChoice === 'none' ? '' : emailFrom.email.trim();
	if (isUncheckedEmail({ email, emailSource }) && !emailConfirmed) return { ok: false, code: 'email_unconfirmed' };

	const contact: ContactDetails = {
		email,
		emailSource: email === '' ? 'desk' : emailConfirmed ? 'desk' : emailSource,
		phone: from('phone').phone,
		postalCode: from('address').postalCode,
		address: from('address').address
	};
	const changes = CONTACT_FIELDS.flatMap((field) => {
		const before = contactValue(survivor, field);
		const after = contactValue(contact, field);
		return before === after ? [] : [{ field, before, after }];
	});
	return { ok: true, contact, changes };
}
