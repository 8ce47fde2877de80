/*
 * The owner's monthly report over the large seed (issue #8): on SQLite and on PostgreSQL, seed the
 * register (BENCH_PATIENTS / BENCH_APPOINTMENTS, as bench/patients.ts), add a charge, a payment and
 * an outcome check-in for each completed visit of the last three months (the large seed has no
 * money or outcomes of its own), then time the report for last month as the page builds it, for
 * the whole clinic and for one practitioner. Target: p95 < 1 s.
 *
 * `node --import tsx bench/reports.ts` runs it alone; `npm run bench` runs it after the chart bench.
 * BENCH_DIALECTS narrows the engines; BENCH_REPORT_RUNS sets the timed runs.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { addDays, endOfMonthAfter, localDate } from '../src/lib/domain/time';
import { seededRandom } from '../scripts/seed-large-data';
import type { AuditActor } from '../src/lib/server/audit/audit-log';
import type { Db, DialectName } from '../src/lib/server/db/database';
import { buildClinicReport } from '../src/lib/server/reports/clinic-report';
import { inProcessConditions } from './conditions';
import { openEngine, percentile, seedRegister } from './patients';

export interface ReportBenchRow {
	database: DialectName;
	case: string;
	runs: number;
	p50: number;
	p95: number;
	/** Visits in the report. */
	visits: number;
}

export interface ReportBenchReport {
	patients: number;
	appointments: number;
	month: string;
	/** Charges and check-ins added per engine. */
	added: Partial<Record<DialectName, { charges: number; checkIns: number }>>;
	rows: ReportBenchRow[];
}

export const TARGET_P95_MS = 1000;
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 20);
const WARM_UP = 3;
const CHUNK = 150;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
	for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Self-pay charges (most paid in full), and a leg-pain check-in that mostly improves, per completed visit since `from`. */
async function addMoneyAndOutcomes(db: Db, from: string): Promise<{ charges: number; checkIns: number }> {
	const draw = seededRandom(11);
	const owner = await db.kysely.selectFrom('staff').select('id').where('role', '=', 'owner').executeTakeFirstOrThrow();
	const clinic = await db.kysely.selectFrom('clinic').select(['id', 'time_zone']).executeTakeFirstOrThrow();
	const visits = await db.kysely
		.selectFrom('appointment as a')
		.innerJoin('service as s', 's.id', 'a.service_id')
		.select(['a.id', 'a.patient_id', 'a.starts_at', 'a.service_id', 's.price_jpy', 's.code', 's.name_ja', 's.name_en'])
		.where('a.status', '=', 'completed')
		.where('a.starts_at', '>=', `${from}T00:00:00.000Z`)
		.where('a.patient_id', 'is not', null)
		.orderBy('a.starts_at')
		.execute();
	const charges = visits.map((v) => ({
		id: `ch-${v.id}`,
		clinic_id: clinic.id,
		patient_id: v.patient_id!,
		appointment_id: v.id,
		service_date: localDate(Date.parse(v.starts_at), clinic.time_zone),
		payer: 'self_pay' as const,
		consent_id: null,
		share_percent: null,
		fee_schedule_from: null,
		insurance_fee_jpy: 0,
		patient_share_jpy: 0,
		insurer_claim_jpy: 0,
		self_pay_jpy: v.price_jpy,
		tax_rate_percent: 10,
		consumption_tax_jpy: Math.floor((v.price_jpy * 10) / 110),
		due_jpy: v.price_jpy,
		created_at: v.starts_at,
		created_by: owner.id
	}));
	await insertChunked(charges, (chunk) => db.kysely.insertInto('charge').values(chunk).execute());
	const lines = visits.map((v) => ({
		id: `cl-${v.id}`,
		charge_id: `ch-${v.id}`,
		position: 0,
		kind: 'service' as const,
		code: v.code,
		service_id: v.service_id,
		name_ja: v.name_ja,
		name_en: v.name_en,
		quantity: 1,
		unit_price_jpy: v.price_jpy,
		amount_jpy: v.price_jpy,
		taxable: 1
	}));
	await insertChunked(lines, (chunk) => db.kysely.insertInto('charge_line').values(chunk).execute());
	// One visit in twenty is left unpaid: the outstanding balances.
	const payments = visits
		.filter(() => draw() > 0.05)
		.map((v) => ({
			id: `pay-${v.id}`,
			charge_id: `ch-${v.id}`,
			patient_id: v.patient_id!,
			kind: 'payment' as const,
			method: 'cash' as const,
			amount_jpy: v.price_jpy,
			received_at: v.starts_at,
			recorded_by: owner.id
		}));
	await insertChunked(payments, (chunk) => db.kysely.insertInto('payment').values(chunk).execute());
	const painBy = new Map<string, number>();
	const checkIns = visits.map((v) => {
		const before = painBy.get(v.patient_id!) ?? 3 + Math.floor(draw() * 6);
		const pain = Math.max(0, Math.min(10, before - (draw() < 0.6 ? 1 : 0) + (draw() < 0.1 ? 1 : 0)));
		painBy.set(v.patient_id!, pain);
		return {
			id: `ci-${v.id}`,
			patient_id: v.patient_id!,
			appointment_id: v.id,
			recorded_at: v.starts_at,
			source: 'session' as const,
			leg_pain: pain,
			back_pain: null,
			psfs: null,
			sbi: null,
			pgic: null
		};
	});
	await insertChunked(checkIns, (chunk) => db.kysely.insertInto('outcome_check_in').values(chunk).execute());
	return { charges: charges.length, checkIns: checkIns.length };
}

