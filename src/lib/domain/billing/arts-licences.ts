import type { Licences } from '../clinical/session-rules';
import type { InsuranceArts } from './billing-config';

/*
 * 療養費 pays はり and きゅう as separate arts; a 2術 fee (はり and きゅう together, `combined`) is
 * for a visit where both were done, and each art may be done only by the holder of its own
 * national licence (docs/clinical-rules.md §6). So an insured 2術 charge needs both licences on
 * the practitioner who treated. Pure: the licences come in as values.
 */

export type ArtsLicenceProblem = 'needs_hari_and_kyu';

/** Why these arts may not be charged for this practitioner; null when they may. */
export function artsLicenceProblem(arts: InsuranceArts, licences: Licences): ArtsLicenceProblem | null {
	if (arts === 'combined' && !(licences.hari && licences.kyu)) return 'needs_hari_and_kyu';
	return null;
}
