/*
 * The session record's forms (flat fields, as a browser posts them) and what each becomes. Every
 * message is a catalogue key under `treatmentSession.error.*`; the route translates it.
 */
import { z } from 'zod';
import type { MessageKey } from '../../i18n/translate';
import { findAcupoint } from '../../domain/acupoints/points';
import { MAX_RETENTION_MINUTES, MIN_RETENTION_MINUTES, MOXA_TYPES, type SessionTechniques } from '../../domain/clinical/session-rules';
import { parseLocalDateTime } from '../../domain/time';

export const POINT_SIDES = ['left', 'right', 'both', 'midline'] as const;
/** Japanese needle gauge numbers (番手), thinnest first: 01 ≈ 0.12 mm … 10 ≈ 0.34 mm. */
export const NEEDLE_GAUGES = ['01', '0', '1', '2', '3', '4', '5', '6', '8', '10'] as const;
/** Common needle lengths: 寸3 (40 mm), 1寸6分 (50 mm) … in millimetres. */
export const NEEDLE_LENGTHS_MM = [15, 25, 30, 40, 50, 60, 75, 90] as const;
/** Needling manipulations used in Japan: 置鍼, 単刺, 雀啄, 旋撚. */
export const NEEDLE_TECHNIQUES = ['retention', 'single', 'sparrow_pecking', 'rotation'] as const;
export const DEQI_LEVELS = ['none', 'mild', 'strong'] as const;
export const ADVERSE_EVENT_KINDS = ['bruising', 'bleeding', 'pain', 'fatigue', 'fainting', 'other'] as const;
export const ADVERSE_EVENT_SEVERITIES = ['mild', 'moderate', 'serious'] as const;
export const ADVERSE_EVENT_OUTCOMES = ['resolved', 'resolving', 'ongoing', 'referred'] as const;
export const NOTES_MAX = 4000;
export const DESCRIPTION_MAX = 2000;
export const REASON_MAX = 500;

/** Every message this file's schemas give, by name: a typed label map (issue #21). */
const SESSION_ERRORS = {
	tooLong: 'treatmentSession.error.tooLong',
	nrs: 'treatmentSession.error.nrs',
	nrsRequired: 'treatmentSession.error.nrsRequired',
	point: 'treatmentSession.error.point',
	side: 'treatmentSession.error.side',
	gauge: 'treatmentSession.error.gauge',
	length: 'treatmentSession.error.length',
	depth: 'treatmentSession.error.depth',
	depthBeyondLength: 'treatmentSession.error.depthBeyondLength',
	technique: 'treatmentSession.error.technique',
	deqi: 'treatmentSession.error.deqi',
	counter: 'treatmentSession.error.counter',
	countRange: 'treatmentSession.error.countRange',
	retention: 'treatmentSession.error.retention',
	eaPairs: 'treatmentSession.error.eaPairs',
	eaFrequency: 'treatmentSession.error.eaFrequency',
	eaMinutes: 'treatmentSession.error.eaMinutes',
	moxaType: 'treatmentSession.error.moxaType',
	moxaCones: 'treatmentSession.error.moxaCones',
	cuppingCups: 'treatmentSession.error.cuppingCups',
	cuppingMinutes: 'treatmentSession.error.cuppingMinutes',
	kind: 'treatmentSession.error.kind',
	severity: 'treatmentSession.error.severity',
	outcome: 'treatmentSession.error.outcome',
	reasonRequired: 'treatmentSession.error.reasonRequired',
	appointment: 'treatmentSession.error.appointment'
} as const satisfies Record<string, MessageKey>;
type SessionError = keyof typeof SESSION_ERRORS;
const e = (key: SessionError) => ({ error: SESSION_ERRORS[key] });
const text = (max: number) =>
	z
		.string()
		.max(max * 2)
		.optional()
		.transform((s) => (s ?? '').replace(/\r\n/g, '\n').trim())
		.pipe(z.string().max(max, e('tooLong')));
/** An optional whole number in [min, max]; an empty field is null. */
const optionalInt = (min: number, max: number, key: SessionError) =>
	z
		.string()
		.optional()
		.transform((s, ctx) => {
			const v = (s ?? '').trim();
			if (v === '') return null;
			const n = Number(v);
			if (/^\d{1,4}$/.test(v) && n >= min && n <= max) return n;
			ctx.addIssue({ code: 'custom', message: SESSION_ERRORS[key] });
			return z.NEVER;
		});
