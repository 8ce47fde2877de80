import { describe, expect, it } from 'vitest';
import { fieldCodesFrom } from './field-codes';
import { acknowledgementReasons, ZAddPointSchema, ZAdverseEventSchema, ZNeedleCountsSchema, ZTechniquesSchema } from './schemas';

const codes = (result: { success: boolean; error?: unknown }) => (result.success ? {} : fieldCodesFrom(result.error as never));

describe('session form schemas', () => {
	it('names the field and its own message for a bad number in an optional field', () => {
		expect(codes(ZAddPointSchema.safeParse({ code: 'BL40', side: 'both', depthMm: 'abc' }))).toEqual({ depthMm: 'treatmentSession.error.depth' });
		expect(codes(ZAddPointSchema.safeParse({ code: 'BL40', side: 'both', gauge: '99' }))).toEqual({ gauge: 'treatmentSession.error.gauge' });
	});

	it('reads empty optional fields as not recorded', () => {
		const parsed = ZAddPointSchema.parse({ code: 'EX-B2', side: 'midline', gauge: '', lengthMm: '', depthMm: '', technique: '', deqi: '' });
		expect(parsed).toEqual({ code: 'EX-B2', side: 'midline', gauge: null, lengthMm: null, depthMm: null, technique: null, deqi: null, deep: false });
		expect(ZAddPointSchema.parse({ code: 'BL54', side: 'left', deep: 'on' }).deep).toBe(true);
	});

	it('refuses a missing or unknown point and side', () => {
		expect(codes(ZAddPointSchema.safeParse({}))).toEqual({ code: 'treatmentSession.error.point', side: 'treatmentSession.error.side' });
	});

	it('turns empty technique groups into "not used"', () => {
		expect(ZTechniquesSchema.parse({ eaPairs: '', moxaType: '', cuppingCups: '' })).toEqual({ electroacupuncture: null, moxibustion: null, cupping: null });
		expect(codes(ZTechniquesSchema.safeParse({ moxaType: 'volcano', moxaCones: '3' }))).toEqual({ moxaType: 'treatmentSession.error.moxaType' });
	});

	it('asks for whole needle counts', () => {
		expect(codes(ZNeedleCountsSchema.safeParse({ needlesIn: '-1', needlesOut: '2.5' }))).toEqual({
			needlesIn: 'treatmentSession.error.countRange',
			needlesOut: 'treatmentSession.error.countRange'
		});
	});

	it('keeps an adverse event description optional but bounded', () => {
		expect(ZAdverseEventSchema.parse({ kind: 'pain', severity: 'mild', outcome: 'resolved' }).description).toBe('');
		expect(codes(ZAdverseEventSchema.safeParse({ kind: 'pain', severity: 'mild', outcome: 'resolved', description: 'x'.repeat(2001) }))).toEqual({
			description: 'treatmentSession.error.tooLong'
		});
	});

	it('reads the reasons given for safety conflicts by key, trimmed, and refuses one too long on its own field', () => {
		expect(acknowledgementReasons({ form: 'addPoint', 'ack.pregnancy.point.LI4': '  主治医に確認済み ', code: 'LI4', 'ack.': 'x' })).toEqual({
			reasons: { 'pregnancy.point.LI4': '主治医に確認済み' },
			fields: {}
		});
		expect(acknowledgementReasons({ 'ack.implantedDevice.electroacupuncture': 'x'.repeat(501) })).toEqual({
			reasons: {},
			fields: { 'ack.implantedDevice.electroacupuncture': 'treatmentSession.error.tooLong' }
		});
	});
});
