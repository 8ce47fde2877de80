import { randomUUID } from 'node:crypto';
import { everythingBundle } from '../../domain/fhir/bundle';
import type { FhirContext } from '../../domain/fhir/codes';
import { toFhirPatient, toFhirPractitioner } from '../../domain/fhir/patient';
import type { Bundle, FhirResource } from '../../domain/fhir/types';
import { isAttended, toFhirAppointment, toFhirEncounter } from '../../domain/fhir/visits';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { SECTION_BUILDERS, type EverythingScope, type SectionBuilder } from './everything-sections';
import { selectAppointments, selectPatient, selectPractitioners } from './everything-repository';

/** FHIR ids: 1–64 of letters, digits, `-` and `.` (R4 id datatype). */
const FHIR_ID = /^[A-Za-z0-9.-]{1,64}$/;

export function isFhirId(value: string): boolean {
	return FHIR_ID.test(value);
}

/** Every `Practitioner/{id}` a resource refers to, so the bundle carries each one once. */
function referencedPractitioners(resources: readonly FhirResource[]): string[] {
	const ids = new Set<string>();
	for (const match of JSON.stringify(resources).matchAll(/"reference":"Practitioner\/([A-Za-z0-9.-]{1,64})"/g)) ids.add(match[1]!);
	return [...ids].sort();
}

/**
 * `GET /fhir/R4/Patient/{id}/$everything` (docs/contracts.md; issue #7 "Open data"): the
 * patient's whole record as a FHIR R4 searchset Bundle. `origin` is where the app is served
 * (`https://clinic.example`), the base of every fullUrl and of our own code systems. Null for an
 * unknown or malformed id. The read is audited with counts only, never content.
 */
export async function patientEverything(
	db: Db,
	patientId: string,
	actor: AuditActor,
	origin: string,
	sections: readonly SectionBuilder[] = SECTION_BUILDERS
): Promise<Bundle | null> {
	if (!isFhirId(patientId)) return null;
	const ctx: FhirContext = { origin: origin.replace(/\/+$/, '') };
	const patient = await selectPatient(db, patientId);
	if (!patient) return null;

	const appointments = await selectAppointments(db, patientId);
	const visits = appointments.filter(isAttended);
	const scope: EverythingScope = {
		...ctx,
		db,
		patientId,
		encounterIds: new Set(visits.map((v) => v.id)),
		procedureIds: new Set(),
		problemId: null
	};
	const resources: FhirResource[] = [
		toFhirPatient(patient, ctx),
		...appointments.map((a) => toFhirAppointment(a, ctx)),
		...visits.map((v) => toFhirEncounter(v, ctx))
	];
	for (const build of sections) resources.push(...(await build(scope)));
	const practitioners = await selectPractitioners(db, referencedPractitioners(resources));
	resources.splice(1, 0, ...practitioners.map((p) => toFhirPractitioner(p, ctx)));

	const counts: Record<string, number> = {};
	for (const resource of resources) counts[resource.resourceType] = (counts[resource.resourceType] ?? 0) + 1;
	await recordAudit(db, actor, { action: 'fhir.patient_everything', entityType: 'patient', entityId: patientId, patientId, detail: { resources: counts } });
	return everythingBundle(patientId, resources, ctx, randomUUID(), db.clock.now());
}
