import { z } from 'zod';
import { hoursFieldName, languageFieldName, PROFILE_TEXT_MAX, serviceFieldName } from '../../components/scheduling/form-fields';
import { PROFILE_LANGUAGES, type ProfileLanguage } from '../../domain/scheduling/profile-languages';
import {
	BUFFER_MINUTES,
	CANCELLATION_CUTOFF_HOURS,
	CONCURRENT_PATIENTS,
	checkDayPeriods,
	checkWholeNumber,
	DURATION_MINUTES,
	HORIZON_DAYS,
	isServiceCode,
	isSlotStep,
	MAX_PERIODS_PER_DAY,
	MIN_NOTICE_MINUTES,
	noticeInMinutes,
	PRICE_JPY,
	type PeriodProblem,
	type WeekdayPeriod,
	type WholeNumberRule
} from '../../domain/scheduling/settings-rules';
import { isCalendarDate, parseLocalDateTime } from '../../domain/time';

/*
 * The scheduling settings forms. Messages are catalogue keys (`scheduling.error.*`), so a bad
 * value comes back as a localized error on the field that holds it.
 */

const id = z.string().trim().min(1).max(64);
const line = (max: number) => z.string().trim().min(1).max(max);
const optionalLine = (max: number) => z.string().trim().max(max).default('');
const checkbox = z
	.literal('on')
	.optional()
	.transform((v) => v === 'on');
/** Free text from a textarea: Windows line ends become `\n`; empty is allowed. */
const optionalText = (max: number) =>
	z
		.string()
		.default('')
		.transform((v) => v.replace(/\r\n?/g, '\n').trim())
		.pipe(z.string().max(max));

/** Digits as typed on any keyboard: full-width digits become ASCII, and `,` `円` `¥` and spaces go. */
function wholeNumber(message: string, rule?: WholeNumberRule) {
	return z
		.string()
		.transform((v) => v.normalize('NFKC').replace(/[,\s円¥]/g, ''))
		.pipe(
			z
				.string()
				.min(1, 'validation.required')
				.regex(/^\d{1,9}$/, message)
		)
		.transform(Number)
		.refine((n) => !rule || checkWholeNumber(n, rule) === null, message);
}

export const ZBookingRulesSchema = z
	.object({
		slotStepMinutes: wholeNumber('scheduling.error.slotStep').refine(isSlotStep, 'scheduling.error.slotStep'),
		minNotice: wholeNumber('scheduling.error.minNotice'),
		minNoticeUnit: z.enum(['minutes', 'hours']),
		horizonDays: wholeNumber('scheduling.error.horizonDays', HORIZON_DAYS),
		cancellationCutoffHours: wholeNumber('scheduling.error.cancellationCutoff', CANCELLATION_CUTOFF_HOURS)
	})
	.refine((v) => checkWholeNumber(noticeInMinutes(v.minNotice, v.minNoticeUnit), MIN_NOTICE_MINUTES) === null, {
		path: ['minNotice'],
		message: 'scheduling.error.minNotice'
	})
	.transform((v) => ({
		slotStepMinutes: v.slotStepMinutes,
		minNoticeMinutes: noticeInMinutes(v.minNotice, v.minNoticeUnit),
		horizonDays: v.horizonDays,
		cancellationCutoffHours: v.cancellationCutoffHours
	}));
export type TBookingRules = z.output<typeof ZBookingRulesSchema>;

const PERIOD_MESSAGES: Record<PeriodProblem, string> = {
	missing_time: 'scheduling.error.missingTime',
	invalid_time: 'scheduling.error.invalidTime',
	end_not_after_start: 'scheduling.error.endNotAfterStart',
	overlap: 'scheduling.error.overlap',
	too_many_periods: 'scheduling.error.tooManyPeriods'
};

/** Up to two periods for each weekday (clinic opening hours or a practitioner's working hours). */
export const ZWeekHoursSchema = z.record(z.string(), z.string()).transform((values, ctx) => {
	const periods: WeekdayPeriod[] = [];
	for (let weekday = 0; weekday <= 6; weekday++) {
		const rows = Array.from({ length: MAX_PERIODS_PER_DAY }, (_, index) => ({
			start: values[hoursFieldName(weekday, index, 'start')] ?? '',
			end: values[hoursFieldName(weekday, index, 'end')] ?? ''
		}));
		const checked = checkDayPeriods(rows);
		for (const issue of checked.issues) {
			ctx.addIssue({ code: 'custom', path: [hoursFieldName(weekday, issue.index, issue.field)], message: PERIOD_MESSAGES[issue.problem] });
		}
		periods.push(...checked.periods.map((p) => ({ weekday, ...p })));
	}
	return periods;
});

const calendarDate = z.string().trim().min(1, 'validation.required').refine(isCalendarDate, 'validation.date');

