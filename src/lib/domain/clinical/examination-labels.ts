import type { MessageKey } from '$lib/i18n/translate';
import type { Muscle, PainArea, Reflex, ReflexGrade, Root } from './examination';

/*
 * Typed label maps for the examination's codes (issue #21): every key is written out, so a new
 * code without a label is a type error and the build finds the keys a page needs. The side's and the pattern's maps are in src/lib/labels/ (examination-finding-labels.ts, examination-pattern-labels.ts).
 */

export const PAIN_AREA_LABELS: Record<PainArea, MessageKey> = {
	lowerBack: 'examination.area.lowerBack',
	buttock: 'examination.area.buttock',
	backOfThigh: 'examination.area.backOfThigh',
	sideOfThigh: 'examination.area.sideOfThigh',
	frontOfThigh: 'examination.area.frontOfThigh',
	knee: 'examination.area.knee',
	shin: 'examination.area.shin',
	innerShin: 'examination.area.innerShin',
	outerShin: 'examination.area.outerShin',
	backOfCalf: 'examination.area.backOfCalf',
	topOfFoot: 'examination.area.topOfFoot',
	bigToe: 'examination.area.bigToe',
	heelAndSole: 'examination.area.heelAndSole',
	littleToe: 'examination.area.littleToe'
};

export const REFLEX_LABELS: Record<Reflex, MessageKey> = {
	knee: 'examination.reflex.knee',
	ankle: 'examination.reflex.ankle'
};

export const REFLEX_GRADE_LABELS: Record<ReflexGrade, MessageKey> = {
	normal: 'examination.grade.normal',
	reduced: 'examination.grade.reduced',
	absent: 'examination.grade.absent'
};

export const MUSCLE_LABELS: Record<Muscle, MessageKey> = {
	ankleDorsiflexion: 'examination.muscle.ankleDorsiflexion',
	bigToeExtension: 'examination.muscle.bigToeExtension',
	plantarFlexion: 'examination.muscle.plantarFlexion',
	kneeExtension: 'examination.muscle.kneeExtension'
};
/** The skin each root supplies, as the sensation checkboxes name it. */
export const DERMATOME_LABELS: Record<Root, MessageKey> = {
	L4: 'examination.dermatome.L4',
	L5: 'examination.dermatome.L5',
	S1: 'examination.dermatome.S1'
};