/** An optional choice from `values`; an empty field is null. */
const optionalEnum = <T extends readonly string[]>(values: T, key: SessionError) =>
	z
		.string()
		.optional()
		.transform((s, ctx): T[number] | null => {
			const v = (s ?? '').trim();
			if (v === '') return null;
			if ((values as readonly string[]).includes(v)) return v as T[number];
			ctx.addIssue({ code: 'custom', message: SESSION_ERRORS[key] });
			return z.NEVER;
		});

/** Only after the lock time (24 h after closing): why the record is changed. */
export const ZAmendmentReasonSchema = z.object({
	reason: z
		.string(e('reasonRequired'))
		.max(REASON_MAX * 2)
		.transform((s) => s.trim())
		.pipe(z.string().min(1, e('reasonRequired')).max(REASON_MAX, e('tooLong')))
});

export const ZStartSessionSchema = z.object({
	appointmentId: z
		.string()
		.optional()
		.transform((s) => (s ? s : null))
		.pipe(z.uuid(e('appointment')).nullable())
});
export type TStartSession = z.infer<typeof ZStartSessionSchema>;

export const ZPrePainSchema = z
	.object({ preLegPain: optionalInt(0, 10, 'nrs'), preBackPain: optionalInt(0, 10, 'nrs') })
	.refine((v) => v.preLegPain !== null || v.preBackPain !== null, { path: ['preLegPain'], ...e('nrsRequired') });
export type TPrePain = z.infer<typeof ZPrePainSchema>;

/** How a point was needled: every field but the point itself, shared by adding and completing a point. */
const pointDetail = {
	side: z.enum(POINT_SIDES, e('side')),
	gauge: optionalEnum(NEEDLE_GAUGES, 'gauge'),
	lengthMm: optionalInt(1, 150, 'length'),
	depthMm: optionalInt(0, 150, 'depth'),
	technique: optionalEnum(NEEDLE_TECHNIQUES, 'technique'),
	deqi: optionalEnum(DEQI_LEVELS, 'deqi'),
	/** A ticked checkbox: needled deeply (docs/clinical-rules.md §3 asks about deep needling). */
	deep: z
		.string()
		.optional()
		.transform((s) => s === 'on' || s === 'true')
};
// A needle cannot go deeper than it is long.
const depthWithinLength = (v: { depthMm: number | null; lengthMm: number | null }) => v.depthMm === null || v.lengthMm === null || v.depthMm <= v.lengthMm;

export const ZAddPointSchema = z
	.object({ code: z.string(e('point')).refine((c) => findAcupoint(c) !== null, e('point')), ...pointDetail })
	.refine(depthWithinLength, { path: ['depthMm'], ...e('depthBeyondLength') });
export type TAddPoint = z.infer<typeof ZAddPointSchema>;

export const ZRemovePointSchema = z.object({ pointId: z.uuid(e('point')) });

/** Completing a point in place (a plan point copied into the session, issue #22): the point stays, its details change. */
export const ZEditPointSchema = z
	.object({ pointId: z.uuid(e('point')), ...pointDetail })
	.refine(depthWithinLength, { path: ['depthMm'], ...e('depthBeyondLength') });
export type TEditPoint = z.infer<typeof ZEditPointSchema>;

export const ZNeedleStepSchema = z.object({
	counter: z.enum(['in', 'out'], e('counter')),
	step: z.enum(['1', '-1'], e('counter')).transform(Number)
});
export type TNeedleStep = z.infer<typeof ZNeedleStepSchema>;

export const ZTimerSchema = z.object({
	retentionMinutes: z
		.string(e('retention'))
		.trim()
		.regex(/^\d{1,3}$/, e('retention'))
		.transform(Number)
		.pipe(z.number().min(MIN_RETENTION_MINUTES, e('retention')).max(MAX_RETENTION_MINUTES, e('retention')))
});

/**
 * Techniques as one form: a group left empty is "not used"; a group with any field filled needs
 * all of its fields.
 */
