import type { BodyRegion, BodySide } from '$lib/domain/acupoints/body-regions';
import type { MessageKey } from '$lib/i18n/translate';
import type {
	AggravatingFactor,
	Allergy,
	BloodThinner,
	BloodThinnerAnswer,
	DurationUnit,
	EasingFactor,
	Onset,
	PainSide,
	PregnancyAnswer,
	SbiItem
} from './answers';
import type { PainMapView } from './pain-map';

/*
 * Typed label maps for the intake's answers (issue #21): every key is written out, so a new
 * choice without words is a type error and the build finds the keys a page needs. The steps' own map is src/lib/labels/intake-step-labels.ts.
 */

export const PREGNANCY_LABELS: Record<PregnancyAnswer, MessageKey> = {
	yes: 'intake.history.pregnant.yes',
	no: 'intake.history.pregnant.no',
	unsure: 'intake.history.pregnant.unsure'
};

export const BLOOD_THINNER_ANSWER_LABELS: Record<BloodThinnerAnswer, MessageKey> = {
	yes: 'intake.safety.bloodThinner.yes',
	no: 'intake.safety.bloodThinner.no',
	unsure: 'intake.safety.bloodThinner.unsure'
};

export const BLOOD_THINNER_LABELS: Record<BloodThinner, MessageKey> = {
	warfarin: 'intake.safety.kind.warfarin',
	doac: 'intake.safety.kind.doac',
	antiplatelet: 'intake.safety.kind.antiplatelet',
	other: 'intake.safety.kind.other'
};

export const ALLERGY_LABELS: Record<Allergy, MessageKey> = {
	metal: 'intake.safety.allergy.metal',
	alcoholSwab: 'intake.safety.allergy.alcoholSwab',
	tape: 'intake.safety.allergy.tape'
};

export const ONSET_LABELS: Record<Onset, MessageKey> = {
	sudden: 'intake.complaint.onset.sudden',
	gradual: 'intake.complaint.onset.gradual'
};

export const DURATION_UNIT_LABELS: Record<DurationUnit, MessageKey> = {
	days: 'intake.complaint.unit.days',
	weeks: 'intake.complaint.unit.weeks',
	months: 'intake.complaint.unit.months',
	years: 'intake.complaint.unit.years'
};

export const PAIN_SIDE_LABELS: Record<PainSide, MessageKey> = {
	left: 'intake.complaint.side.left',
	right: 'intake.complaint.side.right',
	both: 'intake.complaint.side.both'
};

/** What makes the pain worse or better: one list of words for both questions. */
export const FACTOR_LABELS: Record<AggravatingFactor | EasingFactor, MessageKey> = {
	sitting: 'intake.complaint.factor.sitting',
	standing: 'intake.complaint.factor.standing',
	coughingSneezing: 'intake.complaint.factor.coughingSneezing',
	walking: 'intake.complaint.factor.walking',
	bending: 'intake.complaint.factor.bending',
	lyingDown: 'intake.complaint.factor.lyingDown',
	bendingForward: 'intake.complaint.factor.bendingForward',
	warmth: 'intake.complaint.factor.warmth'
};

export const SBI_ITEM_LABELS: Record<SbiItem, MessageKey> = {
	legPain: 'intake.measures.sbi.legPain',
	numbness: 'intake.measures.sbi.numbness',
	weakness: 'intake.measures.sbi.weakness',
	sittingPain: 'intake.measures.sbi.sittingPain'
};

export const BODY_REGION_LABELS: Record<BodyRegion, MessageKey> = {
	lowerBack: 'intake.region.lowerBack',
	buttock: 'intake.region.buttock',
	thigh: 'intake.region.thigh',
	knee: 'intake.region.knee',
	lowerLeg: 'intake.region.lowerLeg',
	ankleFoot: 'intake.region.ankleFoot',
	hand: 'intake.region.hand',
	shoulder: 'intake.region.shoulder'
};

/** "left {region}": a region on one side. */
export const REGION_SIDE_LABELS: Record<BodySide, MessageKey> = {
	left: 'intake.regionSide.left',
	right: 'intake.regionSide.right'
};

/** "{name}, front view": a pain map checkbox's name. */
export const REGION_VIEW_LABELS: Record<PainMapView, MessageKey> = {
	front: 'intake.regionView.front',
	back: 'intake.regionView.back'
};
