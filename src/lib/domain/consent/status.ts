import { CONSENT_KINDS, isConsentKind, type ConsentKind } from './kinds';

/** A published version of one kind of consent document. */
export interface ConsentDocumentVersion {
	id: string;
	kind: string;
	version: number;
	required: boolean;
}

/** One signature (or decline) as stored, with the kind and version of the document it answered. */
export interface ConsentSignatureFact {
	id: string;
	documentId: string;
	kind: string;
	version: number;
	agreed: boolean;
	/** ISO instant. */
	signedAt: string;
}

/**
 * - `current`: the newest answer agrees to the current version
 * - `outdated`: the newest answer agrees to an older version (a required kind must be signed again)
 * - `declined`: the newest answer declines or withdraws (optional kinds)
 * - `missing`: no answer at all
 */
export type ConsentStatus = 'current' | 'outdated' | 'declined' | 'missing';

export interface KindStatus<D extends ConsentDocumentVersion = ConsentDocumentVersion, S extends ConsentSignatureFact = ConsentSignatureFact> {
	kind: ConsentKind;
	/** The current (highest) version, or null before any is published. */
	document: D | null;
	status: ConsentStatus;
	/** The answer that counts: the newest one for this kind. */
	latest: S | null;
}

/** The current document of each kind: its highest version. */
export function currentDocuments<D extends ConsentDocumentVersion>(documents: readonly D[]): Map<ConsentKind, D> {
	const current = new Map<ConsentKind, D>();
	for (const document of documents) {
		if (!isConsentKind(document.kind)) continue;
		const seen = current.get(document.kind);
		if (!seen || document.version > seen.version) current.set(document.kind, document);
	}
	return current;
}

/** Newest first: by time, then by version, then by id so that equal instants still order the same way. */
function isNewer(a: ConsentSignatureFact, b: ConsentSignatureFact): boolean {
	if (a.signedAt !== b.signedAt) return a.signedAt > b.signedAt;
	if (a.version !== b.version) return a.version > b.version;
	return a.id > b.id;
}

/** The newest answer for each kind. */
export function latestSignatures<S extends ConsentSignatureFact>(signatures: readonly S[]): Map<ConsentKind, S> {
	const latest = new Map<ConsentKind, S>();
	for (const signature of signatures) {
		if (!isConsentKind(signature.kind)) continue;
		const seen = latest.get(signature.kind);
		if (!seen || isNewer(signature, seen)) latest.set(signature.kind, signature);
	}
	return latest;
}

/** The status of one kind from its current version and the newest answer for it. */
export function statusOf(current: ConsentDocumentVersion | null, latest: ConsentSignatureFact | null): ConsentStatus {
	if (!latest) return 'missing';
	if (!latest.agreed) return 'declined';
	return current && latest.version >= current.version ? 'current' : 'outdated';
}

/** Every kind, in a fixed order, with its current document, status and the answer that counts. */
export function consentStatuses<D extends ConsentDocumentVersion, S extends ConsentSignatureFact>(
	documents: readonly D[],
	signatures: readonly S[]
): KindStatus<D, S>[] {
	const current = currentDocuments(documents);
	const latest = latestSignatures(signatures);
	return CONSENT_KINDS.map((kind) => {
		const document = current.get(kind) ?? null;
		const answer = latest.get(kind) ?? null;
		return { kind, document, status: statusOf(document, answer), latest: answer };
	});
}

/**
 * Whether the patient should be asked to answer: always for a required kind that is not current
 * (a decline of a required kind cannot be recorded, but would not count as consent); for an
 * optional kind, when they have not answered yet or the text changed since they agreed.
 */
export function needsAnswer(status: ConsentStatus, required: boolean): boolean {
	if (required) return status !== 'current';
	return status === 'missing' || status === 'outdated';
}

/** Whether the patient's newest answer of this kind agrees to its current version. */
export function hasCurrentConsent(kind: ConsentKind, documents: readonly ConsentDocumentVersion[], signatures: readonly ConsentSignatureFact[]): boolean {
	const current = currentDocuments(documents).get(kind) ?? null;
	const latest = latestSignatures(signatures).get(kind) ?? null;
	return current !== null && statusOf(current, latest) === 'current';
}

/** Whether the patient agreed to the current treatment consent; the schedule flags those who did not. */
export function hasCurrentTreatmentConsent(documents: readonly ConsentDocumentVersion[], signatures: readonly ConsentSignatureFact[]): boolean {
	return hasCurrentConsent('treatment', documents, signatures);
}
