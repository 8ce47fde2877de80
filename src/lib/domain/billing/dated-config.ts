/*
 * Rules and amounts that change by notice (consent periods, 療養費 fees, tax rates) are kept as
 * dated versions, never as constants: a past visit is always judged by the version of its day.
 */

export interface DatedVersion {
	/** The first clinic-local day ('YYYY-MM-DD') the version applies to. */
	effectiveFrom: string;
}

/** The version in effect on `date`: the latest one that started on or before it; null before the first. */
export function versionOn<T extends DatedVersion>(versions: readonly T[], date: string): T | null {
	let found: T | null = null;
	for (const version of versions) {
		if (version.effectiveFrom <= date && (found === null || version.effectiveFrom > found.effectiveFrom)) found = version;
	}
	return found;
}
