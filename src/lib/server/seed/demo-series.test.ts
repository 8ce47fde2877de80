import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { seedDemoAppointments } from './demo-appointments';
import { seedDemoClinic } from './demo-clinic';
import { seedDemoSeries } from './demo-series';

// A Friday morning in Tokyo: the series starts on the Sunday after, so its first visit moves to an open day.
const NOW = Date.parse('2026-11-27T00:00:00Z');

describeEachDatabase('the demo series', (db) => {
	it('books four weekly visits for the first demo patient, each holding its grains', async () => {
		await seedDemoClinic(db());
		await seedDemoAppointments(db(), NOW);
		await seedDemoSeries(db(), NOW);
		const series = await db().kysely.selectFrom('appointment_series').selectAll().execute();
		expect(series).toHaveLength(1);
		const visits = await db()
			.kysely.selectFrom('appointment')
			.select(['id', 'starts_at', 'status'])
			.where('series_id', '=', series[0]!.id)
			.orderBy('starts_at')
			.execute();
		expect(visits).toHaveLength(4);
		expect(visits.every((v) => v.status === 'booked' && v.starts_at > new Date(NOW).toISOString())).toBe(true);
		const grains = await db()
			.kysely.selectFrom('occupancy')
			.select('appointment_id')
			.where(
				'appointment_id',
				'in',
				visits.map((v) => v.id)
			)
			.execute();
		expect(grains.length).toBeGreaterThan(0);
	});
});
