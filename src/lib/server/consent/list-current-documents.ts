import { CONSENT_KINDS } from '../../domain/consent/kinds';
import { currentDocuments } from '../../domain/consent/status';
import type { Db } from '../db/database';
import { selectDocuments, type ConsentDocument } from './consent-repository';

/** The current (highest) version of each kind, in the fixed order of the kinds. */
export async function listCurrentDocuments(db: Db): Promise<ConsentDocument[]> {
	const current = currentDocuments(await selectDocuments(db));
	return CONSENT_KINDS.flatMap((kind) => current.get(kind) ?? []);
}
