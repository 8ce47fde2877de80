import { describe, it } from 'vitest';
import { expectLabelsEach } from '../../../../tests/support/label-maps';
import { BODY_REGIONS } from '../acupoints/body-regions';
import {
	AGGRAVATING_FACTORS,
	ALLERGIES,
	BLOOD_THINNER_ANSWERS,
	BLOOD_THINNERS,
	DURATION_UNITS,
	EASING_FACTORS,
	ONSETS,
	PAIN_SIDES,
	PREGNANCY_ANSWERS,
	SBI_ITEMS
} from './answers';
import {
	ALLERGY_LABELS,
	BLOOD_THINNER_ANSWER_LABELS,
	BLOOD_THINNER_LABELS,
	BODY_REGION_LABELS,
	DURATION_UNIT_LABELS,
	FACTOR_LABELS,
	ONSET_LABELS,
	PAIN_SIDE_LABELS,
	PREGNANCY_LABELS,
	REGION_SIDE_LABELS,
	REGION_VIEW_LABELS,
	SBI_ITEM_LABELS
} from './intake-labels';
import { INTAKE_STEP_LABELS } from '../../labels/intake-step-labels';
import { PAIN_MAP_VIEWS } from './pain-map';
import { INTAKE_STEPS } from './steps';

describe('the intake label maps', () => {
	it('name every step and every choice of every answer in both languages', () => {
		expectLabelsEach(INTAKE_STEPS, INTAKE_STEP_LABELS);
		expectLabelsEach(PREGNANCY_ANSWERS, PREGNANCY_LABELS);
		expectLabelsEach(BLOOD_THINNER_ANSWERS, BLOOD_THINNER_ANSWER_LABELS);
		expectLabelsEach(BLOOD_THINNERS, BLOOD_THINNER_LABELS);
		expectLabelsEach(ALLERGIES, ALLERGY_LABELS);
		expectLabelsEach(ONSETS, ONSET_LABELS);
		expectLabelsEach(DURATION_UNITS, DURATION_UNIT_LABELS);
		expectLabelsEach(PAIN_SIDES, PAIN_SIDE_LABELS);
		expectLabelsEach([...AGGRAVATING_FACTORS, ...EASING_FACTORS], FACTOR_LABELS);
		expectLabelsEach(SBI_ITEMS, SBI_ITEM_LABELS);
	});

	it('name every region of the pain map, its sides and its views', () => {
		expectLabelsEach(BODY_REGIONS, BODY_REGION_LABELS);
		expectLabelsEach(['left', 'right'] as const, REGION_SIDE_LABELS);
		expectLabelsEach(PAIN_MAP_VIEWS, REGION_VIEW_LABELS);
	});
});