export const ZTechniquesSchema = z
	.object({
		eaPairs: optionalInt(1, 10, 'eaPairs'),
		eaFrequencyHz: optionalInt(1, 200, 'eaFrequency'),
		eaMinutes: optionalInt(1, 60, 'eaMinutes'),
		moxaType: optionalEnum(MOXA_TYPES, 'moxaType'),
		moxaCones: optionalInt(1, 50, 'moxaCones'),
		cuppingCups: optionalInt(1, 20, 'cuppingCups'),
		cuppingMinutes: optionalInt(1, 30, 'cuppingMinutes')
	})
	.superRefine((v, ctx) => {
		const group = (fields: Array<keyof typeof v>) => {
			if (fields.every((f) => v[f] === null)) return;
			for (const f of fields) if (v[f] === null) ctx.addIssue({ code: 'custom', path: [f], message: 'treatmentSession.error.groupIncomplete' });
		};
		group(['eaPairs', 'eaFrequencyHz', 'eaMinutes']);
		group(['moxaType', 'moxaCones']);
		group(['cuppingCups', 'cuppingMinutes']);
	})
	.transform((v): SessionTechniques => ({
		electroacupuncture: v.eaPairs !== null ? { pairs: v.eaPairs, frequencyHz: v.eaFrequencyHz!, minutes: v.eaMinutes! } : null,
		moxibustion: v.moxaType !== null ? { type: v.moxaType, cones: v.moxaCones! } : null,
		cupping: v.cuppingCups !== null ? { cups: v.cuppingCups, minutes: v.cuppingMinutes! } : null
	}));

/** Which form field a technique's licence error is shown on. */
export const TECHNIQUE_FIELDS = {
	needling: 'moxaType',
	electroacupuncture: 'eaPairs',
	moxibustion: 'moxaType',
	cupping: 'cuppingCups'
} as const;

export const ZNotesSchema = z.object({ notes: text(NOTES_MAX) });

export const ZAdverseEventSchema = z.object({
	kind: z.enum(ADVERSE_EVENT_KINDS, e('kind')),
	severity: z.enum(ADVERSE_EVENT_SEVERITIES, e('severity')),
	outcome: z.enum(ADVERSE_EVENT_OUTCOMES, e('outcome')),
	description: text(DESCRIPTION_MAX),
	/** Clinic-local wall time (`datetime-local`); left out, the event happened as it is recorded. */
	occurredAt: z
		.string()
		.max(40)
		.optional()
		.transform((s, ctx) => {
			const v = (s ?? '').trim();
			if (v === '') return null;
			const parsed = parseLocalDateTime(v);
			if (!parsed) ctx.addIssue({ code: 'custom', message: 'treatmentSession.error.occurredAt' });
			return parsed ?? z.NEVER;
		})
});
export type TAdverseEvent = z.infer<typeof ZAdverseEventSchema>;

const count = (key: SessionError) =>
	z
		.string(e(key))
		.trim()
		.regex(/^\d{1,3}$/, e('countRange'))
		.transform(Number);
export const ZNeedleCountsSchema = z.object({ needlesIn: count('countRange'), needlesOut: count('countRange') });

/** Form fields `ack.<conflict key>`: the practitioner's reason to go ahead despite a conflict. */
export const ACK_FIELD = 'ack.';

const ZAcknowledgementReasonSchema = z
	.string()
	.max(REASON_MAX * 2, e('tooLong'))
	.transform((s) => s.replace(/\r\n/g, '\n').trim())
	.pipe(z.string().max(REASON_MAX, e('tooLong')));

/**
 * The reasons a form gives for the safety conflicts of a change (domain/clinical/safety-check.ts),
 * by conflict key; a reason too long is a field error on its own field.
 */
export function acknowledgementReasons(input: Readonly<Record<string, unknown>>): { reasons: Record<string, string>; fields: Record<string, string> } {
	const reasons: Record<string, string> = {};
	const fields: Record<string, string> = {};
	for (const [name, value] of Object.entries(input)) {
		if (!name.startsWith(ACK_FIELD) || name.length === ACK_FIELD.length) continue;
		const parsed = ZAcknowledgementReasonSchema.safeParse(typeof value === 'string' ? value : '');
		if (parsed.success) reasons[name.slice(ACK_FIELD.length)] = parsed.data;
		else fields[name] = 'treatmentSession.error.tooLong';
	}
	return { reasons, fields };
}
