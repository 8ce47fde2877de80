import { policyForVisit, type CancellationPolicy } from '../../domain/billing/cancellation-fee';
import type { Locale } from '../../i18n/locales';
import { translate } from '../../i18n/translate';
import type { Db } from '../db/database';
import { listPolicyVersions, type StoredPolicy } from './policy-repository';
import { formatNumber } from '../../format';

/** The policy in words for a mail: the same sentences as the pages show. */
export function policyText(policy: CancellationPolicy & Partial<Pick<StoredPolicy, 'noteJa' | 'noteEn'>>, locale: Locale): string {
	const yen = (amount: number) => formatNumber(amount, locale);
	const lines = [`■ ${translate(locale, 'cancellationPolicy.title')}`, translate(locale, 'cancellationPolicy.freeUntil', { hours: policy.freeUntilHours })];
	lines.push(
		policy.lateFeeJpy > 0
			? translate(locale, 'cancellationPolicy.lateFee', { amount: yen(policy.lateFeeJpy) })
			: translate(locale, 'cancellationPolicy.lateNoFee')
	);
	if (policy.noShowFeeJpy > 0) lines.push(translate(locale, 'cancellationPolicy.noShowFee', { amount: yen(policy.noShowFeeJpy) }));
	if (policy.lateFeeJpy > 0 || policy.noShowFeeJpy > 0) lines.push(translate(locale, 'cancellationPolicy.collectedAtNextVisit'));
	const note = locale === 'ja' ? policy.noteJa : policy.noteEn || policy.noteJa;
	if (note) lines.push(note);
	return lines.join('\n');
}

/** The policy paragraph of a visit's confirmation mail (the version it was booked under), or '' without a policy. */
export async function policyMailParagraph(db: Db, acknowledgedVersion: number | null, locale: Locale): Promise<string> {
	const policy = policyForVisit(await listPolicyVersions(db), acknowledgedVersion);
	return policy ? `\n\n${policyText(policy, locale)}` : '';
}
