/*
 * Geometry of a simple vertical bar chart, drawn on the server as SVG (the page works without
 * JavaScript). Pure numbers: the component only draws what this returns.
 */

export interface BarInput {
	label: string;
	value: number;
}

export interface Bar extends BarInput {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface BarChart {
	width: number;
	height: number;
	/** The baseline's y and the plot's left and right edges. */
	baseline: number;
	left: number;
	right: number;
	bars: Bar[];
	ticks: Array<{ value: number; y: number }>;
}

/** A round step so that about four ticks cover the largest value: 1, 2, 5 × 10ⁿ. */
export function niceStep(max: number): number {
	if (max <= 0) return 1;
	const rough = max / 4;
	const power = 10 ** Math.floor(Math.log10(rough));
	const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
	return Math.max(step, Number.isInteger(max) ? 1 : step);
}

export function barChart(values: readonly BarInput[], options: { width?: number; height?: number } = {}): BarChart {
	const width = options.width ?? 640;
	const height = options.height ?? 220;
	const left = 56;
	const right = width - 8;
	const top = 10;
	const baseline = height - 28;
	const max = Math.max(0, ...values.map((v) => v.value));
	const step = niceStep(max);
	const ceiling = Math.max(step, Math.ceil(max / step) * step);
	const scale = (v: number) => ((baseline - top) * v) / ceiling;
	const slot = values.length > 0 ? (right - left) / values.length : 0;
	const barWidth = Math.max(2, Math.min(48, slot * 0.7));
	const bars = values.map((v, i) => {
		const h = scale(Math.max(0, v.value));
		return { ...v, x: left + i * slot + (slot - barWidth) / 2, y: baseline - h, width: barWidth, height: h };
	});
	const ticks = [];
	for (let value = 0; value <= ceiling; value += step) ticks.push({ value, y: baseline - scale(value) });
	return { width, height, baseline, left, right, bars, ticks };
}
