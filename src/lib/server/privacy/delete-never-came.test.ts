import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { runDueJobs } from '../jobs/worker';
import { createMailer } from '../mail/mailer';
import { deleteNeverCamePatients, NEVER_CAME_JOB, scheduleNeverCameDeletion } from './delete-never-came';
import { insertClinicalRecord, insertPerson, insertPortalTraces, insertSession, insertVisit, privacyWorld, rowsOf, type PrivacyWorld } from './test-fixtures';

/** A fixed clock: the tests never depend on the day they run. */
const NOW = new Date('2031-06-15T03:00:00Z');
const THIRTEEN_MONTHS_AGO = '2030-05-15T01:00:00.000Z';
const ELEVEN_MONTHS_AGO = '2030-07-15T01:00:00.000Z';
const TWO_YEARS_AGO = '2029-06-01T00:00:00.000Z';

describeEachDatabase('deleting the records of people who booked and never came', (db, dialect) => {
	let world: PrivacyWorld;
	const people = {} as Record<'cancelled13' | 'shell' | 'cancelled11' | 'treated' | 'visited' | 'noShow' | 'comingBack' | 'assessed', string>;

	beforeAll(async () => {
		world = await privacyWorld(db());
		// One cancelled online booking 13 months ago, and nothing else.
		people.cancelled13 = await insertPerson(db(), { createdAt: THIRTEEN_MONTHS_AGO, email: `c13-${dialect}@example.jp` });
		const booking = await insertVisit(db(), world, people.cancelled13, THIRTEEN_MONTHS_AGO, 'cancelled');
		await insertPortalTraces(db(), people.cancelled13, `c13-${dialect}@example.jp`, booking, THIRTEEN_MONTHS_AGO);
		// An old duplicate merged into that record goes with it.
		people.shell = await insertPerson(db(), { createdAt: TWO_YEARS_AGO, mergedInto: people.cancelled13 });
		// The same, but 11 months ago: kept for now.
		people.cancelled11 = await insertPerson(db(), { createdAt: ELEVEN_MONTHS_AGO });
		await insertVisit(db(), world, people.cancelled11, ELEVEN_MONTHS_AGO, 'cancelled');
		// A session 13 months ago: treated, so a 施術録 to keep.
		people.treated = await insertPerson(db(), { createdAt: THIRTEEN_MONTHS_AGO });
		const visit = await insertVisit(db(), world, people.treated, THIRTEEN_MONTHS_AGO, 'no_show');
		await insertSession(db(), world, people.treated, visit, THIRTEEN_MONTHS_AGO);
		// A completed visit without any session recorded: treated too.
		people.visited = await insertPerson(db(), { createdAt: TWO_YEARS_AGO });
		await insertVisit(db(), world, people.visited, TWO_YEARS_AGO, 'completed');
		// A no-show 14 months ago who had filled in the intake and signed a consent: never treated.
		people.noShow = await insertPerson(db(), { createdAt: TWO_YEARS_AGO });
		const noShow = await insertVisit(db(), world, people.noShow, '2030-04-10T01:00:00.000Z', 'no_show');
		await db()
			.kysely.insertInto('intake')
			.values({
				id: crypto.randomUUID(),
				patient_id: people.noShow,
				appointment_id: noShow,
				status: 'submitted',
				current_step: 'done',
				answers: '{}',
				red_flag_level: null,
				red_flag_acknowledged_at: null,
				red_flag_acknowledged_by: null,
				entered_by_staff_id: null,
				created_at: TWO_YEARS_AGO,
				updated_at: TWO_YEARS_AGO,
				submitted_at: TWO_YEARS_AGO
			})
			.execute();
		await db()
			.kysely.insertInto('consent_signature')
			.values({
				id: crypto.randomUUID(),
				patient_id: people.noShow,
				document_id: world.documentId,
				agreed: 1,
				signed_name: '山田花子',
				signed_at: TWO_YEARS_AGO,
				ip: null,
				user_agent: null,
				recorded_by_staff_id: null
			})
			.execute();
		// Registered two years ago, but booked again for next month.
		people.comingBack = await insertPerson(db(), { createdAt: TWO_YEARS_AGO });
		await insertVisit(db(), world, people.comingBack, TWO_YEARS_AGO, 'cancelled');
		await insertVisit(db(), world, people.comingBack, '2031-07-01T01:00:00.000Z', 'booked');
		// An assessment only (問診・検査・評価, then a referral): a record to keep.
		people.assessed = await insertPerson(db(), { createdAt: TWO_YEARS_AGO });
		const assessed = await insertVisit(db(), world, people.assessed, TWO_YEARS_AGO, 'cancelled');
		await insertClinicalRecord(db(), world, people.assessed, assessed, TWO_YEARS_AGO);
	});

	const exists = async (id: string) => (await db().kysely.selectFrom('patient').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

	it('deletes a person whose only booking, cancelled, was 13 months ago, and the one who never came after the intake', async () => {
		const deleted = await deleteNeverCamePatients(db(), NOW);
		expect(deleted.sort()).toEqual([people.cancelled13, people.noShow].sort());
		for (const id of [people.cancelled13, people.shell, people.noShow]) expect(await exists(id)).toBe(false);
		const left = await rowsOf(db(), people.cancelled13);
		expect(Object.entries(left).filter(([, n]) => n > 0)).toEqual([]);
		expect(await rowsOf(db(), people.noShow)).toMatchObject({ intake: 0, consent_signature: 0, appointment: 0 });
		expect(await db().kysely.selectFrom('mail_outbox').select('id').where('recipient', '=', `C13-${dialect.toUpperCase()}@EXAMPLE.JP`).execute()).toEqual([]);
	});

	it('keeps a person with a session, a completed visit or an assessment, and one whose last contact is under a year old', async () => {
		for (const key of ['cancelled11', 'treated', 'visited', 'comingBack', 'assessed'] as const) expect(await exists(people[key]), key).toBe(true);
		expect((await rowsOf(db(), people.cancelled11)).appointment).toBe(1);
	});

	it('audits each deletion with the last contact and counts, never a name', async () => {
		const audit = await db().kysely.selectFrom('audit_log').selectAll().where('action', '=', 'privacy.never_came_deleted').orderBy('seq').execute();
		expect(audit.map((a) => a.patient_id).sort()).toEqual([people.cancelled13, people.noShow].sort());
		const forCancelled = audit.find((a) => a.patient_id === people.cancelled13)!;
		expect(forCancelled).toMatchObject({ actor_type: 'system', entity_type: 'patient', entity_id: people.cancelled13 });
		expect(JSON.parse(forCancelled.detail!)).toEqual({
			lastContact: '2030-05-15',
			deleted: { appointment: 1, patient_session: 1, patient_magic_link: 1, mail_outbox: 1, patient: 2 }
		});
		for (const a of audit) expect(a.detail).not.toMatch(/山田|example\.jp|090/);
	});

	it('deletes the 11-month booking once a year has passed, and not a day before', async () => {
		expect(await deleteNeverCamePatients(db(), new Date('2031-07-15T03:00:00Z'))).toEqual([]); // the anniversary itself
		expect(await deleteNeverCamePatients(db(), new Date('2031-07-16T03:00:00Z'))).toEqual([people.cancelled11]);
	});
});

describeEachDatabase('the daily job that deletes people who never came', (db, dialect) => {
	it('runs through the durable job queue and queues itself for the next day, once', async () => {
		const world = await privacyWorld(db());
		const gone = await insertPerson(db(), { createdAt: THIRTEEN_MONTHS_AGO, email: `job-${dialect}@example.jp` });
		await insertVisit(db(), world, gone, THIRTEEN_MONTHS_AGO, 'cancelled');

		await scheduleNeverCameDeletion(db(), NOW);
		await scheduleNeverCameDeletion(db(), NOW); // a second instance starting: still one run
		const queued = await db().kysely.selectFrom('job').select(['id', 'run_at']).where('kind', '=', NEVER_CAME_JOB).execute();
		expect(queued).toEqual([{ id: `${NEVER_CAME_JOB}:2031-06-15`, run_at: NOW.toISOString() }]);

		const ran = await runDueJobs({ db: db(), mailer: createMailer(undefined), origin: 'https://clinic.example.jp' }, NOW);
		expect(ran).toBe(1);
		expect(await db().kysely.selectFrom('patient').select('id').where('id', '=', gone).executeTakeFirst()).toBeUndefined();
		const jobs = await db()
			.kysely.selectFrom('job')
			.select(['id', 'run_at', 'done_at', 'last_error'])
			.where('kind', '=', NEVER_CAME_JOB)
			.orderBy('run_at')
			.execute();
		expect(jobs).toEqual([
			{ id: `${NEVER_CAME_JOB}:2031-06-15`, run_at: NOW.toISOString(), done_at: NOW.toISOString(), last_error: null },
			{ id: `${NEVER_CAME_JOB}:2031-06-16`, run_at: '2031-06-16T03:00:00.000Z', done_at: null, last_error: null }
		]);
		// Nothing more is due until the next day.
		expect(await runDueJobs({ db: db(), mailer: createMailer(undefined), origin: 'https://clinic.example.jp' }, NOW)).toBe(0);
		await scheduleNeverCameDeletion(db(), NOW);
		expect(await db().kysely.selectFrom('job').select('id').where('kind', '=', NEVER_CAME_JOB).execute()).toHaveLength(2);
	});
});
