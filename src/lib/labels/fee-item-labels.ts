import type { FeeItemCode } from '$lib/domain/jukyo-claim/fees';
import type { MessageKey } from '$lib/i18n/translate';

/** The items of a 療養費 fee schedule, as the fee settings and the 申請書 name them. The 4 km 往療料 of older versions is named on the fee page only. */

export const FEE_ITEM_LABELS: Record<FeeItemCode, MessageKey> = {
	initial_exam_single: 'jukyoClaim.pdf.fee.initial_exam_single',
	initial_exam_combined: 'jukyoClaim.pdf.fee.initial_exam_combined',
	treatment_single: 'jukyoClaim.pdf.fee.treatment_single',
	treatment_combined: 'jukyoClaim.pdf.fee.treatment_combined',
	home_visit_1_single: 'jukyoClaim.pdf.fee.home_visit_1_single',
	home_visit_1_combined: 'jukyoClaim.pdf.fee.home_visit_1_combined',
	home_visit_2_single: 'jukyoClaim.pdf.fee.home_visit_2_single',
	home_visit_2_combined: 'jukyoClaim.pdf.fee.home_visit_2_combined',
	home_visit_3_single: 'jukyoClaim.pdf.fee.home_visit_3_single',
	home_visit_3_combined: 'jukyoClaim.pdf.fee.home_visit_3_combined',
	home_visit_3_ten_plus_single: 'jukyoClaim.pdf.fee.home_visit_3_ten_plus_single',
	home_visit_3_ten_plus_combined: 'jukyoClaim.pdf.fee.home_visit_3_ten_plus_combined',
	electro: 'jukyoClaim.pdf.fee.electro',
	house_call: 'jukyoClaim.pdf.fee.house_call',
	special_area: 'jukyoClaim.pdf.fee.special_area',
	report: 'jukyoClaim.pdf.fee.report',
	house_call_over_4km: 'jukyoClaim.fees.item.house_call_over_4km'
};
