/*
 * Body regions on the body charts, in the charts' own coordinate system: the SVG viewBox that
 * BodyChart and BodyFigure draw in. Points are checked against these shapes (points.test.ts), and
 * the same shapes will tell which region a tap on a pain map falls in.
 *
 * Front and back views show the figure upright, arms hanging, palms forward (the anatomical
 * position), so the back of the hand faces the back view. The side view shows the right side of
 * the body, facing right. Sides are the patient's: on the front view the patient's left is on the
 * viewer's right; on the back view it is on the viewer's left.
 */

import { CHART_SIZE, CHART_VIEWBOX, CHART_VIEWS, type ChartView } from './chart';

export { CHART_SIZE, CHART_VIEWBOX, CHART_VIEWS, type ChartView };

export const BODY_REGIONS = ['lowerBack', 'buttock', 'thigh', 'knee', 'lowerLeg', 'ankleFoot', 'hand', 'shoulder'] as const;
export type BodyRegion = (typeof BODY_REGIONS)[number];

export type BodySide = 'left' | 'right';
export type Vertex = readonly [x: number, y: number];

export interface RegionShape {
	readonly side: BodySide;
	readonly polygon: readonly Vertex[];
}

const MIDLINE = CHART_SIZE.width / 2;

function mirrored(polygon: readonly Vertex[]): Vertex[] {
	return polygon.map(([x, y]) => [2 * MIDLINE - x, y] as const);
}

/** A region drawn on the viewer's right half and mirrored onto the left half. */
function bothSides(viewerRight: readonly Vertex[], viewerRightSide: BodySide): RegionShape[] {
	const other: BodySide = viewerRightSide === 'left' ? 'right' : 'left';
	return [
		{ side: viewerRightSide, polygon: viewerRight },
		{ side: other, polygon: mirrored(viewerRight) }
	];
}

// Outlines of the viewer's right half of the front and back figures (y grows downwards).
const SHOULDER: Vertex[] = [
	[208, 80],
	[252, 88],
	[266, 106],
	[264, 118],
	[232, 104],
	[208, 96]
];
const HAND: Vertex[] = [
	[256, 246],
	[284, 246],
	[292, 262],
	[290, 278],
	[282, 306],
	[262, 306],
	[256, 280]
];
const THIGH_FRONT: Vertex[] = [
	[201, 256],
	[246, 234],
	[248, 266],
	[244, 300],
	[237, 332],
	[202, 332]
];
const THIGH_BACK: Vertex[] = [
	[200, 266],
	[248, 266],
	[244, 300],
	[237, 332],
	[202, 332]
];
const KNEE: Vertex[] = [
	[202, 332],
	[237, 332],
	[238, 356],
	[202, 356]
];
const LOWER_LEG: Vertex[] = [
	[202, 356],
	[238, 356],
	[238, 380],
	[226, 440],
	[203, 440]
];
const ANKLE_FOOT: Vertex[] = [
	[202, 440],
	[226, 440],
	[232, 470],
	[230, 478],
	[202, 478]
];
const LOWER_BACK: Vertex[] = [
	[200, 160],
	[236, 160],
	[236, 182],
	[240, 212],
	[200, 212]
];
const BUTTOCK: Vertex[] = [
	[200, 212],
	[240, 212],
	[249, 236],
	[248, 266],
	[200, 266]
];

function sideView(polygon: readonly Vertex[]): RegionShape[] {
	return [{ side: 'right', polygon }];
}

export const REGION_SHAPES: Readonly<Record<ChartView, Readonly<Partial<Record<BodyRegion, readonly RegionShape[]>>>>> = {
	front: {
		shoulder: bothSides(SHOULDER, 'left'),
		hand: bothSides(HAND, 'left'),
		thigh: bothSides(THIGH_FRONT, 'left'),
		knee: bothSides(KNEE, 'left'),
		lowerLeg: bothSides(LOWER_LEG, 'left'),
		ankleFoot: bothSides(ANKLE_FOOT, 'left')
	},
	back: {
		shoulder: bothSides(SHOULDER, 'right'),
		lowerBack: bothSides(LOWER_BACK, 'right'),
		buttock: bothSides(BUTTOCK, 'right'),
		hand: bothSides(HAND, 'right'),
		thigh: bothSides(THIGH_BACK, 'right'),
		knee: bothSides(KNEE, 'right'),
		lowerLeg: bothSides(LOWER_LEG, 'right'),
		ankleFoot: bothSides(ANKLE_FOOT, 'right')
	},
	// The hanging arm covers the hip and thigh on the side view, so the hand has no shape of its own there.
	side: {
		shoulder: sideView([
			[194, 86],
			[218, 86],
			[226, 100],
			[222, 112],
			[196, 112]
		]),
		lowerBack: sideView([
			[176, 160],
			[204, 160],
			[204, 212],
			[176, 212]
		]),
		buttock: sideView([
			[170, 212],
			[204, 212],
			[204, 268],
			[180, 268]
		]),
		thigh: sideView([
			[204, 250],
			[238, 250],
			[236, 334],
			[192, 334],
			[186, 268],
			[204, 268]
		]),
		knee: sideView([
			[192, 334],
			[236, 334],
			[234, 354],
			[190, 354]
		]),
		lowerLeg: sideView([
			[190, 354],
			[234, 354],
			[226, 440],
			[194, 440]
		]),
		ankleFoot: sideView([
			[194, 440],
			[226, 440],
			[262, 462],
			[262, 478],
			[192, 478]
		])
	}
};

/** Even-odd ray casting; a point exactly on an edge may fall on either side of it. */
function polygonContains(polygon: readonly Vertex[], x: number, y: number): boolean {
	let inside = false;
	for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
		const [xi, yi] = polygon[i]!;
		const [xj, yj] = polygon[j]!;
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

export function regionContains(view: ChartView, region: BodyRegion, x: number, y: number): boolean {
	return (REGION_SHAPES[view][region] ?? []).some((shape) => polygonContains(shape.polygon, x, y));
}

/** The region and side under a chart position, or null between regions and off the body. */
export function regionAt(view: ChartView, x: number, y: number): { region: BodyRegion; side: BodySide } | null {
	for (const region of BODY_REGIONS) {
		const shape = (REGION_SHAPES[view][region] ?? []).find((s) => polygonContains(s.polygon, x, y));
		if (shape) return { region, side: shape.side };
	}
	return null;
}
