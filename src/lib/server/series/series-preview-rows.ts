import type { SeriesVisitProposal } from '../../domain/scheduling/series';
import type { Db } from '../db/database';
import { findPractitionerNamesByIds } from '../scheduling-settings/settings-repository';

export interface SeriesPreviewRow {
	n: number;
	/** ISO instants. */
	wanted: string;
	/** What will be booked: the wanted time, the alternative, or null (left out). */
	chosen: { start: string; practitionerId: string; practitioner: { ja: string; en: string } } | null;
	taken: boolean;
}

/** The preview as the page shows it: each visit with the practitioner's name of the time it will take. */
export async function seriesPreviewRows(db: Db, proposals: readonly SeriesVisitProposal[], practitionerId: string): Promise<SeriesPreviewRow[]> {
	const ids = [
		...new Set([practitionerId, ...proposals.flatMap((p) => [p.slot?.practitionerId, p.alternative?.practitionerId].filter((x): x is string => !!x))])
	];
	const rows = await findPractitionerNamesByIds(db, ids);
	const nameOf = (id: string) => {
		const r = rows.find((p) => p.id === id);
		return r ? { ja: `${r.family_name_ja} ${r.given_name_ja}`, en: `${r.given_name_en} ${r.family_name_en}` } : { ja: '', en: '' };
	};
	return proposals.map((p, i) => {
		const slot = p.slot ?? p.alternative;
		return {
			n: i + 1,
			wanted: new Date(p.wanted).toISOString(),
			taken: p.slot === null,
			chosen: slot ? { start: new Date(slot.start).toISOString(), practitionerId: slot.practitionerId, practitioner: nameOf(slot.practitionerId) } : null
		};
	});
}
