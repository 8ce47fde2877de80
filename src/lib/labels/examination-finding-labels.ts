import type { ExamSide } from '$lib/domain/clinical/examination';
import type { MessageKey } from '$lib/i18n/translate';
import type { GivenHistoryFact } from '$lib/server/examination/given-history';

/** The examination form: the side of the complaint, and where a red flag was first given. */

export const EXAMINATION_SIDE_LABELS: Record<ExamSide, MessageKey> = {
	left: 'examination.side.left',
	right: 'examination.side.right',
	both: 'examination.side.both'
};

export const EXAMINATION_HISTORY_SOURCE_LABELS: Record<GivenHistoryFact['source'], MessageKey> = {
	intake: 'examination.history.source.intake',
	self_check: 'examination.history.source.self_check'
};
