/*
 * Clinic time, in one module (docs/architecture.md, "Time"): calendar days, wall-clock times and
 * instants in the clinic's time zone. Formatting for people lives in src/lib/format/.
 */
export * from './clinic-time';
export * from './calendar-date';
