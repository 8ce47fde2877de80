/*
 * Every figure of a run, with the conditions it was measured under, written to a JSON file
 * (bench/results/<timestamp>.json unless `--out FILE`), and `--compare FILE`: each figure's earlier
 * value, new value and change in per cent.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Machine } from './conditions';

export interface Figure {
	/** Stable across runs: what `--compare` matches on. */
	key: string;
	value: number;
	unit: string;
	better: 'higher' | 'lower';
	/** Process layout, log level, durability, connections, duration: what the figure stood on. */
	conditions: string;
}

export interface TargetVerdict {
	name: string;
	ratio: string;
	target: string;
	pass: boolean;
}

export interface RunResult {
	version: 1;
	startedAt: string;
	finishedAt: string;
	machine: Machine;
	settings: Record<string, string | number>;
	figures: Figure[];
	targets: TargetVerdict[];
}

export function defaultResultPath(startedAt: string, root = process.cwd()): string {
	return path.join(root, 'bench', 'results', `${startedAt.replace(/[:.]/g, '-')}.json`);
}

export function writeResult(file: string, result: RunResult): void {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(result, null, '\t')}\n`);
}

export function readResult(file: string): RunResult {
	const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as RunResult;
	if (parsed.version !== 1 || !Array.isArray(parsed.figures)) throw new Error(`${file} is not a bench result (version 1)`);
	return parsed;
}

const format = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** A Markdown table: every figure of either run, earlier and new value and the change in per cent. */
export function compare(earlier: RunResult, now: RunResult, earlierName: string): string {
	const before = new Map(earlier.figures.map((f) => [f.key, f]));
	const keys = [...now.figures.map((f) => f.key), ...earlier.figures.filter((f) => !now.figures.some((n) => n.key === f.key)).map((f) => f.key)];
	const lines = [
		`\nCompared with ${earlierName} (${earlier.startedAt}, ${earlier.machine.cores} cores, Node ${earlier.machine.node}); "better" reads the change by the figure's direction\n`,
		'| figure | unit | earlier | now | change | |',
		'| --- | --- | ---: | ---: | ---: | --- |'
	];
	const differentConditions: string[] = [];
	for (const key of keys) {
		const was = before.get(key);
		const is = now.figures.find((f) => f.key === key);
		const unit = (is ?? was)!.unit;
		if (!was || !is) {
			lines.push(`| ${key} | ${unit} | ${was ? format(was.value) : '—'} | ${is ? format(is.value) : '—'} | — | ${was ? 'gone' : 'new'} |`);
			continue;
		}
		if (was.conditions !== is.conditions) differentConditions.push(`- ${key}: earlier "${was.conditions}", now "${is.conditions}"`);
		const change = was.value === 0 ? null : ((is.value - was.value) / was.value) * 100;
		const verdict = change === null || Math.abs(change) < 0.5 ? 'same' : change > 0 === (is.better === 'higher') ? 'better' : 'worse';
		lines.push(
			`| ${key} | ${unit} | ${format(was.value)} | ${format(is.value)} | ${change === null ? '—' : `${change > 0 ? '+' : ''}${change.toFixed(1)} %`} | ${verdict} |`
		);
	}
	if (earlier.machine.cores !== now.machine.cores || earlier.machine.node !== now.machine.node || earlier.machine.cpu !== now.machine.cpu) {
		lines.push(
			`\nThe machines differ (earlier: ${earlier.machine.cpu}, ${earlier.machine.cores} cores, Node ${earlier.machine.node}; now: ${now.machine.cpu}, ${now.machine.cores} cores, Node ${now.machine.node}): compare the ratios, not the figures.`
		);
	}
	if (now.targets.length) {
		lines.push('\n| target | earlier | now |', '| --- | --- | --- |');
		for (const t of now.targets) {
			const was = earlier.targets.find((e) => e.name === t.name);
			lines.push(`| ${t.name} | ${was ? `${was.ratio}: ${was.pass ? 'PASS' : 'FAIL'}` : '—'} | ${t.ratio}: ${t.pass ? 'PASS' : 'FAIL'} |`);
		}
	}
	if (differentConditions.length) lines.push('\nFigures measured under different conditions:', ...differentConditions);
	return lines.join('\n');
}
