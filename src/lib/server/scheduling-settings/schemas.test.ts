import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { hoursFieldName } from '../../components/scheduling/form-fields';
import {
	ZAddServiceSchema,
	ZAddTimeOffSchema,
	ZBookingRulesSchema,
	ZPractitionerLicencesSchema,
	ZPractitionerServicesSchema,
	ZUpdateServiceSchema,
	ZWeekHoursSchema
} from './schemas';

/** Field → message key of its first issue, as the form shows them. */
function problems(schema: z.ZodType, input: unknown): Record<string, string> {
	const parsed = schema.safeParse(input);
	if (parsed.success) return {};
	const fields: Record<string, string> = {};
	for (const issue of parsed.error.issues) fields[issue.path.join('.')] ??= issue.message;
	return fields;
}

const rules = { slotStepMinutes: '15', minNotice: '2', minNoticeUnit: 'hours', horizonDays: '90', cancellationCutoffHours: '24' };
const service = { nameJa: '再診', nameEn: 'Follow-up', durationMinutes: '45', bufferMinutes: '10', priceJpy: '5500', needsBed: 'on' };

describe('booking rules form', () => {
	it('reads the notice in hours or minutes as minutes', () => {
		expect(ZBookingRulesSchema.parse(rules)).toEqual({ slotStepMinutes: 15, minNoticeMinutes: 120, horizonDays: 90, cancellationCutoffHours: 24 });
		expect(ZBookingRulesSchema.parse({ ...rules, minNotice: '４５', minNoticeUnit: 'minutes' }).minNoticeMinutes).toBe(45);
	});

	it('names the field of each bad value', () => {
		expect(problems(ZBookingRulesSchema, { ...rules, slotStepMinutes: '7' })).toEqual({ slotStepMinutes: 'scheduling.error.slotStep' });
		expect(problems(ZBookingRulesSchema, { ...rules, horizonDays: '0' })).toEqual({ horizonDays: 'scheduling.error.horizonDays' });
		expect(problems(ZBookingRulesSchema, { ...rules, cancellationCutoffHours: '1.5' })).toEqual({
			cancellationCutoffHours: 'scheduling.error.cancellationCutoff'
		});
		expect(problems(ZBookingRulesSchema, { ...rules, minNotice: '200' })).toEqual({ minNotice: 'scheduling.error.minNotice' });
		expect(problems(ZBookingRulesSchema, { ...rules, horizonDays: '' })).toEqual({ horizonDays: 'validation.required' });
	});
});

describe('week hours form', () => {
	it('reads two periods a day and leaves empty days closed', () => {
		const form = {
			[hoursFieldName(1, 0, 'start')]: '9:00',
			[hoursFieldName(1, 0, 'end')]: '12:30',
			[hoursFieldName(1, 1, 'start')]: '14:30',
			[hoursFieldName(1, 1, 'end')]: '19:30',
			[hoursFieldName(2, 0, 'start')]: '',
			[hoursFieldName(2, 0, 'end')]: '',
			form: 'hours'
		};
		expect(ZWeekHoursSchema.parse(form)).toEqual([
			{ weekday: 1, start: '09:00', end: '12:30' },
			{ weekday: 1, start: '14:30', end: '19:30' }
		]);
	});

	it('puts each problem on the time field that has it', () => {
		const form = {
			'hours-1-0-start': '09:00',
			'hours-1-0-end': '13:00',
			'hours-1-1-start': '12:00',
			'hours-1-1-end': '18:00',
			'hours-3-0-start': '18:00',
			'hours-3-0-end': '09:00',
			'hours-5-1-start': '10:00',
			'hours-6-0-end': '25:00'
		};
		expect(problems(ZWeekHoursSchema, form)).toEqual({
			'hours-1-1-start': 'scheduling.error.overlap',
			'hours-3-0-end': 'scheduling.error.endNotAfterStart',
			'hours-5-1-end': 'scheduling.error.missingTime',
			'hours-6-0-start': 'scheduling.error.missingTime',
			'hours-6-0-end': 'scheduling.error.invalidTime'
		});
	});
});

describe('service forms', () => {
	it('reads flags from checkboxes and prices typed with separators', () => {
		expect(ZUpdateServiceSchema.parse({ ...service, serviceId: 's1', priceJpy: '５,５００円' })).toEqual({
			serviceId: 's1',
			nameJa: '再診',
			nameEn: 'Follow-up',
			durationMinutes: 45,
			bufferMinutes: 10,
			priceJpy: 5500,
			needsBed: true,
			newPatientOnly: false,
			bookableOnline: false,
			isAddOn: false,
			descriptionJa: '',
			descriptionEn: ''
		});
	});

	it('refuses lengths off the 5-minute grain, negative or fractional yen', () => {
		expect(problems(ZUpdateServiceSchema, { ...service, serviceId: 's1', durationMinutes: '47', bufferMinutes: '3', priceJpy: '-100' })).toEqual({
			durationMinutes: 'scheduling.error.duration',
			bufferMinutes: 'scheduling.error.buffer',
			priceJpy: 'scheduling.error.price'
		});
		expect(problems(ZUpdateServiceSchema, { ...service, serviceId: 's1', priceJpy: '5500.5' })).toEqual({ priceJpy: 'scheduling.error.price' });
	});

	it('uppercases a new code and refuses other characters', () => {
		expect(ZAddServiceSchema.parse({ ...service, symbol: ' cup ' }).code).toBe('CUP');
		expect(problems(ZAddServiceSchema, { ...service, symbol: 'CUP-1' })).toEqual({ symbol: 'scheduling.error.serviceCode' });
	});
});

describe('practitioner forms', () => {
	it('treats an empty licence number as none', () => {
		expect(ZPractitionerLicencesSchema.parse({ hariLicence: ' 第900301号 ', kyuLicence: '' })).toEqual({ hariLicence: '第900301号', kyuLicence: null });
	});

	it('collects the ticked services', () => {
		expect(ZPractitionerServicesSchema.parse({ 'service-a': 'on', 'service-b': 'on', form: 'services' })).toEqual({ serviceIds: ['a', 'b'] });
	});

	it('reads date-time fields and refuses what is not one', () => {
		expect(ZAddTimeOffSchema.parse({ from: '2026-12-01T09:00', to: '2026-12-01T13:00' })).toEqual({
			from: { date: '2026-12-01', time: '09:00' },
			to: { date: '2026-12-01', time: '13:00' },
			note: ''
		});
		expect(problems(ZAddTimeOffSchema, { from: '2026-02-30T09:00', to: '' })).toEqual({ from: 'scheduling.error.dateTime', to: 'validation.required' });
	});
});
