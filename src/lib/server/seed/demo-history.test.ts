import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { prepareDatabase } from '../app';
import { SYSTEM_ACTOR } from '../audit/audit-log';
import { readConfig } from '../config';
import { createChargeForAppointment } from '../billing/create-charge';
import { loadChart } from '../patients/load-chart';
import { getSessionRecord, listSessions } from '../treatment-session/session-record';
import { DEMO_ACKNOWLEDGED_REASON } from './demo-session';
import { listExaminations } from '../examination/examination-service';
import { getActivePlan } from '../treatment-plan/get-active-plan';
import { listUnaccountedSessions } from '../treatment-session/needle-account';

describeEachDatabase('the demo clinic’s patient with a history', (db) => {
	beforeAll(async () => {
		await prepareDatabase(db(), { ...readConfig({}), seedDemo: true });
	});

	it('opens on the chart with a safety alert, signed consents and a responding progress', async () => {
		const patient = await db().kysely.selectFrom('patient').select('id').where('email', '=', 'patient5@example.jp').executeTakeFirstOrThrow();
		const chart = await loadChart(db(), patient.id, SYSTEM_ACTOR);
		expect(chart!.safetyAlerts.map((a) => a.code)).toEqual(['anticoagulants']);
		expect(chart!.intakeSubmitted).toBe(true);
		expect(
			chart!
				.consents!.kinds.filter((k) => k.status === 'current')
				.map((k) => k.kind)
				.sort()
		).toEqual(['privacy', 'reminders', 'treatment']);
		expect(chart!.appointments.filter((a) => a.status === 'completed')).toHaveLength(4);
		const progress = chart!.clinical!.progress;
		expect(progress.checkIns).toHaveLength(4);
		expect(progress.measures.legPain.status).toBe('responder');
		expect(progress.notImproving.status).toBe('improving');
		expect(chart!.clinical!.aftercare).toHaveLength(1);
	});

	it('shows a closed session for every visit, needles in = out, the last with deep needling at GB30 acknowledged against the antiplatelet', async () => {
		const patient = await db().kysely.selectFrom('patient').select('id').where('email', '=', 'patient5@example.jp').executeTakeFirstOrThrow();
		const { sessions } = await listSessions(db(), patient.id, SYSTEM_ACTOR);
		expect(sessions).toHaveLength(4);
		for (const session of sessions) {
			expect(session.closedAt).not.toBeNull();
			expect(session.needlesIn).toBe(session.needlesOut);
		}
		expect(sessions.filter((x) => x.pointCount === 2 && x.needlesIn === 3)).toHaveLength(3);
		const last = sessions.find((x) => x.needlesIn === 4)!;
		expect(last).toMatchObject({ pointCount: 3, needlesIn: 4, needlesOut: 4 });
		const record = await getSessionRecord(db(), patient.id, last.id, SYSTEM_ACTOR);
		expect(record!.safety.acknowledgements.map((a) => [a.key, a.reason, a.staffName])).toEqual([
			['anticoagulants.deepNeedling.GB30', DEMO_ACKNOWLEDGED_REASON, '佐藤 美穂']
		]);
		expect(record!.safety.open.conflicts).toEqual([]);
		expect(record!.points.find((p) => p.code === 'GB30')).toMatchObject({ deep: true, side: 'right' });
	});

	it("has the first visit's examination with its root confirmed and the active plan made from it (issue #22)", async () => {
		const patient = await db().kysely.selectFrom('patient').select('id').where('email', '=', 'patient5@example.jp').executeTakeFirstOrThrow();
		const exams = await listExaminations(db(), patient.id, SYSTEM_ACTOR);
		expect(exams).toHaveLength(1);
		expect(exams[0]).toMatchObject({ kind: 'initial', confirmedRoot: 'S1', redFlagPositive: false });
		const plan = await getActivePlan(db(), patient.id, SYSTEM_ACTOR);
		expect(plan).toMatchObject({ status: 'active', plannedSessions: 6, points: [{ code: 'BL25' }, { code: 'GB30', deep: true }, { code: 'BL40' }] });
		expect(plan!.acknowledgements).toHaveLength(1);
	});

	it('has a booking flagged by its self-check on the schedule (docs/clinical-rules.md §1)', async () => {
		const flagged = await db()
			.kysely.selectFrom('appointment')
			.select(['patient_id', 'triage_level', 'triage_reasons', 'starts_at', 'status'])
			.where('triage_level', '=', 'see_doctor')
			.execute();
		expect(flagged).toHaveLength(1);
		expect(flagged[0]).toMatchObject({ status: 'booked' });
		expect(JSON.parse(flagged[0]!.triage_reasons!)).toEqual(['durationOverAWeek', 'severePain']);
		expect(Date.parse(flagged[0]!.starts_at)).toBeGreaterThan(db().clock.now().getTime());
	});

	it('shows a visit of the last open day whose session is open with a needle not counted out, on the banner and refused at the desk', async () => {
		const open = await listUnaccountedSessions(db());
		expect(open).toEqual([
			expect.objectContaining({ familyName: '小林', givenName: '真一', needlesIn: 6, needlesOut: 5, needledPoints: 3, problem: 'needles_in_body' })
		]);
		const desk = await db().kysely.selectFrom('staff').select('id').where('role', '=', 'reception').executeTakeFirstOrThrow();
		const charged = await createChargeForAppointment(
			db(),
			open[0]!.appointmentId!,
			{ payer: 'self_pay' },
			{ type: 'staff', id: desk.id, ip: null, requestId: null }
		);
		expect(charged).toMatchObject({ ok: false, code: 'needles_unaccounted', needlesIn: 6, needlesOut: 5 });
		const consents = await db()
			.kysely.selectFrom('consent_signature')
			.select('channel')
			.where('patient_id', '=', open[0]!.patientId)
			.orderBy('channel')
			.execute();
		expect(consents.map((c) => c.channel)).toEqual(['online_booking', 'verbal']);
	});
});
