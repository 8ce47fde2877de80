import { randomUUID } from 'node:crypto';
import { addDays, localDate } from '../../domain/time';
import { appointmentRow } from '../booking/appointment-row';
import { claimOccupancy } from '../booking/appointment-repository';
import { practitionerPlaces, resourcesOf } from '../booking/occupancy';
import type { Db } from '../db/database';
import { previewSeries } from '../series/preview-series';

/**
 * A weekly series of four visits for the first demo patient (issue #17), so the schedule shows
 * series visits, their place in the series and where it runs out. Written directly, without mail:
 * the patient does not exist. Taken visits use the nearest free time, as the desk's preview offers.
 */
export async function seedDemoSeries(db: Db, now = db.clock.now().getTime()): Promise<void> {
	const [clinic, patient, service, practitioner] = await Promise.all([
		db.kysely.selectFrom('clinic').select('time_zone').executeTakeFirstOrThrow(),
		db.kysely.selectFrom('patient').select(['id', 'preferred_locale']).where('email', '=', 'patient1@example.jp').executeTakeFirst(),
		db.kysely.selectFrom('service').selectAll().where('code', '=', 'FOLLOW').executeTakeFirst(),
		db.kysely
			.selectFrom('practitioner')
			.innerJoin('practitioner_service', 'practitioner_service.practitioner_id', 'practitioner.id')
			.innerJoin('service', 'service.id', 'practitioner_service.service_id')
			.select('practitioner.id')
			.where('service.code', '=', 'FOLLOW')
			.orderBy('practitioner.id')
			.executeTakeFirst()
	]);
	if (!patient || !service || !practitioner) return;
	const request = {
		patientId: patient.id,
		serviceId: service.id,
		practitionerId: practitioner.id,
		bedId: undefined,
		planId: undefined,
		firstDate: addDays(localDate(now, clinic.time_zone), 2),
		time: '17:00',
		count: 4,
		frequencyPerWeek: 1
	};
	const preview = await previewSeries(db, request, now);
	if (!preview.ok) return;
	const slots = preview.proposals.flatMap((p) => ((p.slot ?? p.alternative) ? [p.slot ?? p.alternative!] : []));
	if (slots.length === 0) return;
	const staff = await db.kysely.selectFrom('staff').select('id').where('role', '=', 'reception').executeTakeFirst();
	const seriesId = randomUUID();
	await db.kysely
		.insertInto('appointment_series')
		.values({
			id: seriesId,
			patient_id: patient.id,
			plan_id: null,
			service_id: service.id,
			practitioner_id: practitioner.id,
			planned_visits: slots.length,
			created_by: staff?.id ?? 'system',
			created_at: new Date(now).toISOString()
		})
		.execute();
	for (const slot of slots) {
		const appointment = appointmentRow({
			slot,
			patientId: patient.id,
			serviceId: service.id,
			bufferMinutes: service.buffer_minutes,
			source: 'staff',
			locale: patient.preferred_locale,
			now,
			seriesId
		});
		await db.kysely.insertInto('appointment').values(appointment).execute();
		await claimOccupancy(
			db,
			appointment.id,
			resourcesOf(appointment),
			slot.start,
			Date.parse(appointment.held_until),
			await practitionerPlaces(db, appointment.practitioner_id)
		);
	}
}
