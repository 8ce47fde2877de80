import type { ClaimForm } from '$lib/domain/jukyo-claim/claim-form';
import type { MessageKey } from '$lib/i18n/translate';

/** The main claim form or the 公費 one. */

export const CLAIM_FORM_KIND_LABELS: Record<ClaimForm['kind'], MessageKey> = {
	main: 'jukyoClaim.page.kind.main',
	public_expense: 'jukyoClaim.page.kind.public_expense'
};
