/* The appointment_series table's writes (docs/architecture.md, "One owner per table"). */
import type { Insertable } from 'kysely';
import type { Db } from '../db/database';
import type { AppointmentSeriesTable } from '../db/schema';

export async function insertAppointmentSeries(db: Db, series: Insertable<AppointmentSeriesTable>): Promise<void> {
	await db.kysely.insertInto('appointment_series').values(series).execute();
}
