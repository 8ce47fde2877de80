import type { Db } from '../db/database';
import { commitCount } from '../db/transaction';
import { addDays } from '../../domain/time';
import { loadScheduleCalendar, loadScheduleConfig, type ScheduleConfig } from './schedule-repository';

/**
 * The standing schedule (hours, practitioners, services, beds, and the closures and time off from
 * two days ago on) for pages and API calls that only show availability: read again after any
 * write in this process, and at least once a second so a change made by another app instance shows
 * within that second. Bookings never use this copy:
 * they re-check the slot against fresh data inside their transaction.
 */
const MAX_AGE_MS = 1_000;
const cache = new WeakMap<object, { at: number; commits: number; config: Promise<ScheduleConfig> }>();

export function recentScheduleConfig(db: Db): Promise<ScheduleConfig> {
	const now = performance.now();
	const commits = commitCount(db);
	const hit = cache.get(db.kysely);
	if (hit && hit.commits === commits && now - hit.at < MAX_AGE_MS) return hit.config;
	// Two UTC days back covers yesterday in every clinic's time zone.
	const calendarFrom = addDays(db.clock.now().toISOString().slice(0, 10), -2);
	const config = Promise.all([loadScheduleConfig(db), loadScheduleCalendar(db, calendarFrom)]).then(([standing, calendar]) => ({ ...standing, calendar }));
	cache.set(db.kysely, { at: now, commits, config });
	// A failed read is not kept: the next request tries again.
	config.catch(() => cache.delete(db.kysely));
	return config;
}

const perTransaction = new WeakMap<object, Promise<ScheduleConfig>>();

/**
 * The standing schedule read once per transaction: bookings that share a grouped commit (see
 * grouped-transaction.ts) see the same hours, services and beds, since nothing in the group changes
 * them and no one else can write until it commits. Outside a transaction it is simply read.
 */
export function transactionScheduleConfig(tx: Db): Promise<ScheduleConfig> {
	if (!tx.kysely.isTransaction) return loadScheduleConfig(tx);
	let config = perTransaction.get(tx.kysely);
	if (!config) perTransaction.set(tx.kysely, (config = loadScheduleConfig(tx)));
	return config;
}
