/*
 * `GET /api/v1/availability` for a month 70 % booked, in process, as the route computes it (the
 * use case and the JSON answer), for CPU profiles:
 *
 *   BENCH_PROFILE=/tmp/availability.cpuprofile node --import tsx bench/availability-profile.ts
 *
 * With BENCH_PROFILE, the timed runs (only they) are profiled into that file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { toOffsetIso } from '../src/lib/domain/time';
import { seededRandom } from '../scripts/seed-large-data';
import { createBooking } from '../src/lib/server/booking/create-booking';
import { getAvailability } from '../src/lib/server/booking/get-availability';
import { openDatabase } from '../src/lib/server/db/database';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { seedDemoClinic } from '../src/lib/server/seed/demo-clinic';
import { monthToMeasure } from './booked-month';

const NOW = Date.parse('2026-11-27T00:00:00Z');
const RUNS = Number(process.env.BENCH_RUNS ?? 500);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-availability-'));
const db = openDatabase({ sqliteFile: path.join(dir, 'a.sqlite') });
try {
	await migrateToLatest(db);
	await seedDemoClinic(db);
	const service = (await db.kysely.selectFrom('service').select('id').where('code', '=', 'FOLLOW').executeTakeFirstOrThrow()).id;
	const { from, to } = monthToMeasure('2026-11-27');
	const query = { service, from, to };
	const first = await getAvailability(db, query, { now: NOW });
	if (!first.ok) throw new Error(first.code);
	const lastEnd = new Map<string, number>();
	const capacity = first.slots.filter((s) => {
		if (s.start < (lastEnd.get(s.practitionerId) ?? 0)) return false;
		lastEnd.set(s.practitionerId, s.start + 60 * 60_000);
		return true;
	});
	const draw = seededRandom(21);
	const chosen = capacity
		.map((s) => ({ s, k: draw() }))
		.sort((a, b) => a.k - b.k)
		.slice(0, Math.round(0.7 * capacity.length));
	let booked = 0;
	await Promise.all(
		chosen.map(async ({ s }, n) => {
			const r = await createBooking(
				db,
				{
					serviceId: service,
					start: new Date(s.start).toISOString(),
					practitionerId: s.practitionerId,
					locale: 'ja',
					patient: { familyName: '負荷', givenName: `試験${n}`, email: `m${n}@example.jp`, phone: `090-5555-${String(1000 + n).slice(-4)}` },
					consent: { privacy: true }
				},
				{ type: 'anonymous', id: null, ip: null, requestId: null },
				NOW
			);
			if (r.ok) booked++;
		})
	);
	const answer = async () => {
		const result = await getAvailability(db, query, { now: NOW, recentConfig: true });
		if (!result.ok) throw new Error(result.code);
		return JSON.stringify({
			timeZone: result.timeZone,
			slots: result.slots.map((s) => ({
				start: toOffsetIso(s.start, result.timeZone),
				end: toOffsetIso(s.end, result.timeZone),
				practitionerId: s.practitionerId
			}))
		});
	};
	if (process.env.BENCH_QUERIES) {
		const { loadScheduleInputs, loadScheduleConfig } = await import('../src/lib/server/booking/schedule-repository');
		const config = await loadScheduleConfig(db);
		const svc = config.serviceRows.find((s) => s.id === service)!;
		const t = async (label: string, f: () => Promise<unknown>) => {
			for (let i = 0; i < 50; i++) await f();
			const c0 = process.cpuUsage();
			for (let i = 0; i < 500; i++) await f();
			const c = process.cpuUsage(c0);
			console.log(`${label}: ${((c.user + c.system) / 500 / 1000).toFixed(3)} ms CPU`);
		};
		const { freeSlots } = await import('../src/lib/domain/scheduling/availability');
		const inputs = await loadScheduleInputs(db, svc, from, to, config);
		console.log(`busy intervals: ${inputs.busy.length}`);
		const { sql } = await import('kysely');
		console.log(
			(
				await sql
					.raw(
						`explain query plan select practitioner_id, bed_id, starts_at, held_until, status from appointment where status != 'cancelled' and starts_at > '2026-11-29T00:00:00.000Z' and starts_at < '2027-01-02T00:00:00.000Z' and held_until > '2026-11-30T00:00:00.000Z'`
					)
					.execute(db.kysely)
			).rows
		);
		console.log((await sql.raw(`select count(*) as n from appointment`).execute(db.kysely)).rows);
		await t('loadScheduleInputs', () => loadScheduleInputs(db, svc, from, to, config));
		await t('appointments', () =>
			db.kysely
				.selectFrom('appointment')
				.select(['practitioner_id', 'bed_id', 'starts_at', 'held_until', 'status'])
				.where('status', '!=', 'cancelled')
				.where('starts_at', '>', '2026-11-29T00:00:00.000Z')
				.where('starts_at', '<', '2027-01-02T00:00:00.000Z')
				.where('held_until', '>', '2026-11-30T00:00:00.000Z')
				.execute()
		);
		await t('freeSlots', async () => freeSlots(inputs.rules, inputs.service, inputs.practitioners, inputs.bedIds, inputs.busy, { from, to, now: NOW }));
	}
	let size = 0;
	for (let i = 0; i < 50; i++) size = (await answer()).length;
	const session = process.env.BENCH_PROFILE ? new Session() : null;
	if (session) {
		session.connect();
		await session.post('Profiler.enable');
		await session.post('Profiler.start');
	}
	const started = performance.now();
	const cpuBefore = process.cpuUsage();
	for (let i = 0; i < RUNS; i++) await answer();
	const ms = (performance.now() - started) / RUNS;
	const cpu = process.cpuUsage(cpuBefore);
	if (session) {
		const { profile } = await session.post('Profiler.stop');
		fs.writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
		session.disconnect();
	}
	console.log(
		`${from}..${to}: ${booked}/${capacity.length} booked; ${size} bytes; ${ms.toFixed(3)} ms per answer, ${((cpu.user + cpu.system) / RUNS / 1000).toFixed(3)} ms CPU (${RUNS} runs, load ${os.loadavg()[0]!.toFixed(1)})`
	);
} finally {
	await db.close();
	fs.rmSync(dir, { recursive: true, force: true });
}
