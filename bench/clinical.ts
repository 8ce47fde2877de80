/*
 * One long-treated patient (issue #7): 200 completed treatment sessions with points and needle
 * counts, and 30 outcome check-ins. Times opening the chart as the record page does (loadChart),
 * on SQLite and on a throwaway PostgreSQL cluster, and rendering the progress chart: the domain
 * geometry alone and the ProgressChart component rendered on the server (`svelte/server`), which is
 * what the record page sends. In process, as the server calls them.
 *
 * `node --import tsx bench/clinical.ts` runs it alone; `npm run bench` runs it after the patient
 * register. BENCH_DIALECTS=sqlite (or postgres) narrows it; BENCH_CLINICAL_RUNS sets the runs.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CheckIn } from '../src/lib/domain/outcomes/check-in';
import type { Session } from '../src/lib/domain/outcomes/progress';
import { progressChart } from '../src/lib/domain/outcomes/progress-chart';
import type { AuditActor } from '../src/lib/server/audit/audit-log';
import type { Db, DialectName } from '../src/lib/server/db/database';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { loadChart } from '../src/lib/server/patients/load-chart';
import { registerFields } from '../src/lib/server/patients/register-fields';
import { seedDemoClinic } from '../src/lib/server/seed/demo-clinic';
import { inProcessConditions } from './conditions';
import { openEngine, percentile } from './patients';

export interface ClinicalBenchRow {
	database: DialectName | '—';
	case: string;
	runs: number;
	p50: number;
	p95: number;
	/** What one run produced: appointments on the chart, points drawn, or HTML bytes. */
	size: string;
}

export interface ClinicalBenchReport {
	sessions: number;
	checkIns: number;
	rows: ClinicalBenchRow[];
	/** Why a case could not be measured (e.g. the component could not be compiled). */
	notes: string[];
}

const practitionerActor: AuditActor = { type: 'staff', id: 'bench', ip: '127.0.0.1', requestId: null };
const RUNS = Number(process.env.BENCH_CLINICAL_RUNS ?? 200);
const WARM_UP = 20;
const SESSIONS = 200;
const CHECK_INS = 30;
const DAY = 86_400_000;
const POINTS = ['BL23', 'BL25', 'GB30', 'BL36', 'BL40', 'BL57', 'GB34', 'BL60', 'GB39', 'ST36'] as const;
const SIDES = ['left', 'right', 'both'] as const;
const ACTIVITIES = ['車の運転を1時間続ける', '30分歩く', '靴下をはく'];

async function timeRuns<T>(run: () => Promise<T> | T): Promise<{ p50: number; p95: number; last: T }> {
	for (let i = 0; i < WARM_UP; i++) await run();
	const times: number[] = [];
	let last!: T;
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		last = await run();
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), last };
}

