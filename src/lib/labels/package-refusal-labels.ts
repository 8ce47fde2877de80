import type { UseRefusal } from '$lib/domain/packages/ledger';
import type { MessageKey } from '$lib/i18n/translate';
import type { PackageTypeResult } from '$lib/server/packages/package-types';
import type { RefundPackageResult, RefundQuoteResult } from '$lib/server/packages/refund-package';
import type { SellPackageResult } from '$lib/server/packages/sell-package';
import type { MarkVisitResult } from '$lib/server/packages/use-package';

/** Why a course action was refused, as the package pages say it (a monthly plan's own wording: plan-refusal-labels.ts). */

/** The codes a use case's result can refuse with, apart from a bad form (which names its fields). */
export type Refusal<R> = Exclude<Extract<R, { ok: false; code: string }>['code'], 'invalid'>;

/** Every code a course action (sell, use, refund, course settings) can refuse with. */
export type PackageRefusal = UseRefusal | Refusal<SellPackageResult | MarkVisitResult | RefundQuoteResult | RefundPackageResult | PackageTypeResult>;

export const PACKAGE_REFUSAL_LABELS: Record<PackageRefusal, MessageKey> = {
	not_active: 'packages.refusal.not_active',
	none_left: 'packages.refusal.none_left',
	expired: 'packages.refusal.expired',
	service_not_covered: 'packages.refusal.service_not_covered',
	not_allowed_user: 'packages.refusal.not_allowed_user',
	insured_visit: 'packages.refusal.insured_visit',
	not_booked: 'packages.refusal.not_booked',
	not_shareable: 'packages.refusal.not_shareable',
	nothing_to_refund: 'packages.refusal.nothing_to_refund',
	no_rules: 'packages.refusal.no_rules',
	refund_exceeds_paid: 'packages.refusal.refund_exceeds_paid',
	not_found: 'packages.refusal.not_found',
	forbidden: 'packages.refusal.forbidden'
};

/** A refusal code a form action sent back (typed as text on the way), or null when it has no label. */
export function refusalLabel<C extends string>(labels: Record<C, MessageKey>, code: string | null | undefined): MessageKey | null {
	return code && Object.hasOwn(labels, code) ? labels[code as C] : null;
}
