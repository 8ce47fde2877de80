import type { BodyRegion, BodySide } from '$lib/domain/acupoints/body-regions';
import type { MessageKey, Translate } from '$lib/i18n/translate';

/** "left thigh", 「左太もも」: a region and the patient's side, in words. */
export function regionName(t: Translate, region: BodyRegion, side?: BodySide): string {
	const name = t(`intake.region.${region}` as MessageKey);
	return side ? t(`intake.regionSide.${side}` as MessageKey, { region: name }) : name;
}
