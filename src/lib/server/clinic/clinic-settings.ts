import type { Db } from '../db/database';
import type { Clinic } from '../db/schema';
import { commitCount } from '../db/transaction';
import { findClinic } from './clinic-repository';

/**
 * The time zone of a clinic created without one, and of a database that has no clinic yet (a
 * fresh install before its setup). The only time-zone default in the code: everything else reads
 * the clinic's own setting through `clinicTimeZone` (docs/architecture.md, "Time").
 */
export const CLINIC_DEFAULT_TIME_ZONE = 'Asia/Tokyo';

/*
 * The clinic row (time zone, horizon, settings), read once and cached like the schedule
 * configuration (booking/schedule-config-cache.ts): read again after any write in this process,
 * and at least once a second so a change made by another app instance shows within that second.
 * Inside a transaction it is read fresh, so a use case sees its own change.
 */
const MAX_AGE_MS = 1_000;
const cache = new WeakMap<object, { at: number; commits: number; clinic: Promise<Clinic | undefined> }>();

export function recentClinic(db: Db): Promise<Clinic | undefined> {
	if (db.kysely.isTransaction) return findClinic(db);
	const now = performance.now();
	const commits = commitCount(db);
	const hit = cache.get(db.kysely);
	if (hit && hit.commits === commits && now - hit.at < MAX_AGE_MS) return hit.clinic;
	const clinic = findClinic(db);
	cache.set(db.kysely, { at: now, commits, clinic });
	// A failed read is not kept: the next request tries again.
	clinic.catch(() => cache.delete(db.kysely));
	return clinic;
}

/** The clinic's time zone, read fresh (for use cases): every clinic-local day and time is read in it. */
export async function clinicTimeZone(db: Db): Promise<string> {
	return (await findClinic(db))?.time_zone ?? CLINIC_DEFAULT_TIME_ZONE;
}

/** The clinic's time zone from the cached row (for pages, which only show it). */
export async function recentClinicTimeZone(db: Db): Promise<string> {
	return (await recentClinic(db))?.time_zone ?? CLINIC_DEFAULT_TIME_ZONE;
}
