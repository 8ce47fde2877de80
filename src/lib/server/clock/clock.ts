/**
 * The one place the server reads the wall clock. Everything else asks a `Clock`, which travels
 * with the database handle (`db.clock`), so a test, a seed or a replay can fix time for a whole
 * use case, its jobs and its audit rows alike, and no test depends on the day it runs.
 */
export interface Clock {
	now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that always answers the same instant: for tests and for deterministic seeds. */
export function fixedClock(at: Date | number | string): Clock {
	const instant = new Date(at).getTime();
	if (Number.isNaN(instant)) throw new Error(`fixedClock: not an instant: ${String(at)}`);
	return { now: () => new Date(instant) };
}

/** A clock the caller moves by hand, for tests of expiry and leases. */
export function manualClock(at: Date | number | string): Clock & { set(at: Date | number | string): void; advance(ms: number): void } {
	let instant = new Date(at).getTime();
	return {
		now: () => new Date(instant),
		set: (next) => void (instant = new Date(next).getTime()),
		advance: (ms) => void (instant += ms)
	};
}
