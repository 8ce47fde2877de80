/*
 * Geometry for the progress chart: three stacked panels sharing one time axis (pain, activities,
 * bothersomeness), because the measures run in different directions and ranges and one shared
 * y-axis would mislead. Plain numbers in SVG user units; the component only draws them.
 */
import { measureScores, type CheckIn } from './check-in';
import type { Session } from './progress';

export type ChartSeriesKey = 'legPain' | 'backPain' | 'psfs' | 'sbi';
export type ChartPanelKey = 'pain' | 'function' | 'bother';

export interface ChartPoint {
	at: string;
	value: number;
	x: number;
	y: number;
}

export interface ChartSeries {
	key: ChartSeriesKey;
	points: ChartPoint[];
	/** SVG path data through the points, in time order; empty for fewer than two points. */
	path: string;
}

export interface ChartPanel {
	key: ChartPanelKey;
	min: number;
	max: number;
	better: 'higher' | 'lower';
	top: number;
	bottom: number;
	yTicks: Array<{ value: number; y: number }>;
	series: ChartSeries[];
}

export interface ChartGeometry {
	width: number;
	height: number;
	left: number;
	right: number;
	panels: ChartPanel[];
	xTicks: Array<{ at: string; x: number }>;
	sessions: Array<{ at: string; x: number }>;
	/** Where the session markers sit, below the last panel. */
	sessionRow: number;
	empty: boolean;
}

export interface ChartOptions {
	width?: number;
	panelHeight?: number;
	xTickCount?: number;
}

const PANELS: ReadonlyArray<{ key: ChartPanelKey; min: number; max: number; step: number; better: 'higher' | 'lower'; series: readonly ChartSeriesKey[] }> = [
	{ key: 'pain', min: 0, max: 10, step: 5, better: 'lower', series: ['legPain', 'backPain'] },
	{ key: 'function', min: 0, max: 10, step: 5, better: 'higher', series: ['psfs'] },
	{ key: 'bother', min: 0, max: 24, step: 12, better: 'lower', series: ['sbi'] }
];

const MARGIN = { left: 34, right: 14, top: 22, gap: 34, axis: 46 };
const HALF_DAY = 43_200_000;
const round = (n: number) => Math.round(n * 10) / 10;

/** The chart for a patient's check-ins, with a marker for every attended session. */
export function progressChart(checkIns: readonly CheckIn[], sessions: readonly Session[], options: ChartOptions = {}): ChartGeometry {
	const width = options.width ?? 360;
	const panelHeight = options.panelHeight ?? 110;
	const sorted = [...checkIns].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
	const values = sorted.map((c) => ({ at: c.recordedAt, scores: measureScores(c) }));
	const panelsWithData = PANELS.filter((p) => p.series.some((key) => values.some((v) => v.scores[key] !== null)));
	const left = MARGIN.left;
	const right = width - MARGIN.right;

	const times = [...values.map((v) => Date.parse(v.at)), ...sessions.map((s) => Date.parse(s.startsAt))];
	let start = times.length ? Math.min(...times) : 0;
	let end = times.length ? Math.max(...times) : 0;
	// A single day still needs a width: centre it.
	if (end - start < HALF_DAY * 2) {
		start -= HALF_DAY;
		end += HALF_DAY;
	}
	const xOf = (iso: string) => round(left + ((Date.parse(iso) - start) / (end - start)) * (right - left));

	const panels: ChartPanel[] = panelsWithData.map((spec, index) => {
		const top = MARGIN.top + index * (panelHeight + MARGIN.gap);
		const bottom = top + panelHeight;
		const yOf = (value: number) => round(bottom - ((value - spec.min) / (spec.max - spec.min)) * panelHeight);
		const yTicks = [];
		for (let value = spec.min; value <= spec.max; value += spec.step) yTicks.push({ value, y: yOf(value) });
		const series = spec.series.map((key) => {
			const points = values.filter((v) => v.scores[key] !== null).map((v) => ({ at: v.at, value: v.scores[key]!, x: xOf(v.at), y: yOf(v.scores[key]!) }));
			const path = points.length < 2 ? '' : points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
			return { key, points, path };
		});
		return { key: spec.key, min: spec.min, max: spec.max, better: spec.better, top, bottom, yTicks, series };
	});

	const lastBottom = panels.at(-1)?.bottom ?? MARGIN.top;
	const tickCount = Math.max(2, options.xTickCount ?? 3);
	const xTicks = times.length
		? Array.from({ length: tickCount }, (_, i) => {
				const at = new Date(start + ((end - start) * i) / (tickCount - 1)).toISOString();
				return { at, x: xOf(at) };
			})
		: [];
	return {
		width,
		height: lastBottom + MARGIN.axis,
		left,
		right,
		panels,
		xTicks,
		sessions: [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt)).map((s) => ({ at: s.startsAt, x: xOf(s.startsAt) })),
		sessionRow: lastBottom + 30,
		empty: panels.length === 0
	};
}
