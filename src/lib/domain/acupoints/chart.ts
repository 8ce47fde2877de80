/*
 * The body charts' views and coordinate system (body-regions.ts explains them), apart from the
 * region shapes and the point atlas: a page that only draws a chart, such as the session record,
 * ships neither (issue #21).
 */

export const CHART_VIEWS = ['front', 'back', 'side'] as const;
export type ChartView = (typeof CHART_VIEWS)[number];

/** The figures are drawn within x 0–400 and y 0–480, their midline at x = 200. */
export const CHART_SIZE = { width: 400, height: 480 } as const;
/** The viewBox adds a margin on each side for the labels; coordinates stay the same. */
export const CHART_VIEWBOX = `-20 0 ${CHART_SIZE.width + 40} ${CHART_SIZE.height}`;
