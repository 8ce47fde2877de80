/*
 * What the intake asks, step by step (issue #6; docs/clinical-rules.md §1, §3, §4). These are the stored shapes:
 * a step's answers are saved only after they pass the step's schema, so a present step is complete.
 */
import type { BodyRegion } from '../acupoints/body-regions';
import type { RedFlagQuestion } from '../triage/assess';
import type { PainRegionCode } from './pain-map';
import type { AnswerStep } from './steps';

export const PREGNANCY_ANSWERS = ['yes', 'no', 'unsure'] as const;
export type PregnancyAnswer = (typeof PREGNANCY_ANSWERS)[number];

/** Conditions and history that matter for needling (docs/clinical-rules.md §3). */
export interface HistoryAnswers {
	conditions: string;
	operations: string;
	diabetes: boolean;
	bleedingDisorder: boolean;
	pregnant: PregnancyAnswer;
}

export const BLOOD_THINNER_ANSWERS = ['yes', 'no', 'unsure'] as const;
export type BloodThinnerAnswer = (typeof BLOOD_THINNER_ANSWERS)[number];
/** Named so that patients recognise their medicine: warfarin, the DOACs, antiplatelet drugs. */
export const BLOOD_THINNERS = ['warfarin', 'doac', 'antiplatelet', 'other'] as const;
export type BloodThinner = (typeof BLOOD_THINNERS)[number];
export const ALLERGIES = ['metal', 'alcoholSwab', 'tape'] as const;
export type Allergy = (typeof ALLERGIES)[number];

/** Medicines, implanted devices and what changes how we needle (docs/clinical-rules.md §3). */
export interface SafetyAnswers {
	medicines: string;
	bloodThinner: BloodThinnerAnswer;
	bloodThinnerKinds: BloodThinner[];
	implantedDevice: boolean;
	allergies: Allergy[];
	otherAllergies: string;
	fainting: boolean;
	needleFear: boolean;
	skinProblemSites: BodyRegion[];
	skinProblemNote: string;
	lymphoedemaSites: BodyRegion[];
}

export const ONSETS = ['sudden', 'gradual'] as const;
export type Onset = (typeof ONSETS)[number];
export const DURATION_UNITS = ['days', 'weeks', 'months', 'years'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export const DAYS_PER_UNIT: Record<DurationUnit, number> = { days: 1, weeks: 7, months: 30, years: 365 };
export const PAIN_SIDES = ['left', 'right', 'both'] as const;
export type PainSide = (typeof PAIN_SIDES)[number];
export const AGGRAVATING_FACTORS = ['sitting', 'standing', 'coughingSneezing', 'walking', 'bending'] as const;
export type AggravatingFactor = (typeof AGGRAVATING_FACTORS)[number];
export const EASING_FACTORS = ['lyingDown', 'sitting', 'standing', 'walking', 'bendingForward', 'warmth'] as const;
export type EasingFactor = (typeof EASING_FACTORS)[number];

/** The complaint in the patient's words, and where and when it hurts. */
export interface ComplaintAnswers {
	description: string;
	onset: Onset;
	durationValue: number;
	durationUnit: DurationUnit;
	side: PainSide;
	/** Pain map, front and back views: codes like `thigh-left` (pain-map.ts). */
	painFront: PainRegionCode[];
	painBack: PainRegionCode[];
	worseWith: AggravatingFactor[];
	betterWith: EasingFactor[];
	work: string;
	activities: string;
}

/**
 * The self-check's questions of docs/clinical-rules.md §1, asked the same way: every red flag,
 * whether a doctor has seen this episode, the worst leg pain in the last 24 hours, and the age when
 * the clinic does not know the date of birth (it is asked, never assumed). The duration comes from
 * the complaint.
 */
export type RedFlagAnswers = Record<RedFlagQuestion, boolean> & {
	seenDoctor: boolean;
	/** 0–10: the worst leg pain in the last 24 hours (not the baseline "right now" of the measures). */
	painNrs: number;
	/** Years; asked only when the patient's date of birth is unknown. */
	age?: number;
};

export interface PsfsItem {
	activity: string;
	/** 0 unable … 10 as before the pain. */
	score: number;
}

/** SBI items in the order the outcome_check_in row stores them. */
export const SBI_ITEMS = ['legPain', 'numbness', 'weakness', 'sittingPain'] as const;
export type SbiItem = (typeof SBI_ITEMS)[number];
export const PSFS_MIN_ITEMS = 3;
export const PSFS_MAX_ITEMS = 5;

/** Baseline measures (docs/clinical-rules.md §4). */
export interface MeasuresAnswers {
	legPain: number;
	backPain: number;
	psfs: PsfsItem[];
	/** [legPain, numbness, weakness, sittingPain], each 0–6. */
	sbi: [number, number, number, number];
}

export interface StepAnswers {
	history: HistoryAnswers;
	safety: SafetyAnswers;
	complaint: ComplaintAnswers;
	'red-flags': RedFlagAnswers;
	measures: MeasuresAnswers;
}

/** Everything answered so far; a step is absent until it was saved valid. */
export type IntakeAnswers = { [S in AnswerStep]?: StepAnswers[S] };

/** The complaint's duration in days, capped as the triage contract caps it (docs/clinical-rules.md §1). */
export function durationInDays(complaint: Pick<ComplaintAnswers, 'durationValue' | 'durationUnit'>): number {
	return Math.min(36500, complaint.durationValue * DAYS_PER_UNIT[complaint.durationUnit]);
}
