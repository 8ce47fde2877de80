import { z } from 'zod';
import { isCalendarDate } from '../../domain/time';
import { daysFrom } from '../../domain/time';
import { REPORT_TABLE_IDS } from '../../domain/reports/report-tables';

/** A year and a bit: longer reports belong in an export, not a page. */
export const MAX_REPORT_DAYS = 400;

const day = (fallback: string) =>
	z
		.string()
		.optional()
		.transform((s) => (s ?? '').trim() || fallback)
		.refine(isCalendarDate, 'reports.error.date');

/**
 * `?from&to&practitioner` of the report page and its CSV export. Empty dates mean this month so
 * far; messages are catalogue keys (`reports.error.*`).
 */
export function ZReportQuerySchema(today: string) {
	return z
		.object({
			from: day(`${today.slice(0, 7)}-01`),
			to: day(today),
			practitioner: z
				.string()
				.optional()
				.transform((s) => (s ?? '').trim())
				.pipe(z.union([z.literal(''), z.uuid('reports.error.practitioner'), z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'reports.error.practitioner')]))
				.transform((s) => (s === '' ? null : s))
		})
		.refine((q) => q.from <= q.to, { path: ['to'], message: 'reports.error.order' })
		.refine((q) => daysFrom(q.from, q.to) < MAX_REPORT_DAYS, { path: ['to'], message: 'reports.error.tooLong' });
}
export type TReportQuery = z.infer<ReturnType<typeof ZReportQuerySchema>>;

export const ZReportTableSchema = z.enum(REPORT_TABLE_IDS, 'reports.error.table');
