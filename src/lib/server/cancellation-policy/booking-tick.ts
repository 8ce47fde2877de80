import { policyNeedsAcknowledgement } from '../../domain/billing/cancellation-fee';
import type { Locale } from '../../i18n/locales';
import { translate } from '../../i18n/translate';
import type { TCreateBooking } from '../booking/schemas';
import type { Db } from '../db/database';
import type { FieldErrors } from '../http/field-errors';
import { currentPolicy } from './policy-repository';

type BuiltBooking = { ok: true; input: TCreateBooking } | { ok: false; selectionLost: true } | { ok: false; selectionLost: false; errors: FieldErrors };

/**
 * The /book form's tick of the cancellation policy (issue #17). When a fee can be due, the
 * patient must tick the version in force; the booking keeps the version ticked. A tick of an
 * older version (the policy changed while the form was open) asks them to read it again.
 */
export async function checkPolicyTick(db: Db, built: BuiltBooking, values: Record<string, string>, locale: Locale): Promise<BuiltBooking> {
	if (!built.ok && built.selectionLost) return built;
	const policy = await currentPolicy(db);
	const ticked = values.cancellationPolicy !== undefined && policy !== null && values.cancellationPolicy === String(policy.version);
	if (policyNeedsAcknowledgement(policy) && !ticked) {
		const errors = built.ok ? {} : { ...built.errors };
		errors.cancellationPolicy = translate(locale, 'cancellationPolicy.error.acknowledgement');
		return { ok: false, selectionLost: false, errors };
	}
	if (!built.ok || !policy || !ticked) return built;
	return { ok: true, input: { ...built.input, cancellationPolicyVersion: policy.version } };
}
