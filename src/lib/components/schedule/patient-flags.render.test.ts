import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { PatientFlags as Flags } from '$lib/server/schedule/patient-flags';
import PatientFlags from './PatientFlags.svelte';

const none: Flags = { redFlag: null, selfCheck: null, alerts: [], noTreatmentConsent: false, insuranceConsent: null };

describe('the flags beside a name on the schedule', () => {
	it('mark a visit booked with a see_doctor self-check, in both languages (docs/clinical-rules.md §1)', () => {
		const ja = render(PatientFlags, { props: { flags: { ...none, selfCheck: 'see_doctor' }, locale: 'ja' } }).body;
		expect(ja).toMatch(/data-testid="flag-self-check"[^>]*>セルフチェック: 医師に相談</);
		const en = render(PatientFlags, { props: { flags: { ...none, selfCheck: 'see_doctor' }, locale: 'en' } }).body;
		expect(en).toContain('Self-check: see a doctor');
	});

	it('show nothing for a visit without flags', () => {
		expect(render(PatientFlags, { props: { flags: none, locale: 'en' } }).body).not.toContain('flag');
	});

	it('warn of an expiring or expired 資格確認書 as of an expiring 同意書 (issue #19)', () => {
		const expiring = render(PatientFlags, {
			props: { flags: { ...none, insuranceCard: { status: 'expiring', validUntil: '2027-01-31', daysLeft: 12 } }, locale: 'ja' }
		}).body;
		expect(expiring).toMatch(/data-testid="flag-insurance-card"[^>]*>資格確認書 残り12日</);
		const expired = render(PatientFlags, {
			props: { flags: { ...none, insuranceCard: { status: 'expired', validUntil: '2027-01-31', daysLeft: -3 } }, locale: 'en' }
		}).body;
		expect(expired).toContain('Eligibility card expired');
	});
});
