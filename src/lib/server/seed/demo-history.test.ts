import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { prepareDatabase } from '../app';
import { SYSTEM_ACTOR } from '../audit/audit-log';
import { readConfig } from '../config';
import { loadChart } from '../patients/load-chart';

describeEachDatabase('the demo clinic’s patient with a history', (db) => {
	it('opens on the chart with a safety alert, signed consents and a responding progress', async () => {
		await prepareDatabase(db(), { ...readConfig({}), seedDemo: true });
		const patient = await db().kysely.selectFrom('patient').select('id').where('email', '=', 'patient5@example.jp').executeTakeFirstOrThrow();
		const chart = await loadChart(db(), patient.id, SYSTEM_ACTOR);
		expect(chart!.safetyAlerts.map((a) => a.code)).toEqual(['anticoagulants']);
		expect(chart!.intakeSubmitted).toBe(true);
		expect(chart!.consents!.kinds.filter((k) => k.status === 'current').map((k) => k.kind).sort()).toEqual(['privacy', 'reminders', 'treatment']);
		expect(chart!.appointments.filter((a) => a.status === 'completed')).toHaveLength(4);
		const progress = chart!.clinical!.progress;
		expect(progress.checkIns).toHaveLength(4);
		expect(progress.measures.legPain.status).toBe('responder');
		expect(progress.notImproving.status).toBe('improving');
		expect(chart!.clinical!.aftercare).toHaveLength(1);
	});

	it('has a booking flagged by its self-check on the schedule (docs/clinical-rules.md §1)', async () => {
		const flagged = await db().kysely.selectFrom('appointment').select(['patient_id', 'triage_level', 'triage_reasons', 'starts_at', 'status']).where('triage_level', '=', 'see_doctor').execute();
		expect(flagged).toHaveLength(1);
		expect(flagged[0]).toMatchObject({ status: 'booked' });
		expect(JSON.parse(flagged[0]!.triage_reasons!)).toEqual(['durationOverAWeek', 'severePain']);
		expect(Date.parse(flagged[0]!.starts_at)).toBeGreaterThan(db().clock.now().getTime());
	});
});