async function timeReport(
	db: Db,
	dialect: DialectName,
	label: string,
	scope: Parameters<typeof buildClinicReport>[1],
	actor: AuditActor
): Promise<ReportBenchRow> {
	for (let i = 0; i < WARM_UP; i++) await buildClinicReport(db, scope, actor);
	const times: number[] = [];
	let visits = 0;
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		visits = (await buildClinicReport(db, scope, actor)).activity.visits;
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	return { database: dialect, case: label, runs: RUNS, p50: percentile(times, 0.5), p95: percentile(times, 0.95), visits };
}

/** The last whole month before today (clinic time), as the report page opens it. */
export function lastMonth(): { month: string; from: string; to: string } {
	const lastMonthEnd = endOfMonthAfter(localDate(Date.now(), 'Asia/Tokyo'), -1);
	const month = lastMonthEnd.slice(0, 7);
	return { month, from: `${month}-01`, to: lastMonthEnd };
}

/** On a register already seeded (seedLarge): adds the money and outcomes, then times both reports. */
export async function measureReportsOn(db: Db, dialect: DialectName): Promise<{ added: { charges: number; checkIns: number }; rows: ReportBenchRow[] }> {
	const { from, to } = lastMonth();
	const added = await addMoneyAndOutcomes(db, addDays(from, -62));
	await sql.raw(dialect === 'postgres' ? 'vacuum analyze' : 'analyze').execute(db.kysely);
	const owner = await db.kysely.selectFrom('staff').select('id').where('role', '=', 'owner').executeTakeFirstOrThrow();
	const actor: AuditActor = { type: 'staff', id: owner.id, ip: '127.0.0.1', requestId: null };
	const scope = { from, to, timeZone: 'Asia/Tokyo', practitionerId: null };
	const rows = [await timeReport(db, dialect, 'monthly report, whole clinic', scope, actor)];
	const practitioner = await db.kysely.selectFrom('practitioner').select('id').orderBy('id').executeTakeFirstOrThrow();
	rows.push(await timeReport(db, dialect, 'monthly report, one practitioner', { ...scope, practitionerId: practitioner.id }, actor));
	return { added, rows };
}

export async function benchReports(
	options: { patients?: number; appointments?: number; dialects?: readonly DialectName[]; log?: (line: string) => void } = {}
): Promise<ReportBenchReport> {
	const patients = options.patients ?? Number(process.env.BENCH_PATIENTS ?? 100_000);
	const appointments = options.appointments ?? Number(process.env.BENCH_APPOINTMENTS ?? 1_000_000);
	const dialects = options.dialects ?? (process.env.BENCH_DIALECTS?.split(',') as DialectName[] | undefined) ?? ['sqlite', 'postgres'];
	const log = options.log ?? console.log;
	const { month } = lastMonth();
	const report: ReportBenchReport = { patients, appointments, month, added: {}, rows: [] };
	for (const dialect of dialects) {
		const engine = await openEngine(dialect);
		try {
			log(`\nMonthly report on ${dialect}:`);
			await seedRegister(engine.db, dialect, { patients, appointments, log: (line) => log(`  ${line}`) });
			const measured = await measureReportsOn(engine.db, dialect);
			report.added[dialect] = measured.added;
			report.rows.push(...measured.rows);
		} finally {
			await engine.stop();
		}
	}
	return report;
}

export function formatReportBench(report: ReportBenchReport): string {
	const added = Object.entries(report.added)
		.map(([d, a]) => `${a.charges.toLocaleString('en')} charges and ${a.checkIns.toLocaleString('en')} check-ins on ${d}`)
		.join(', ');
	const lines = [
		`\nOwner's monthly report for ${report.month}, ${report.patients.toLocaleString('en')} patients and ${report.appointments.toLocaleString('en')} appointments (${added}); target p95 < ${TARGET_P95_MS} ms\n`,
		'| database | case | runs | p50 ms | p95 ms | visits | target | conditions |',
		'| --- | --- | ---: | ---: | ---: | ---: | --- | --- |'
	];
	for (const r of report.rows)
		lines.push(
			`| ${r.database} | ${r.case} | ${r.runs} | ${r.p50} | ${r.p95} | ${r.visits} | ${r.p95 < TARGET_P95_MS ? 'met' : 'MISSED'} | ${inProcessConditions(r.database)} |`
		);
	return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	console.log(formatReportBench(await benchReports()));
}
