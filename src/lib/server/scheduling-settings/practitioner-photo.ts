import { createHash } from 'node:crypto';
import { checkPhoto, type PhotoProblem, type PhotoType } from '../../domain/clinic/photo-file';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { lockPractitioner } from './row-locks';

/* A practitioner's photo on the booking pages (issue #22): set, removed, and read for serving. */

export type SetPhotoResult = { ok: true; version: string } | { ok: false; code: 'not_found' } | { ok: false; code: 'invalid'; problem: PhotoProblem };

/** Keeps the bytes as given, with the type their first bytes show; the rule refuses before anything is written. */
export async function setPractitionerPhoto(
	db: Db,
	practitionerId: string,
	bytes: Uint8Array,
	actor: AuditActor,
	now = db.clock.now()
): Promise<SetPhotoResult> {
	const checked = checkPhoto(bytes);
	if (!checked.ok) return { ok: false, code: 'invalid', problem: checked.problem };
	const version = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
	const row = {
		content_type: checked.type,
		data_base64: Buffer.from(bytes).toString('base64'),
		byte_size: bytes.length,
		version,
		updated_at: now.toISOString()
	};
	return withTransaction(db, async (tx) => {
		if (!(await lockPractitioner(tx, practitionerId))) return { ok: false, code: 'not_found' } as const;
		await tx.kysely.deleteFrom('practitioner_photo').where('practitioner_id', '=', practitionerId).execute();
		await tx.kysely
			.insertInto('practitioner_photo')
			.values({ practitioner_id: practitionerId, ...row })
			.execute();
		await recordAudit(tx, actor, {
			action: 'scheduling.practitioner_photo_set',
			entityType: 'practitioner',
			entityId: practitionerId,
			detail: { contentType: checked.type, bytes: bytes.length, version }
		});
		return { ok: true, version } as const;
	});
}

export async function removePractitionerPhoto(db: Db, practitionerId: string, actor: AuditActor): Promise<{ ok: true } | { ok: false; code: 'not_found' }> {
	return withTransaction(db, async (tx) => {
		if (!(await lockPractitioner(tx, practitionerId))) return { ok: false, code: 'not_found' } as const;
		await tx.kysely.deleteFrom('practitioner_photo').where('practitioner_id', '=', practitionerId).execute();
		await recordAudit(tx, actor, { action: 'scheduling.practitioner_photo_removed', entityType: 'practitioner', entityId: practitionerId });
		return { ok: true } as const;
	});
}

/** The photo to serve, only for a practitioner patients may book (an inactive one is not shown). */
export async function readPractitionerPhoto(
	db: Db,
	practitionerId: string
): Promise<{ type: PhotoType; bytes: Uint8Array<ArrayBuffer>; version: string } | null> {
	const row = await db.kysely
		.selectFrom('practitioner_photo')
		.innerJoin('practitioner', 'practitioner.id', 'practitioner_photo.practitioner_id')
		.select(['content_type', 'data_base64', 'version'])
		.where('practitioner_photo.practitioner_id', '=', practitionerId)
		.where('practitioner.active', '=', 1)
		.executeTakeFirst();
	return row ? { type: row.content_type, bytes: new Uint8Array(Buffer.from(row.data_base64, 'base64')), version: row.version } : null;
}

/** The versions of the photos there are, by practitioner: the address of each carries its version. */
export async function photoVersions(db: Db): Promise<Map<string, string>> {
	const rows = await db.kysely.selectFrom('practitioner_photo').select(['practitioner_id', 'version']).execute();
	return new Map(rows.map((r) => [r.practitioner_id, r.version]));
}

/** The public address of a photo: a new photo is a new address, so it may be cached for long. */
export const photoPath = (practitionerId: string, version: string) => `/practitioners/${practitionerId}/photo?v=${version}`;
