/*
 * The patient's monthly confirmation of a 申請書 (docs/jukyo-claim.md §11): the patient — or a 代理人,
 * with their name, relation and why — confirms the month's treatment dates and signs. The
 * signature covers exactly the dates that were shown: a later visit in the same month (or a visit
 * voided since) leaves the month unconfirmed until it is signed again. Rows are never changed: the
 * newest confirmation of the month is the one that counts.
 */

export interface MonthConfirmationFacts {
	/** The treatment dates the signer saw and confirmed, 'YYYY-MM-DD'. */
	confirmedDates: readonly string[];
	signedOn: string;
	/** ISO instant the row was written; orders confirmations of one day. */
	createdAt: string;
	signerKind: 'patient' | 'proxy';
	signerName: string;
	proxyRelation: string;
	proxyReason: string;
	signatureKind: 'drawn' | 'typed';
	signaturePath: string | null;
}

export type MonthConfirmationState<C> =
	{ state: 'signed'; confirmation: C } | { state: 'unsigned' } | { state: 'changed'; confirmation: C; added: string[]; removed: string[] };

const sameDays = (a: readonly string[]) => [...new Set(a)].sort();

/** Whether the month's visits are confirmed: by the newest confirmation, and only if it covers exactly today's visit dates. */
export function monthConfirmationState<C extends MonthConfirmationFacts>(
	confirmations: readonly C[],
	visitDates: readonly string[]
): MonthConfirmationState<C> {
	const newest = [...confirmations].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))[0];
	if (!newest) return { state: 'unsigned' };
	const confirmed = sameDays(newest.confirmedDates);
	const visits = sameDays(visitDates);
	const added = visits.filter((d) => !confirmed.includes(d));
	const removed = confirmed.filter((d) => !visits.includes(d));
	if (added.length === 0 && removed.length === 0) return { state: 'signed', confirmation: newest };
	return { state: 'changed', confirmation: newest, added, removed };
}

/** A drawn signature is kept as SVG path data: moves and lines with plain numbers only, so nothing but a stroke can be stored or drawn. */
export const SIGNATURE_PATH = /^(?:[ML]\s?-?\d{1,4}(?:\.\d{1,2})?[ ,]-?\d{1,4}(?:\.\d{1,2})?\s?)+$/;
/** The drawing area the pad records in (viewBox 0 0 600 200). */
export const SIGNATURE_BOX = { width: 600, height: 200 } as const;
export const SIGNATURE_PATH_MAX = 20_000;

/** True when `path` is a drawn signature the rules accept: inside the box, at least one stroke. */
export function isSignaturePath(path: string): boolean {
	if (path.length > SIGNATURE_PATH_MAX || !SIGNATURE_PATH.test(path)) return false;
	const numbers = path.match(/-?\d+(?:\.\d+)?/g)!.map(Number);
	for (let i = 0; i < numbers.length; i += 2) {
		const [x, y] = [numbers[i]!, numbers[i + 1]!];
		if (x < 0 || y < 0 || x > SIGNATURE_BOX.width || y > SIGNATURE_BOX.height) return false;
	}
	return /L/.test(path);
}

/** What the 申請書 prints in the 申請・委任 blocks about who signed. */
export interface ClaimSignature {
	signedOn: string;
	signerKind: 'patient' | 'proxy';
	signerName: string;
	proxyRelation: string;
	proxyReason: string;
	signatureKind: 'drawn' | 'typed';
	signaturePath: string | null;
}

export function claimSignatureOf(c: MonthConfirmationFacts): ClaimSignature {
	return {
		signedOn: c.signedOn,
		signerKind: c.signerKind,
		signerName: c.signerName,
		proxyRelation: c.proxyRelation,
		proxyReason: c.proxyReason,
		signatureKind: c.signatureKind,
		signaturePath: c.signaturePath
	};
}