/** In chunks: SQLite and PostgreSQL both cap the parameters of one statement. */
async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 200): Promise<void> {
	for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** One patient seen every three days for 600 days, a check-in every ~7th visit; returns the patient's id. */
export async function seedLongTreatedPatient(db: Db, now = Date.now()): Promise<string> {
	const practitioner = await db.kysely
		.selectFrom('practitioner')
		.innerJoin('staff', 'staff.id', 'practitioner.staff_id')
		.select(['practitioner.id', 'practitioner.staff_id'])
		.where('staff.role', '=', 'practitioner')
		.executeTakeFirstOrThrow();
	const service = await db.kysely.selectFrom('service').select('id').where('code', '=', 'FOLLOW').executeTakeFirstOrThrow();
	const bed = await db.kysely.selectFrom('bed').select('id').orderBy('sort_order').executeTakeFirstOrThrow();
	const patientId = randomUUID();
	const names = { familyName: '長谷川', givenName: '誠', familyNameKana: 'ハセガワ', givenNameKana: 'マコト' };
	const firstVisit = Math.floor(now / DAY) * DAY - SESSIONS * 3 * DAY + DAY / 24; // 10:00 in Tokyo
	const iso = (ms: number) => new Date(ms).toISOString();
	await db.kysely
		.insertInto('patient')
		.values({
			id: patientId,
			family_name: names.familyName,
			given_name: names.givenName,
			family_name_kana: names.familyNameKana,
			given_name_kana: names.givenNameKana,
			email: 'long-treated@example.jp',
			phone: '090-0000-0200',
			date_of_birth: '1968-04-12',
			preferred_locale: 'ja',
			created_at: iso(firstVisit - 3 * DAY),
			...(await registerFields(db, names))
		})
		.execute();

	const visits = Array.from({ length: SESSIONS }, (_, i) => {
		const start = firstVisit + i * 3 * DAY;
		return { id: randomUUID(), start, end: start + 45 * 60_000 };
	});
	await insertChunked(visits, (chunk) =>
		db.kysely
			.insertInto('appointment')
			.values(
				chunk.map((v) => ({
					id: v.id,
					patient_id: patientId,
					practitioner_id: practitioner.id,
					bed_id: bed.id,
					service_id: service.id,
					starts_at: iso(v.start),
					ends_at: iso(v.end),
					held_until: iso(v.end),
					status: 'completed' as const,
					source: 'staff' as const,
					first_visit: v === visits[0] ? 1 : 0,
					triage: null,
					manage_token_hash: null,
					locale: 'ja' as const,
					created_at: iso(v.start - 7 * DAY),
					cancelled_at: null
				}))
			)
			.execute()
	);

	const sessions = visits.map((v, i) => ({ ...v, sessionId: randomUUID(), needles: 8 + (i % 9), legPain: Math.max(1, 8 - Math.floor(i / 30)) }));
	await insertChunked(sessions, (chunk) =>
		db.kysely
			.insertInto('treatment_session')
			.values(
				chunk.map((s) => ({
					id: s.sessionId,
					patient_id: patientId,
					appointment_id: s.id,
					practitioner_staff_id: practitioner.staff_id!,
					bed_id: bed.id,
					started_at: iso(s.start + 5 * 60_000),
					closed_at: iso(s.end - 5 * 60_000),
					pre_leg_pain: s.legPain,
					pre_back_pain: Math.max(0, s.legPain - 2),
					check_in_id: null,
					needles_in: s.needles,
					needles_out: s.needles,
					retention_minutes: 20,
					timer_started_at: iso(s.start + 10 * 60_000),
					techniques: JSON.stringify({ electroacupuncture: null, moxibustion: null, cupping: null }),
					notes: '右臀部から下腿後面の痛み。置鍼20分。',
					created_at: iso(s.start + 5 * 60_000),
					updated_at: iso(s.end - 5 * 60_000)
				}))
			)
			.execute()
	);
	const points = sessions.flatMap((s, i) =>
		Array.from({ length: 4 + (i % 5) }, (_, j) => ({
			id: randomUUID(),
			session_id: s.sessionId,
			code: POINTS[(i + j) % POINTS.length]!,
			side: SIDES[j % SIDES.length]!,
			gauge: '3',
			length_mm: 40,
			depth_mm: 15 + (j % 3) * 5,
			technique: null,
			deqi: null,
			created_at: iso(s.start + 10 * 60_000)
		}))
	);
	await insertChunked(points, (chunk) => db.kysely.insertInto('session_point').values(chunk).execute());

	const every = Math.floor(SESSIONS / CHECK_INS);
	const checkIns = Array.from({ length: CHECK_INS }, (_, k) => {
		const visit = visits[k * every]!;
		const leg = Math.max(1, 8 - Math.floor(k / 4));
		return {
			id: randomUUID(),
			patient_id: patientId,
			appointment_id: visit.id,
			recorded_at: iso(visit.start - 30 * 60_000),
			source: k === 0 ? ('intake' as const) : ('portal' as const),
			leg_pain: leg,
			back_pain: Math.max(0, leg - 2),
			psfs: JSON.stringify(ACTIVITIES.map((activity, j) => ({ activity, score: Math.min(10, 2 + j + Math.floor(k / 4)) }))),
			sbi: JSON.stringify([Math.min(6, leg), 3, 1, Math.max(0, leg - 3)]),
			pgic: k === 0 ? null : Math.max(1, 4 - Math.floor(k / 8))
		};
	});
	await db.kysely.insertInto('outcome_check_in').values(checkIns).execute();
	return patientId;
}

/** The record page's ProgressChart rendered as the server renders it; null with a reason when it cannot be compiled here. */
async function componentRenderer(): Promise<{ render: (checkIns: CheckIn[], sessions: Session[]) => string; close: () => Promise<void> } | { error: string }> {
	try {
		const { createServer } = await import('vite');
		const { svelte, vitePreprocess } = await import('@sveltejs/vite-plugin-svelte');
		const root = process.cwd();
		// A bare Vite with the Svelte plugin and the $lib alias: the kit plugin would regenerate .svelte-kit.
		const vite = await createServer({
			configFile: false,
			root,
			logLevel: 'error',
			appType: 'custom',
			server: { middlewareMode: true, hmr: false, watch: null },
			optimizeDeps: { noDiscovery: true, include: [] },
			resolve: { alias: { $lib: path.join(root, 'src/lib') } },
			plugins: [svelte({ preprocess: vitePreprocess() })]
		});
		const { render } = await vite.ssrLoadModule('svelte/server');
		const component = (await vite.ssrLoadModule('/src/lib/components/outcomes/ProgressChart.svelte')).default;
		return {
			render: (checkIns, sessions) => render(component, { props: { checkIns, sessions, locale: 'ja', timeZone: 'Asia/Tokyo' } }).body,
			close: () => vite.close()
		};
	} catch (error) {
		return { error: (error as Error).message };
	}
}

/** Seeds each engine with the long-treated patient, times the chart, then the progress chart render. */
export async function benchClinical(options: { dialects?: readonly DialectName[]; log?: (line: string) => void } = {}): Promise<ClinicalBenchReport> {
	const dialects = options.dialects ?? (process.env.BENCH_DIALECTS?.split(',') as DialectName[] | undefined) ?? ['sqlite', 'postgres'];
	const log = options.log ?? console.log;
	const report: ClinicalBenchReport = { sessions: SESSIONS, checkIns: CHECK_INS, rows: [], notes: [] };
	let chartInput: { checkIns: CheckIn[]; sessions: Session[] } | undefined;
	for (const dialect of dialects) {
		const engine = await openEngine(dialect);
		try {
			await migrateToLatest(engine.db);
			await seedDemoClinic(engine.db);
			const patientId = await seedLongTreatedPatient(engine.db);
			log(`Clinical chart on ${dialect}: seeded ${SESSIONS} sessions and ${CHECK_INS} check-ins`);
			const { p50, p95, last } = await timeRuns(() => loadChart(engine.db, patientId, practitionerActor));
			const progress = last?.clinical?.progress;
			if (!progress || progress.sessions.length !== SESSIONS || progress.checkIns.length !== CHECK_INS)
				throw new Error('the chart did not show the seeded sessions and check-ins');
			report.rows.push({
				database: dialect,
				case: `chart open (loadChart), ${SESSIONS} sessions, ${CHECK_INS} check-ins`,
				runs: RUNS,
				p50,
				p95,
				size: `${last!.appointments.length} appointments`
			});
			chartInput ??= { checkIns: progress.checkIns, sessions: progress.sessions };
		} finally {
			await engine.stop();
		}
	}
	if (!chartInput) return report;
	const { checkIns, sessions } = chartInput;
	const geometry = await timeRuns(() => progressChart(checkIns, sessions));
	const drawn = geometry.last.panels.reduce((n, p) => n + p.series.reduce((m, s) => m + s.points.length, 0), 0);
	report.rows.push({
		database: '—',
		case: 'progress chart geometry (domain progressChart)',
		runs: RUNS,
		p50: geometry.p50,
		p95: geometry.p95,
		size: `${drawn} points, ${geometry.last.sessions.length} markers`
	});
	const renderer = await componentRenderer();
	if ('error' in renderer) {
		report.notes.push(`ProgressChart server render not measured: ${renderer.error}`);
		return report;
	}
	try {
		const html = await timeRuns(() => renderer.render(checkIns, sessions));
		report.rows.push({
			database: '—',
			case: 'progress chart server render (ProgressChart.svelte, svelte/server)',
			runs: RUNS,
			p50: html.p50,
			p95: html.p95,
			size: `${Buffer.byteLength(html.last).toLocaleString('en')} bytes of HTML`
		});
	} finally {
		await renderer.close();
	}
	return report;
}

export function formatClinicalBench(report: ClinicalBenchReport): string {
	const lines = [
		`\nOne long-treated patient: ${report.sessions} completed sessions (4–8 points each, needle counts), ${report.checkIns} check-ins\n`,
		'| database | case | runs | p50 ms | p95 ms | size | conditions |',
		'| --- | --- | ---: | ---: | ---: | --- | --- |',
		...report.rows.map((r) => `| ${r.database} | ${r.case} | ${r.runs} | ${r.p50} | ${r.p95} | ${r.size} | ${inProcessConditions(r.database)} |`),
		...report.notes.map((n) => `\n${n}`)
	];
	return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	console.log(formatClinicalBench(await benchClinical()));
}
