import { CONSENT_KINDS, isRequiredKind, type ConsentKind } from '../../domain/consent/kinds';
import type { Db } from '../db/database';
import { selectDocuments, type ConsentDocument } from './consent-repository';
import { listStaffNames } from '../staff/staff-repository';

export interface DocumentVersion extends ConsentDocument {
	createdByName: string | null;
	/** Patients who agreed to this version / declined or withdrew it (each patient once). */
	agreedPatients: number;
	declinedPatients: number;
}

export interface KindVersions {
	kind: ConsentKind;
	required: boolean;
	/** Newest first; the first is the current version. */
	versions: DocumentVersion[];
}

/** Every kind with all its versions and how many patients answered each: the owner's view. */
export async function listDocumentVersions(db: Db): Promise<KindVersions[]> {
	const [documents, counts, staff] = await Promise.all([
		selectDocuments(db),
		db.kysely
			.selectFrom('consent_signature')
			.select((eb) => ['document_id', 'agreed', eb.fn.count<number | string>('patient_id').distinct().as('patients')])
			.groupBy(['document_id', 'agreed'])
			.execute(),
		listStaffNames(db)
	]);
	const staffNames = new Map(staff.map((s) => [s.id, s.display_name]));
	const count = (documentId: string, agreed: number) => Number(counts.find((c) => c.document_id === documentId && Number(c.agreed) === agreed)?.patients ?? 0);
	return CONSENT_KINDS.map((kind) => {
		const versions = documents
			.filter((d) => d.kind === kind)
			.sort((a, b) => b.version - a.version)
			.map((d) => ({
				...d,
				createdByName: d.createdBy ? (staffNames.get(d.createdBy) ?? null) : null,
				agreedPatients: count(d.id, 1),
				declinedPatients: count(d.id, 0)
			}));
		return { kind, required: versions[0]?.required ?? isRequiredKind(kind), versions };
	});
}
