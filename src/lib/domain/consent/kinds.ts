/*
 * The kinds of consent a clinic asks for (issue #6). Treatment and privacy are required: a clinic
 * may not treat without informed consent, and health data is 要配慮個人情報 under the APPI, which
 * may be collected only with the patient's explicit consent (docs/clinical-rules.md §6). Reminders and
 * research are the patient's free choice and may be declined or withdrawn at any time.
 */
export const CONSENT_KINDS = ['treatment', 'privacy', 'reminders', 'research'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

const REQUIRED_KINDS: ReadonlySet<ConsentKind> = new Set(['treatment', 'privacy']);

export function isConsentKind(value: unknown): value is ConsentKind {
	return typeof value === 'string' && (CONSENT_KINDS as readonly string[]).includes(value);
}

/** Whether a patient must agree to this kind before treatment. */
export function isRequiredKind(kind: ConsentKind): boolean {
	return REQUIRED_KINDS.has(kind);
}

/**
 * How an answer was given: signed by the patient in the portal, signed at the desk's tablet, the
 * privacy box ticked when booking online, or agreed aloud at the desk and written down by the staff
 * member who took it (treatment consent only, see required-consent.ts).
 */
export const CONSENT_CHANNELS = ['portal', 'desk', 'online_booking', 'verbal'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export function isConsentChannel(value: unknown): value is ConsentChannel {
	return typeof value === 'string' && (CONSENT_CHANNELS as readonly string[]).includes(value);
}

/** The catalogue key that says how an answer was recorded; `{name}` is the staff member, if any. */
export function recordedByKey(
	channel: ConsentChannel,
	recordedByName: string | null
): 'consent.recordedBy.portal' | 'consent.recordedBy.desk' | 'consent.recordedBy.onlineBooking' | 'consent.recordedBy.verbal' {
	if (channel === 'online_booking') return 'consent.recordedBy.onlineBooking';
	if (channel === 'verbal') return 'consent.recordedBy.verbal';
	if (channel === 'desk' || recordedByName) return 'consent.recordedBy.desk';
	return 'consent.recordedBy.portal';
}
