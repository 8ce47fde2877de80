import { hasCurrentTreatmentConsent } from '../../domain/consent/status';
import type { Db } from '../db/database';

/** Keeps each query well under the bound-parameter limits of both engines. */
const CHUNK = 500;

/**
 * Of these patients, those who have not agreed to the current treatment consent: the schedule
 * flags them. One query per 500 patients (one for any day's schedule); no audit, since it reads
 * no clinical content and names no one.
 */
export async function patientsWithoutCurrentTreatmentConsent(db: Db, patientIds: readonly string[]): Promise<Set<string>> {
	const ids = [...new Set(patientIds)];
	const without = new Set(ids);
	for (let start = 0; start < ids.length; start += CHUNK) {
		const chunk = ids.slice(start, start + CHUNK);
		const rows = await db.kysely
			.selectFrom('consent_signature')
			.innerJoin('consent_document', 'consent_document.id', 'consent_signature.document_id')
			.select((eb) => [
				'consent_signature.id',
				'consent_signature.patient_id',
				'consent_signature.document_id',
				'consent_signature.agreed',
				'consent_signature.signed_at',
				'consent_document.version',
				eb
					.selectFrom('consent_document as current')
					.select((inner) => inner.fn.max('current.version').as('v'))
					.where('current.kind', '=', 'treatment')
					.as('current_version')
			])
			.where('consent_document.kind', '=', 'treatment')
			.where('consent_signature.patient_id', 'in', chunk)
			.execute();
		const byPatient = new Map<string, typeof rows>();
		for (const row of rows) byPatient.set(row.patient_id, [...(byPatient.get(row.patient_id) ?? []), row]);
		for (const [patientId, signatures] of byPatient) {
			const currentVersion = Number(signatures[0]!.current_version ?? 0);
			const current = { id: 'current', kind: 'treatment', version: currentVersion, required: true };
			const facts = signatures.map((s) => ({
				id: s.id,
				documentId: s.document_id,
				kind: 'treatment',
				version: Number(s.version),
				agreed: Number(s.agreed) === 1,
				signedAt: s.signed_at
			}));
			if (hasCurrentTreatmentConsent([current], facts)) without.delete(patientId);
		}
	}
	return without;
}
