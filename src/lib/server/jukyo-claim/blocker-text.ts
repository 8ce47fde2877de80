import type { ClaimBlocker } from '../../domain/jukyo-claim/claim-blockers';
import type { MessageKey, Translate } from '../../i18n/translate';

/** One line of the claims page per blocker, in the viewer's language. */
export function blockerText(t: Translate, blocker: ClaimBlocker, formatDate: (date: string) => string): string {
	const fields = (names: string[]) => names.map((name) => t(`jukyoClaim.field.${name}` as MessageKey)).join(t('jukyoClaim.fieldSeparator'));
	switch (blocker.code) {
		case 'no_visits':
		case 'missing_consent':
		case 'missing_symptoms':
			return t(`jukyoClaim.blocker.${blocker.code}`);
		case 'visit_outside_consent':
			return t('jukyoClaim.blocker.visit_outside_consent', { date: formatDate(blocker.date), reason: t(`jukyoClaim.reason.${blocker.reason}`) });
		case 'missing_eligibility':
		case 'missing_patient':
		case 'missing_insured':
		case 'missing_registration':
			return t(`jukyoClaim.blocker.${blocker.code}`, { fields: fields(blocker.fields) });
		case 'unsigned_month':
			return t('claimStatus.blocker.unsigned_month');
		case 'signature_outdated':
			return t('claimStatus.blocker.signature_outdated', {
				dates: [...blocker.added, ...blocker.removed].map(formatDate).join(t('jukyoClaim.fieldSeparator'))
			});
		case 'pricing':
			return t(`jukyoClaim.blocker.pricing.${blocker.problem.code}`, { date: formatDate(blocker.problem.date) });
	}
}
