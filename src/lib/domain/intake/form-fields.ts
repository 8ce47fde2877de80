/*
 * How the intake's answers travel in plain HTML forms (no JavaScript): one field per question,
 * one checkbox per option (`group.option`, so every name is unique and the first value counts),
 * and back again to refill a form with what was saved.
 */
import { SBI_ITEMS, PSFS_MAX_ITEMS, type IntakeAnswers, type SbiItem } from './answers';
import { RED_FLAG_QUESTIONS } from '../triage/assess';
import type { AnswerStep } from './steps';

/** Longest free texts kept: enough for a list of conditions, a guard against pasted documents. */
export const INTAKE_LIMITS = { longText: 1000, shortText: 200, activity: 80, durationValue: 1200 } as const;

export const CHECKED = 'on';

export function optionField(group: string, option: string): string {
	return `${group}.${option}`;
}

/** 1-based PSFS rows: `psfs1Activity`, `psfs1Score` … */
export function psfsFields(row: number): { activity: string; score: string } {
	return { activity: `psfs${row}Activity`, score: `psfs${row}Score` };
}

export const PSFS_ROWS = Array.from({ length: PSFS_MAX_ITEMS }, (_, i) => i + 1);

export function sbiField(item: SbiItem): string {
	return `sbi${item[0]!.toUpperCase()}${item.slice(1)}`;
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

function options(group: string, chosen: readonly string[]): Record<string, string> {
	return Object.fromEntries(chosen.map((option) => [optionField(group, option), CHECKED]));
}

/** A saved step as the form sends it, to show the form again; empty for an unanswered step. */
export function toFormValues(step: AnswerStep, answers: IntakeAnswers): Record<string, string> {
	switch (step) {
		case 'history': {
			const a = answers.history;
			if (!a) return {};
			return {
				conditions: a.conditions,
				operations: a.operations,
				diabetes: yesNo(a.diabetes),
				bleedingDisorder: yesNo(a.bleedingDisorder),
				pregnant: a.pregnant
			};
		}
		case 'safety': {
			const a = answers.safety;
			if (!a) return {};
			return {
				medicines: a.medicines,
				bloodThinner: a.bloodThinner,
				...options('bloodThinnerKinds', a.bloodThinnerKinds),
				implantedDevice: yesNo(a.implantedDevice),
				...options('allergies', a.allergies),
				otherAllergies: a.otherAllergies,
				fainting: yesNo(a.fainting),
				needleFear: yesNo(a.needleFear),
				...options('skinProblemSites', a.skinProblemSites),
				skinProblemNote: a.skinProblemNote,
				...options('lymphoedemaSites', a.lymphoedemaSites)
			};
		}
		case 'complaint': {
			const a = answers.complaint;
			if (!a) return {};
			return {
				description: a.description,
				onset: a.onset,
				durationValue: String(a.durationValue),
				durationUnit: a.durationUnit,
				side: a.side,
				...options('painFront', a.painFront),
				...options('painBack', a.painBack),
				...options('worseWith', a.worseWith),
				...options('betterWith', a.betterWith),
				work: a.work,
				activities: a.activities
			};
		}
		case 'red-flags': {
			const a = answers['red-flags'];
			if (!a) return {};
			return {
				...Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, yesNo(a[q])])),
				seenDoctor: yesNo(a.seenDoctor),
				...(typeof a.painNrs === 'number' ? { painNrs: String(a.painNrs) } : {}),
				...(typeof a.age === 'number' ? { age: String(a.age) } : {})
			};
		}
		case 'measures': {
			const a = answers.measures;
			if (!a) return {};
			const values: Record<string, string> = { legPain: String(a.legPain), backPain: String(a.backPain) };
			a.psfs.forEach((item, i) => {
				const f = psfsFields(i + 1);
				values[f.activity] = item.activity;
				values[f.score] = String(item.score);
			});
			SBI_ITEMS.forEach((item, i) => (values[sbiField(item)] = String(a.sbi[i])));
			return values;
		}
	}
}
