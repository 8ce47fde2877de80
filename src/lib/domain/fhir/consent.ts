/*
 * Every consent answer as a Consent (issue #6 versioned consents). The newest answer per kind
 * counts: active when it agrees, rejected when it declines or withdraws; earlier answers of the
 * same kind are inactive. The policy URI names the kind and the document version answered.
 */
import { latestSignatures } from '../consent/status';
import { CONSENT_DOCUMENT, concept, HL7, referenceTo, type FhirContext } from './codes';
import type { Consent } from './types';

export interface ConsentAnswer {
	id: string;
	documentId: string;
	kind: string;
	version: number;
	agreed: boolean;
	signedAt: string;
	/** The document's title, for the attachment; the text itself stays in the clinic. */
	title: string;
}

/** R4 consent scopes (required binding): treatment and research have their own; the rest is privacy. */
const SCOPES: Record<string, { code: string; display: string }> = {
	treatment: { code: 'treatment', display: 'Treatment' },
	research: { code: 'research', display: 'Research' }
};
const PRIVACY = { code: 'patient-privacy', display: 'Privacy Consent' };

export function consentDocumentUri(ctx: FhirContext, kind: string, version: number): string {
	return `${ctx.origin}/fhir/consent-document/${encodeURIComponent(kind)}/${version}`;
}

export function toFhirConsents(patientId: string, answers: readonly ConsentAnswer[], ctx: FhirContext): Consent[] {
	const counting = new Set([...latestSignatures(answers).values()].map((a) => a.id));
	return answers.map((answer) => {
		const scope = SCOPES[answer.kind] ?? PRIVACY;
		const status = !counting.has(answer.id) ? 'inactive' : answer.agreed ? 'active' : 'rejected';
		return {
			resourceType: 'Consent' as const,
			id: answer.id,
			status,
			scope: concept({ system: HL7.consentScope, ...scope }),
			category: [concept(CONSENT_DOCUMENT, answer.kind)],
			patient: referenceTo('Patient', patientId),
			dateTime: answer.signedAt,
			performer: [referenceTo('Patient', patientId)],
			sourceAttachment: { title: `${answer.title} (version ${answer.version})` },
			policy: [{ uri: consentDocumentUri(ctx, answer.kind, answer.version) }],
			provision: { type: answer.agreed ? ('permit' as const) : ('deny' as const) }
		};
	});
}
