import type { ClaimBlocker, ClaimField } from '../../domain/jukyo-claim/claim-blockers';
import { CLAIM_BLOCKER_LABELS, CLAIM_CONSENT_REASON_LABELS, CLAIM_FIELD_LABELS, PRICING_PROBLEM_LABELS } from '../../domain/jukyo-claim/claim-labels';
import type { Translate } from '../../i18n/translate';

/** One line of the claims page per blocker, in the viewer's language. */
export function blockerText(t: Translate, blocker: ClaimBlocker, formatDate: (date: string) => string): string {
	const fields = (names: ClaimField[]) => names.map((name) => t(CLAIM_FIELD_LABELS[name])).join(t('jukyoClaim.fieldSeparator'));
	switch (blocker.code) {
		case 'no_visits':
		case 'missing_consent':
		case 'missing_symptoms':
			return t(CLAIM_BLOCKER_LABELS[blocker.code]);
		case 'visit_outside_consent':
			return t('jukyoClaim.blocker.visit_outside_consent', { date: formatDate(blocker.date), reason: t(CLAIM_CONSENT_REASON_LABELS[blocker.reason]) });
		case 'missing_eligibility':
		case 'missing_patient':
		case 'missing_insured':
		case 'missing_registration':
			return t(CLAIM_BLOCKER_LABELS[blocker.code], { fields: fields(blocker.fields) });
		case 'unsigned_month':
			return t('claimStatus.blocker.unsigned_month');
		case 'signature_outdated':
			return t('claimStatus.blocker.signature_outdated', {
				dates: [...blocker.added, ...blocker.removed].map(formatDate).join(t('jukyoClaim.fieldSeparator'))
			});
		case 'pricing':
			return t(PRICING_PROBLEM_LABELS[blocker.problem.code], { date: formatDate(blocker.problem.date) });
	}
}
