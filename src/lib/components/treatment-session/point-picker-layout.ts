/*
 * The tap targets of the session's body chart. Points crowd each other on the figure (GB30 and
 * BL54 are a few millimetres apart on screen), so the target is the point's name, set in a column
 * beside the figure and joined to its spot by a leader line. The names are spread so that no two
 * targets overlap and each stays at least 44 px high (WCAG 2.5.5) at the chart's smallest width.
 * Positions are SVG attributes in chart units: the content security policy forbids inline styles.
 * Pure.
 */
import type { ChartView } from '$lib/domain/acupoints/body-regions';
import type { PointSide } from '$lib/domain/clinical/point-suggestions';

/** The figure's 400 × 480 chart units, widened on both sides for the columns of names. */
export const PICKER_BOX = { x: -110, y: 0, width: 620, height: 480 } as const;
export const PICKER_VIEWBOX = `${PICKER_BOX.x} ${PICKER_BOX.y} ${PICKER_BOX.width} ${PICKER_BOX.height}`;
/** The narrowest the chart is drawn (CSS px); below that its region scrolls sideways. */
export const PICKER_MIN_WIDTH_PX = 544;
/** Height of one target in chart units: 52 × 544 / 620 ≈ 45.6 px at the narrowest. */
export const TARGET_HEIGHT = 52;
/** Distance between the centres of two targets in one column. */
export const TARGET_GAP = 56;
/** Width of a target's box; the name inside takes what it needs, aligned towards the figure. */
export const TARGET_WIDTH = 210;
const TOP = PICKER_BOX.y + TARGET_HEIGHT / 2 + 2;
const BOTTOM = PICKER_BOX.y + PICKER_BOX.height - TARGET_HEIGHT / 2 - 2;

/** Where each view's columns of names end (towards the figure), and which column a point joins. */
const COLUMNS: Record<ChartView, { left: number; right: number; split: number }> = {
	front: { left: 100, right: 300, split: 205 },
	back: { left: 100, right: 300, split: 205 },
	side: { left: 172, right: 262, split: 205 }
};

export interface PickerPoint {
	code: string;
	x: number;
	y: number;
}

export interface PlacedTarget extends PickerPoint {
	/** The box of the target (a foreignObject) and the end of its leader line. */
	box: { x: number; y: number; width: number; height: number };
	lineEnd: { x: number; y: number };
	/** Which way the name is aligned: towards the figure. */
	align: 'end' | 'start';
}

/** Centres spread `TARGET_GAP` apart, each as near its point's height as the others allow. */
function spread(ys: readonly number[]): number[] {
	const placed: number[] = [];
	ys.forEach((y, i) => placed.push(Math.max(y, TOP, i === 0 ? TOP : placed[i - 1]! + TARGET_GAP)));
	for (let i = placed.length - 1; i >= 0; i--) placed[i] = Math.min(placed[i]!, i === placed.length - 1 ? BOTTOM : placed[i + 1]! - TARGET_GAP);
	return placed;
}

/** The targets of one view: left column top down, then right column top down (the keyboard order). */
export function placeTargets(view: ChartView, points: readonly PickerPoint[]): PlacedTarget[] {
	const { left, right, split } = COLUMNS[view];
	const columns = [
		{ align: 'end' as const, edge: left, members: points.filter((p) => p.x < split) },
		{ align: 'start' as const, edge: right, members: points.filter((p) => p.x >= split) }
	];
	return columns.flatMap(({ align, edge, members }) => {
		const sorted = [...members].sort((a, b) => a.y - b.y || a.x - b.x);
		const centres = spread(sorted.map((p) => p.y));
		return sorted.map((point, i) => {
			const y = centres[i]!;
			const x = align === 'end' ? edge - TARGET_WIDTH : edge;
			return { ...point, align, lineEnd: { x: edge, y }, box: { x, y: y - TARGET_HEIGHT / 2, width: TARGET_WIDTH, height: TARGET_HEIGHT } };
		});
	});
}

/**
 * The side a tapped point is recorded on unless the practitioner picks another: the plan's (the
 * painful leg, docs/clinical-rules.md §2), else that of the points already in the session, else both sides.
 * One-sided points name the leg; midline points say nothing about it.
 */
export function defaultTapSide(planSides: readonly PointSide[], sessionSides: readonly PointSide[]): 'left' | 'right' | 'both' {
	for (const sides of [planSides, sessionSides]) {
		const lateral = sides.filter((s) => s !== 'midline');
		if (lateral.length === 0) continue;
		const left = lateral.filter((s) => s === 'left').length;
		const right = lateral.filter((s) => s === 'right').length;
		return left > right ? 'left' : right > left ? 'right' : 'both';
	}
	return 'both';
}
