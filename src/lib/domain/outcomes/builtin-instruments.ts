/*
 * The four measures shipped with shinkyu (docs/clinical-rules.md §4), as instrument data. Wording is our own;
 * licensed instruments (ODI, RMDQ, STarT Back) are deliberately absent: a clinic adds them from
 * its own definition file.
 */
import type { Instrument } from './instrument';

const NRS_ANCHORS = [
	{ value: 0, label: { ja: '痛みはない', en: 'No pain' } },
	{ value: 10, label: { ja: '考えられる最悪の痛み', en: 'Worst pain imaginable' } }
] as const;

export const LEG_PAIN_NRS: Instrument = {
	code: 'leg_pain_nrs',
	name: { ja: '脚の痛み（0〜10）', en: 'Leg pain (0–10)' },
	question: {
		ja: 'いまの脚（お尻から足先まで）の痛みは、0から10でいくつですか。',
		en: 'How bad is the pain in your leg (buttock to foot) right now, from 0 to 10?'
	},
	scale: { min: 0, max: 10, anchors: NRS_ANCHORS },
	items: { kind: 'fixed', list: [{ code: 'leg_pain', label: { ja: '脚の痛み', en: 'Leg pain' } }] },
	score: 'single',
	better: 'lower',
	responder: { kind: 'improvement', points: 2, percent: 30 }
};

export const BACK_PAIN_NRS: Instrument = {
	code: 'back_pain_nrs',
	name: { ja: '腰の痛み（0〜10）', en: 'Back pain (0–10)' },
	question: { ja: 'いまの腰の痛みは、0から10でいくつですか。', en: 'How bad is the pain in your lower back right now, from 0 to 10?' },
	scale: { min: 0, max: 10, anchors: NRS_ANCHORS },
	items: { kind: 'fixed', list: [{ code: 'back_pain', label: { ja: '腰の痛み', en: 'Back pain' } }] },
	score: 'single',
	better: 'lower',
	responder: { kind: 'improvement', points: 2, percent: 30 }
};

/** Patient-Specific Functional Scale: 3 to 5 activities the patient names; the score is the mean. */
export const PSFS: Instrument = {
	code: 'psfs',
	name: { ja: '生活動作（PSFS）', en: 'Everyday activities (PSFS)' },
	question: {
		ja: '痛みのために難しくなっている活動は、いまどのくらいできますか。',
		en: 'How well can you do each activity that your pain has made hard?'
	},
	scale: {
		min: 0,
		max: 10,
		anchors: [
			{ value: 0, label: { ja: 'まったくできない', en: 'Unable to do it' } },
			{ value: 10, label: { ja: '痛くなる前と同じようにできる', en: 'As well as before the pain' } }
		]
	},
	items: { kind: 'patient_named', min: 3, max: 5 },
	score: 'mean',
	better: 'higher',
	responder: { kind: 'improvement', points: 2 }
};

/** Patient Global Impression of Change: one answer about change since treatment began. */
export const PGIC: Instrument = {
	code: 'pgic',
	name: { ja: '全体的な変化の印象', en: 'Overall change' },
	question: {
		ja: '施術を始めてから、症状は全体としてどう変わりましたか。',
		en: 'Since you started treatment, how has your condition changed overall?'
	},
	scale: {
		min: 1,
		max: 7,
		labelled: true,
		anchors: [
			{ value: 1, label: { ja: 'とても良くなった', en: 'Very much improved' } },
			{ value: 2, label: { ja: 'かなり良くなった', en: 'Much improved' } },
			{ value: 3, label: { ja: '少し良くなった', en: 'Minimally improved' } },
			{ value: 4, label: { ja: '変わらない', en: 'No change' } },
			{ value: 5, label: { ja: '少し悪くなった', en: 'Minimally worse' } },
			{ value: 6, label: { ja: 'かなり悪くなった', en: 'Much worse' } },
			{ value: 7, label: { ja: 'とても悪くなった', en: 'Very much worse' } }
		]
	},
	items: { kind: 'fixed', list: [{ code: 'pgic', label: { ja: '全体的な変化', en: 'Overall change' } }] },
	score: 'single',
	better: 'lower',
	responder: { kind: 'answer_in', values: [1, 2] }
};

/** Sciatica Bothersomeness Index: four symptoms, 0–6 each, total 0–24; no responder threshold. */
export const SBI: Instrument = {
	code: 'sbi',
	name: { ja: '坐骨神経痛のわずらわしさ（SBI）', en: 'Sciatica bothersomeness (SBI)' },
	question: {
		ja: 'この1週間、次の症状はどのくらいわずらわしかったですか。',
		en: 'Over the past week, how bothersome has each of these been?'
	},
	scale: {
		min: 0,
		max: 6,
		anchors: [
			{ value: 0, label: { ja: 'まったく気にならない', en: 'Not at all bothersome' } },
			{ value: 6, label: { ja: 'とてもわずらわしい', en: 'Extremely bothersome' } }
		]
	},
	items: {
		kind: 'fixed',
		list: [
			{ code: 'leg_pain', label: { ja: '脚の痛み', en: 'Leg pain' } },
			{ code: 'numbness', label: { ja: '脚や足のしびれ・ピリピリ感', en: 'Numbness or tingling in the leg or foot' } },
			{ code: 'weakness', label: { ja: '脚や足の力の入りにくさ', en: 'Weakness in the leg or foot' } },
			{ code: 'sitting_pain', label: { ja: '座っているときの腰や脚の痛み', en: 'Back or leg pain when sitting' } }
		]
	},
	score: 'sum',
	better: 'lower',
	responder: { kind: 'change_only' }
};

export const BUILTIN_INSTRUMENTS: readonly Instrument[] = [LEG_PAIN_NRS, BACK_PAIN_NRS, PSFS, PGIC, SBI];
