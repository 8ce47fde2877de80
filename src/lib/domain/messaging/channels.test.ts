import { describe, expect, it } from 'vitest';
import { isNotificationChannels, routeMessage } from './channels';

describe('routeMessage', () => {
	it('sends mail only when the patient has no LINE link', () => {
		expect(routeMessage({ lineChoice: null, lineEnabled: true, hasEmail: true })).toEqual({ mail: true, line: false });
	});
	it('sends by LINE alone when the patient chose LINE', () => {
		expect(routeMessage({ lineChoice: 'line', lineEnabled: true, hasEmail: true })).toEqual({ mail: false, line: true });
	});
	it('sends by both when the patient chose both', () => {
		expect(routeMessage({ lineChoice: 'both', lineEnabled: true, hasEmail: true })).toEqual({ mail: true, line: true });
	});
	it('keeps to mail when the patient chose mail', () => {
		expect(routeMessage({ lineChoice: 'mail', lineEnabled: true, hasEmail: true })).toEqual({ mail: true, line: false });
	});
	it('falls back to mail when LINE is not configured on the server', () => {
		expect(routeMessage({ lineChoice: 'line', lineEnabled: false, hasEmail: true })).toEqual({ mail: true, line: false });
	});
	it('sends nothing by mail to a patient without an address', () => {
		expect(routeMessage({ lineChoice: null, lineEnabled: true, hasEmail: false })).toEqual({ mail: false, line: false });
		expect(routeMessage({ lineChoice: 'both', lineEnabled: true, hasEmail: false })).toEqual({ mail: false, line: true });
	});
	it('knows the three choices', () => {
		expect(['mail', 'line', 'both', 'sms'].map(isNotificationChannels)).toEqual([true, true, true, false]);
	});
});