export const ZAddClosureSchema = z.object({
	date: calendarDate,
	reasonJa: optionalLine(200),
	reasonEn: optionalLine(200)
});
export type TAddClosure = z.output<typeof ZAddClosureSchema>;

export const ZClosureDateSchema = z.object({ date: calendarDate });

export const ZHolidayOpeningSchema = z.object({
	date: calendarDate,
	open: z.enum(['1', '0']).transform((v) => v === '1')
});
export type THolidayOpening = z.output<typeof ZHolidayOpeningSchema>;

const ZServiceFieldsSchema = z.object({
	nameJa: line(100),
	nameEn: line(100),
	durationMinutes: wholeNumber('scheduling.error.duration', DURATION_MINUTES),
	bufferMinutes: wholeNumber('scheduling.error.buffer', BUFFER_MINUTES),
	priceJpy: wholeNumber('scheduling.error.price', PRICE_JPY),
	needsBed: checkbox,
	newPatientOnly: checkbox,
	bookableOnline: checkbox,
	isAddOn: checkbox,
	descriptionJa: optionalText(PROFILE_TEXT_MAX),
	descriptionEn: optionalText(PROFILE_TEXT_MAX)
});
export type TServiceFields = z.output<typeof ZServiceFieldsSchema>;

export const ZUpdateServiceSchema = ZServiceFieldsSchema.extend({ serviceId: id });
export type TUpdateService = z.output<typeof ZUpdateServiceSchema>;

/*
 * The code field is called `symbol` in the form: the shared form helper drops fields whose name
 * contains "code" from what it sends back (they are usually secrets), and this one must be kept.
 */
export const ZAddServiceSchema = ZServiceFieldsSchema.extend({
	symbol: z
		.string()
		.transform((v) => v.normalize('NFKC').trim().toUpperCase())
		.pipe(z.string().min(1, 'validation.required').refine(isServiceCode, 'scheduling.error.serviceCode'))
}).transform(({ symbol, ...fields }) => ({ code: symbol, ...fields }));
export type TAddService = z.output<typeof ZAddServiceSchema>;

export const ZBedNamesSchema = z.object({ nameJa: line(60), nameEn: line(60) });
export type TBedNames = z.output<typeof ZBedNamesSchema>;
export const ZRenameBedSchema = ZBedNamesSchema.extend({ bedId: id });
export const ZMoveBedSchema = z.object({ bedId: id, direction: z.enum(['up', 'down']) });
export const ZBedIdSchema = z.object({ bedId: id });

const licence = z
	.string()
	.transform((v) => v.normalize('NFKC').trim())
	.pipe(z.string().max(40))
	.transform((v) => (v === '' ? null : v));

export const ZPractitionerLicencesSchema = z.object({ hariLicence: licence, kyuLicence: licence });
export type TPractitionerLicences = z.output<typeof ZPractitionerLicencesSchema>;

export const ZPractitionerPlacesSchema = z.object({ concurrentPatients: wholeNumber('desk.error.concurrentPatients', CONCURRENT_PATIENTS) });

/** A practitioner's profile as the patient sees it when booking: bios and languages (issue #22). */
const languageChecks = Object.fromEntries(PROFILE_LANGUAGES.map((code) => [languageFieldName(code), checkbox])) as Record<
	`language-${ProfileLanguage}`,
	typeof checkbox
>;
export const ZPractitionerProfileSchema = z
	.object({ bioJa: optionalText(PROFILE_TEXT_MAX), bioEn: optionalText(PROFILE_TEXT_MAX), ...languageChecks })
	.transform((v) => ({ bioJa: v.bioJa, bioEn: v.bioEn, languages: PROFILE_LANGUAGES.filter((code) => v[languageFieldName(code)]) }));
export type TPractitionerProfile = z.output<typeof ZPractitionerProfileSchema>;

export const ZPractitionerActiveSchema = z.object({ active: z.enum(['1', '0']).transform((v) => v === '1') });

const SERVICE_PREFIX = serviceFieldName('');

export const ZPractitionerServicesSchema = z.record(z.string(), z.string()).transform((values) => ({
	serviceIds: Object.keys(values)
		.filter((key) => key.startsWith(SERVICE_PREFIX) && values[key] === 'on')
		.map((key) => key.slice(SERVICE_PREFIX.length))
}));

const localDateTime = z
	.string()
	.min(1, 'validation.required')
	.transform((v, ctx) => {
		const parsed = parseLocalDateTime(v);
		if (!parsed) ctx.addIssue({ code: 'custom', message: 'scheduling.error.dateTime' });
		return parsed ?? { date: '', time: '' };
	});

export const ZAddTimeOffSchema = z.object({ from: localDateTime, to: localDateTime, note: optionalLine(200) });
export type TAddTimeOff = z.output<typeof ZAddTimeOffSchema>;

export const ZTimeOffIdSchema = z.object({ timeOffId: id });
