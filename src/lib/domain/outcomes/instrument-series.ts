/*
 * One instrument's scores for one patient, read as the chart shows them: the first score, the
 * latest, the change between them and, when the definition gives a threshold, whether that change
 * is a responder result (docs/clinical-rules.md §4). Used for the clinic's own instruments; the built-in check-in
 * measures are summarised the same way in progress.ts. Pure: no I/O, no clock.
 */
import { answerProblem, changeFromBaseline, responderStatus, type AnswerProblem, type Instrument, type ResponderStatus } from './instrument';

export interface InstrumentScore {
	id: string;
	/** ISO 8601 instant, UTC. */
	at: string;
	value: number;
}

export interface InstrumentSeriesSummary {
	/** The baseline: the first score; null when the measure needs none (a global-impression scale). */
	first: InstrumentScore | null;
	/** The newest score after the first; null until there is one. */
	latest: InstrumentScore | null;
	count: number;
	/** latest − first as measured; null without both. */
	difference: number | null;
	/** The same change signed so that positive is better. */
	improvement: number | null;
	percentImprovement: number | null;
	status: ResponderStatus;
	/** False when the definition gives no threshold: the chart then shows the change only. */
	hasThreshold: boolean;
}

/** One instrument's series for a patient, as the chart and the console page show it. */
export interface InstrumentProgress {
	instrument: Instrument;
	/** Oldest first. */
	scores: InstrumentScore[];
	summary: InstrumentSeriesSummary;
}

const byTime = (a: InstrumentScore, b: InstrumentScore) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id);

/** The first and latest score of a series in any order, the change and the responder status. */
export function summarizeInstrumentScores(instrument: Instrument, scores: readonly InstrumentScore[]): InstrumentSeriesSummary {
	const sorted = [...scores].sort(byTime);
	const needsBaseline = instrument.responder.kind !== 'answer_in';
	const first = needsBaseline ? (sorted[0] ?? null) : null;
	const latest = (needsBaseline ? sorted.slice(1) : sorted).at(-1) ?? null;
	const change = first && latest ? changeFromBaseline(instrument, first.value, latest.value) : null;
	return {
		first,
		latest,
		count: sorted.length,
		difference: change?.difference ?? null,
		improvement: change?.improvement ?? null,
		percentImprovement: change?.percentImprovement ?? null,
		status: responderStatus(instrument, first?.value ?? null, latest?.value ?? null),
		hasThreshold: instrument.responder.kind !== 'change_only'
	};
}

export interface ItemAnswerProblem {
	/** The item's position, or null when the problem is the set of answers (too few or too many). */
	item: number | null;
	problem: AnswerProblem;
}

/** Every answer that does not fit, each with its item, so a form can mark each question. */
export function itemAnswerProblems(instrument: Instrument, answers: readonly number[]): ItemAnswerProblem[] {
	if (answerProblem(instrument, answers) === 'item_count') return [{ item: null, problem: 'item_count' }];
	const { min, max } = instrument.scale;
	return answers.flatMap((answer, item): ItemAnswerProblem[] => {
		if (!Number.isInteger(answer)) return [{ item, problem: 'not_integer' }];
		if (answer < min || answer > max) return [{ item, problem: 'out_of_range' }];
		return [];
	});
}
