import type { BodyRegion, BodySide } from '$lib/domain/acupoints/body-regions';
import { BODY_REGION_LABELS, REGION_SIDE_LABELS } from '$lib/domain/intake/intake-labels';
import type { Translate } from '$lib/i18n/translate';

/** "left thigh", 「左太もも」: a region and the patient's side, in words. */
export function regionName(t: Translate, region: BodyRegion, side?: BodySide): string {
	const name = t(BODY_REGION_LABELS[region]);
	return side ? t(REGION_SIDE_LABELS[side], { region: name }) : name;
}
