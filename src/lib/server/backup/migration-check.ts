import type { DialectName } from '../db/database';
import { allMigrations, SchemaTooNewError } from '../db/migrate';
import { BackupFailure } from './backup-failure';

/**
 * A backup written by a newer shinkyu would be refused at start anyway; refusing it before it
 * replaces anything leaves the operator where they were.
 */
export function refuseUnknownMigrations(names: string[], dialect: DialectName): void {
	const known = new Set(Object.keys(allMigrations(dialect)));
	const unknown = names.filter((name) => !known.has(name));
	if (unknown.length > 0) throw new BackupFailure('schema_too_new', new SchemaTooNewError(unknown).message);
}
