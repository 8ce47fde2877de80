// `npm test`: type check, lint, unit and integration tests (SQLite and a throwaway PostgreSQL),
// a production build, then HTTP and browser tests against that build. Ends with one summary line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCluster } from '../tests/support/postgres-cluster';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
// One throwaway PostgreSQL cluster for the whole run, shared by integration and server tests.
const postgres = await startCluster();

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
	console.log(`\n▶ ${label}`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env, FORCE_COLOR: '0', SHINKYU_TEST_POSTGRES_URL: postgres.url } });
	return result.status === 0;
}

/**
 * `TEST_CLOCK_AHEAD=365d` (CI sets it) runs the unit and integration tests a second time with the
 * system clock moved that far ahead by libfaketime, so a test that leans on today's date fails now
 * rather than on the day it would have.
 */
const clockAhead = process.env.TEST_CLOCK_AHEAD;

function faketimeArgs(offset: string): string[] | null {
	if (!/^\d+d$/.test(offset)) throw new Error(`TEST_CLOCK_AHEAD must be a number of days such as 365d, not ${offset}`);
	const found = spawnSync('faketime', ['-f', `+${offset}`, 'true']);
	return found.status === 0 ? ['-f', `+${offset}`, bin('vitest')] : null;
}

/** A whole-tool check (type check, lint, build) counts as one test. */
function check(label: string, command: string, args: string[]): boolean {
	const ok = run(label, command, args);
	totals[ok ? 'passed' : 'failed'] += 1;
	return ok;
}

function vitest(label: string, args: string[], through?: { command: string; prefix: string[] }): boolean {
	const report = path.join(reportDir, `${label.replace(/\W+/g, '-')}.json`);
	const vitestArgs = ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
	const ok = through ? run(label, through.command, [...through.prefix, ...vitestArgs], { FAKETIME_DONT_FAKE_MONOTONIC: '1' }) : run(label, bin('vitest'), vitestArgs);
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

if (run('generate route types', bin('svelte-kit'), ['sync'])) {
	check('type check (svelte-check)', bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings']);
} else {
	totals.failed += 1;
}
check('lint (eslint)', bin('eslint'), ['.']);
vitest('unit and integration tests', []);
if (clockAhead) {
	const args = faketimeArgs(clockAhead);
	if (args) vitest(`unit and integration tests, system clock ${clockAhead} ahead`, [], { command: 'faketime', prefix: args });
	else {
		console.log(`\n✗ TEST_CLOCK_AHEAD is set but faketime is not installed (Debian package faketime)`);
		totals.failed += 1;
	}
}
if (check('production build', bin('vite'), ['build'])) {
	vitest('HTTP and browser tests', ['--config', 'vitest.e2e.config.ts']);
}

postgres.stop();
fs.rmSync(reportDir, { recursive: true, force: true });
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
