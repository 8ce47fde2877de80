import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { readLineConfig, type LineConfig } from '../line/line-config';
import { LINE_PUSH_JOB } from '../line/line-notice';
import { findOrCreatePatient } from '../patients/find-or-create-patient';
import { createStaffAppointment } from './create-staff-appointment';
import { searchPatients } from './search-patients';
import { at, seedSchedule, type SeededSchedule } from './test-schedule';

/* Issue #22: a desk booking reaches the patient by their chosen channels, LINE too, like an online booking. */

const LINE = readLineConfig({ LINE_CHANNEL_SECRET: 's', LINE_CHANNEL_ACCESS_TOKEN: 't', LINE_LOGIN_CHANNEL_ID: '1', LINE_LOGIN_CHANNEL_SECRET: 'l' })!;

describeEachDatabase('a desk booking for a patient on LINE', (db) => {
	let s: SeededSchedule;
	const jobsFor = async (appointmentId: string) =>
		(await db().kysely.selectFrom('job').select(['kind', 'payload']).orderBy('kind').execute())
			.filter((j) => j.payload.includes(appointmentId))
			.map((j) => j.kind);
	const patient = async (familyName: string, email: string, line?: 'line' | 'both' | 'mail') => {
		const created = await findOrCreatePatient(
			db(),
			{ familyName, givenName: '葵', phone: `090-7000-${String(familyName.length).padStart(4, '0')}`, email },
			'ja'
		);
		if (line)
			await db()
				.kysely.insertInto('line_link')
				.values({ patient_id: created.id, line_user_id: `U${familyName}`, channels: line, consent_version: '1', linked_at: '2026-11-01T00:00:00.000Z' })
				.execute();
		return created.id;
	};
	const book = async (patientId: string, start: string, line: LineConfig | null = LINE) => {
		const result = await createStaffAppointment(db(), { patientId, serviceId: s.follow, practitionerId: s.sato, start, source: 'staff' }, s.actor, line);
		if (!result.ok) throw new Error(result.code);
		return result;
	};

	beforeAll(async () => {
		s = await seedSchedule(db());
	});

	it('sends the confirmation with its manage link by LINE to a patient with LINE and no e-mail', async () => {
		const id = await patient('線田', '', 'line');
		const result = await book(id, at('09:00'));
		expect(result.notified).toEqual({ mail: false, line: true });
		const row = await db().kysely.selectFrom('appointment').select('manage_token_hash').where('id', '=', result.appointment.id).executeTakeFirstOrThrow();
		expect(row.manage_token_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(await jobsFor(result.appointment.id)).toContain(LINE_PUSH_JOB);
		const [match] = await searchPatients(db(), '線田', s.actor, 10, LINE);
		expect(match?.contact).toEqual({ mail: false, line: true });
	});

	it('uses both channels when the patient chose both, and mail alone without LINE on the server', async () => {
		const id = await patient('両方', 'ryoho@example.jp', 'both');
		const both = await book(id, at('10:00'));
		expect(both.notified).toEqual({ mail: true, line: true });
		expect(await jobsFor(both.appointment.id)).toEqual(expect.arrayContaining(['mail.booking_confirmation', LINE_PUSH_JOB]));
		const noLine = await book(id, at('11:00'), null);
		expect(noLine.notified).toEqual({ mail: true, line: false });
		expect(await jobsFor(noLine.appointment.id)).not.toContain(LINE_PUSH_JOB);
	});

	it('tells the desk, and sends nothing, when the patient has neither e-mail nor LINE', async () => {
		const id = await patient('無連絡', '');
		const [match] = await searchPatients(db(), '無連絡', s.actor, 10, LINE);
		expect(match?.contact).toEqual({ mail: false, line: false });
		const result = await book(id, at('14:30'));
		expect(result.notified).toEqual({ mail: false, line: false });
		expect(await jobsFor(result.appointment.id)).toEqual([]);
	});
});
