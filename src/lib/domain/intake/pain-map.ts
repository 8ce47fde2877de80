/*
 * The pain map: where the pain runs, marked on the atlas's front and back figures. Each region of
 * a view and each side is one checkbox, coded `<region>-<side>` (e.g. `thigh-left`); the shapes
 * come from acupoints/body-regions.ts so the map and the atlas can never disagree.
 */
import { BODY_REGIONS, REGION_SHAPES, type BodyRegion, type BodySide, type Vertex } from '../acupoints/body-regions';

export const PAIN_MAP_VIEWS = ['front', 'back'] as const;
export type PainMapView = (typeof PAIN_MAP_VIEWS)[number];

export type PainRegionCode = `${BodyRegion}-${BodySide}`;

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface PainMapRegion {
	code: PainRegionCode;
	region: BodyRegion;
	side: BodySide;
	polygon: readonly Vertex[];
	/** The polygon's bounding box, in chart units: the tap target over the figure. */
	box: Box;
}

export function painRegionCode(region: BodyRegion, side: BodySide): PainRegionCode {
	return `${region}-${side}`;
}

function boundingBox(polygon: readonly Vertex[]): Box {
	const xs = polygon.map(([x]) => x);
	const ys = polygon.map(([, y]) => y);
	const x = Math.min(...xs);
	const y = Math.min(...ys);
	return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/**
 * The regions of one view in reading order, top to bottom and then the viewer's left to right,
 * so that the keyboard walks down the figure.
 */
export function painMapRegions(view: PainMapView): PainMapRegion[] {
	const regions: PainMapRegion[] = [];
	for (const region of BODY_REGIONS) {
		for (const shape of REGION_SHAPES[view][region] ?? []) {
			regions.push({ code: painRegionCode(region, shape.side), region, side: shape.side, polygon: shape.polygon, box: boundingBox(shape.polygon) });
		}
	}
	return regions.sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
}

/** Every code a view offers; anything else sent by a form is refused. */
export function painRegionCodes(view: PainMapView): PainRegionCode[] {
	return painMapRegions(view).map((r) => r.code);
}

export function isPainRegionCode(view: PainMapView, code: string): code is PainRegionCode {
	return (painRegionCodes(view) as string[]).includes(code);
}

/** The region part of a code, e.g. `thigh` for `thigh-left`. */
export function regionOfCode(code: PainRegionCode): BodyRegion {
	return code.slice(0, code.lastIndexOf('-')) as BodyRegion;
}

export function sideOfCode(code: PainRegionCode): BodySide {
	return code.slice(code.lastIndexOf('-') + 1) as BodySide;
}
