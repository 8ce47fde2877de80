import { FEE_ITEM_LABELS } from '../../labels/fee-item-labels';
import type { InsuredCondition } from '../../domain/billing/insured-conditions';
import { formatNumber } from '../../format';
import { DAY_MARK_SYMBOLS, type ClaimForm } from '../../domain/jukyo-claim/claim-form';
import { eraYearText, formatWareki, formatWarekiMonth, toWareki } from '../../domain/jukyo-claim/wareki';
import { translator, type MessageKey } from '../../i18n/translate';
import { ClaimSheet } from './claim-sheet';
import { printSignature } from './claim-signature-pdf';

/*
 * The 療養費支給申請書 (様式第6号, はり・きゅう) as an A4 PDF, block by block in the form's order
 * (docs/jukyo-claim.md §1): header → 被保険者 → 施術内容 → 料金 → 施術証明 → 申請 → 支払機関 → 同意記録
 * → 委任, with the 施術日 grid. Always Japanese, with 和暦 dates: it is the insurer's form. A chosen
 * option is printed in 【】, as the paper form circles it.
 */

const t = translator('ja');
const CONDITION_NUMBERS: Record<InsuredCondition, number> = {
	neuralgia: 0,
	rheumatism: 1,
	cervicobrachial_syndrome: 2,
	frozen_shoulder: 3,
	lumbago: 4,
	whiplash_sequelae: 5
};

/** The options of a key ('a|b|c'), the chosen ones in 【】. */
function choose(key: MessageKey, chosen: ReadonlyArray<number | null>): string {
	return t(key)
		.split('|')
		.map((option, i) => (chosen.includes(i) ? `【${option}】` : option))
		.join('\u3000');
}

const money = (amount: number) => t('jukyoClaim.pdf.yen', { amount: formatNumber(amount, 'ja') });
const orBlank = (value: string | null | undefined) => value ?? '';

function birthDate(date: string | null): string {
	const w = date === null ? null : toWareki(date);
	const eras = ['meiji', 'taisho', 'showa', 'heisei', 'reiwa'];
	const eraText = choose('jukyoClaim.pdf.birthEras', [w ? eras.indexOf(w.era.code) : null]);
	return w ? `${eraText}\u3000${eraYearText(w.year)}年${w.month}月${w.day}日` : eraText;
}

function dayList(dates: readonly string[]): string {
	return dates.map((d) => `${Number(d.slice(8, 10))}日`).join('・');
}

/** The PDF of one 申請書. */
export function claimFormPdf(form: ClaimForm): Promise<Buffer> {
	const title = t('jukyoClaim.pdf.title');
	const sheet = new ClaimSheet(`${title} ${form.month}`, form.certification.clinicName ?? '');
	const h = form.header;
	const monthText = t('jukyoClaim.pdf.monthOf', { month: formatWarekiMonth(form.month) });
	sheet.title(
		form.kind === 'public_expense' ? `${title}（${t('jukyoClaim.pdf.publicExpenseTitle')}）` : title,
		`${t('jukyoClaim.pdf.form')}\u3000${monthText}`
	);

	// Header
	sheet.row([
		{ label: t('jukyoClaim.pdf.publicPayer'), value: orBlank(h.publicExpense?.payerNumber) },
		{ label: t('jukyoClaim.pdf.publicRecipient'), value: orBlank(h.publicExpense?.recipientNumber) },
		{ label: t('jukyoClaim.pdf.insurerNumber'), value: orBlank(h.insurerNumber) }
	]);
	sheet.row([
		{
			label: t('jukyoClaim.pdf.insuranceKind'),
			value: choose('jukyoClaim.pdf.insuranceKind.options', [h.insuranceKind === null ? null : Number(h.insuranceKind) - 1]),
			weight: 1.4
		},
		{
			label: t('jukyoClaim.pdf.honke'),
			value: choose('jukyoClaim.pdf.honke.options', [h.honke === null ? null : ['2', '4', '6', '8', '0'].indexOf(h.honke)]),
			weight: 1.6
		},
		{
			label: t('jukyoClaim.pdf.benefitRatio'),
			value: choose('jukyoClaim.pdf.benefitRatio.options', [h.benefitRatio === null ? null : 10 - h.benefitRatio]),
			weight: 0.8
		}
	]);

	// 被保険者・受療者
	const i = form.insured;
	const p = form.patient;
	sheet.section(t('jukyoClaim.pdf.insuredBlock'));
	sheet.row([
		{ label: t('jukyoClaim.pdf.symbolNumber'), value: [i.symbol, i.number].filter((s) => s !== null && s !== '').join('・'), weight: 1.3 },
		{ label: t('jukyoClaim.pdf.branch'), value: orBlank(i.branch), weight: 0.5 },
		{ label: t('jukyoClaim.pdf.insuredName'), value: orBlank(i.name), weight: 1.2 }
	]);
	sheet.row([
		{ label: t('jukyoClaim.pdf.patientName'), value: p.name, weight: 1.1 },
		{ label: t('jukyoClaim.pdf.kana'), value: orBlank(p.kana), weight: 1.1 },
		{ label: t('jukyoClaim.pdf.sex'), value: choose('jukyoClaim.pdf.sex.options', [p.sex === null ? null : p.sex === 'male' ? 0 : 1]), weight: 0.6 },
		{ label: t('jukyoClaim.pdf.relation'), value: orBlank(p.relation), weight: 0.4 }
	]);
	sheet.row([{ label: t('jukyoClaim.pdf.birthDate'), value: birthDate(p.birthDate) }]);

	// 施術内容
	const tr = form.treatment;
	sheet.section(t('jukyoClaim.pdf.treatmentBlock'));
	sheet.row([
		{
			label: t('jukyoClaim.pdf.condition'),
			value: choose(
				'jukyoClaim.pdf.condition.options',
				tr.conditions.map((c) => CONDITION_NUMBERS[c])
			)
		}
	]);
	sheet.row([{ label: t('jukyoClaim.pdf.symptoms'), value: tr.symptoms }]);
	sheet.row([
		{ label: t('jukyoClaim.pdf.onsetOn'), value: formatWareki(tr.onsetOn) },
		{ label: t('jukyoClaim.pdf.firstTreatmentOn'), value: formatWareki(tr.firstTreatmentOn) },
		{ label: t('jukyoClaim.pdf.consentedOn'), value: formatWareki(tr.consentedOn) }
	]);
	sheet.row([
		{
			label: t('jukyoClaim.pdf.period'),
			value: t('jukyoClaim.pdf.periodValue', { from: formatWareki(tr.periodFrom), to: formatWareki(tr.periodTo) }),
			weight: 2.2
		},
		{ label: t('jukyoClaim.pdf.days'), value: t('jukyoClaim.pdf.daysValue', { days: tr.days }), weight: 0.6 },
		{ label: t('jukyoClaim.pdf.claimKind'), value: choose('jukyoClaim.pdf.claimKind.options', [tr.claimKind === 'new' ? 0 : 1]), weight: 0.8 },
		{
			label: t('jukyoClaim.pdf.outcome'),
			value: choose('jukyoClaim.pdf.outcome.options', [['continuing', 'cured', 'stopped', 'transferred'].indexOf(tr.outcome)]),
			weight: 1.4
		}
	]);
	sheet.row([
		{
			label: t('jukyoClaim.pdf.visitReason'),
			value: choose('jukyoClaim.pdf.visitReason.options', [tr.homeVisitReason === null ? null : tr.homeVisitReason - 1])
		}
	]);
	sheet.row([{ label: t('jukyoClaim.pdf.grid'), value: '' }]);
	sheet.grid(tr.grid.map((mark) => (mark === 'outside' ? null : mark === null ? '' : DAY_MARK_SYMBOLS[mark])));
	sheet.note(t('jukyoClaim.pdf.gridLegend'));

	// 料金
	const f = form.fees;
	sheet.section(t('jukyoClaim.pdf.feeBlock'));
	if (f.lines.length === 0) sheet.row([{ label: '', value: t('jukyoClaim.pdf.noFees') }]);
	// Two fee lines to a row: 「区分  単価 × 回数 = 金額」.
	const feeCells = f.lines.map((line) => {
		const previous =
			line.code === 'report' && f.previousReportMonth ? `（${t('jukyoClaim.pdf.previousReport', { month: formatWarekiMonth(f.previousReportMonth) })}）` : '';
		return { label: `${t(FEE_ITEM_LABELS[line.code])}${previous}`, value: `${money(line.unitJpy)} × ${line.count} = ${money(line.amountJpy)}` };
	});
	for (let at = 0; at < feeCells.length; at += 2) sheet.row(feeCells.slice(at, at + 2).concat(at + 1 < feeCells.length ? [] : [{ label: '', value: '' }]));
	const share = f.sharePercent === null ? t('jukyoClaim.pdf.shareUnknown') : t('jukyoClaim.pdf.share', { tenths: f.sharePercent / 10 });
	sheet.row([
		{ label: t('jukyoClaim.pdf.total'), value: money(f.totalJpy) },
		{ label: share, value: money(f.patientShareJpy) },
		{ label: t('jukyoClaim.pdf.claim'), value: money(f.claimJpy) }
	]);
	const remarks = [
		form.continuationStatementNeeded ? t('jukyoClaim.pdf.continuation') : null,
		form.consentAttached ? t('jukyoClaim.pdf.consentAttached') : null
	].filter((s): s is string => s !== null);
	sheet.row([{ label: t('jukyoClaim.pdf.remarks'), value: remarks.join('\u3000') }]);

	// 施術証明
	const c = form.certification;
	sheet.section(t('jukyoClaim.pdf.certBlock'));
	sheet.row([
		{ label: '', value: t('jukyoClaim.pdf.certText'), weight: 3 },
		{ label: t('jukyoClaim.pdf.date'), value: formatWareki(c.certifiedOn) }
	]);
	sheet.row([
		{ label: t('jukyoClaim.pdf.clinicAddress'), value: [c.postalCode ? `〒${c.postalCode}` : null, c.address].filter(Boolean).join(' '), weight: 2 },
		{ label: t('jukyoClaim.pdf.clinicName'), value: orBlank(c.clinicName), weight: 1.3 },
		{ label: t('jukyoClaim.pdf.phone'), value: orBlank(c.phone) }
	]);
	sheet.row([
		{ label: t('jukyoClaim.pdf.managerName'), value: orBlank(c.managerName) },
		{ label: t('jukyoClaim.pdf.registrationNumber'), value: orBlank(c.registrationNumber) },
		{
			label: t('jukyoClaim.pdf.healthCentre'),
			value: choose('jukyoClaim.pdf.healthCentre.options', [c.healthCentreKind === null ? null : c.healthCentreKind === 'clinic' ? 0 : 1]),
			weight: 1.6
		}
	]);
	sheet.row([
		{
			label: t('jukyoClaim.pdf.practitioners'),
			value: c.practitioners.map((pr) => `${pr.name}${pr.licence ? `（${pr.licence}）` : ''}：${dayList(pr.dates)}`).join('\n')
		}
	]);

	// 申請
	const a = form.application;
	sheet.section(t('jukyoClaim.pdf.applicationBlock'));
	sheet.row([
		{ label: '', value: `${t('jukyoClaim.pdf.applicationText')}\n${t('jukyoClaim.pdf.insurerTo', { name: orBlank(a.insurerName) })}`, weight: 2 },
		{ label: t('jukyoClaim.pdf.date'), value: formatWareki(a.appliedOn) }
	]);
	sheet.row([
		{ label: `${t('jukyoClaim.pdf.applicant')} ${t('jukyoClaim.pdf.address')}`, value: orBlank(a.address), weight: 2 },
		{ label: t('jukyoClaim.pdf.name'), value: orBlank(a.name) },
		{ label: t('jukyoClaim.pdf.phone'), value: orBlank(a.phone) }
	]);

	// 支払機関
	const bank = form.payment;
	sheet.section(t('jukyoClaim.pdf.paymentBlock'));
	sheet.row([
		{ label: t('jukyoClaim.pdf.paymentKind'), value: t('jukyoClaim.pdf.paymentKindValue'), weight: 0.6 },
		{
			label: t('jukyoClaim.pdf.accountType'),
			value: choose('jukyoClaim.pdf.accountType.options', [bank ? ['ordinary', 'current', 'notice', 'special'].indexOf(bank.accountType) : null]),
			weight: 1.4
		},
		{ label: t('jukyoClaim.pdf.bank'), value: bank ? `${bank.bankName} ${bank.bankKind}` : '' },
		{ label: t('jukyoClaim.pdf.branchName'), value: bank ? `${bank.branchName} ${bank.branchKind}` : '' }
	]);
	sheet.row([
		{ label: t('jukyoClaim.pdf.accountNumber'), value: bank?.accountNumber ?? '' },
		{ label: t('jukyoClaim.pdf.holder'), value: bank?.holderKana ?? '', weight: 2 }
	]);

	// 同意記録
	const r = form.consentRecord;
	sheet.section(t('jukyoClaim.pdf.consentBlock'));
	sheet.row([
		{ label: t('jukyoClaim.pdf.doctorName'), value: r?.doctorName ?? '' },
		{ label: t('jukyoClaim.pdf.doctorAddress'), value: r?.institution ?? '', weight: 2 },
		{ label: t('jukyoClaim.pdf.consentedOn'), value: formatWareki(r?.consentedOn ?? null) }
	]);
	sheet.row([
		{
			label: t('jukyoClaim.pdf.condition'),
			value: r
				? choose(
						'jukyoClaim.pdf.condition.options',
						r.conditions.map((x) => CONDITION_NUMBERS[x])
					)
				: '',
			weight: 2
		},
		{
			label: t('jukyoClaim.pdf.carePeriod'),
			value: r ? t('jukyoClaim.pdf.periodValue', { from: formatWareki(r.careFrom), to: formatWareki(r.careUntil) }) : ''
		}
	]);

	// 委任
	const d = form.delegation;
	sheet.section(t('jukyoClaim.pdf.delegationBlock'));
	sheet.row([
		{ label: '', value: t('jukyoClaim.pdf.delegationText'), weight: 2 },
		{ label: t('jukyoClaim.pdf.delegatedOn'), value: formatWareki(d.delegatedOn) }
	]);
	sheet.row([
		{ label: `${t('jukyoClaim.pdf.applicant')} ${t('jukyoClaim.pdf.address')}`, value: orBlank(d.address), weight: 1.6 },
		{ label: `${t('jukyoClaim.pdf.name')} ${t('jukyoClaim.pdf.seal')}`, value: orBlank(d.name) }
	]);
	sheet.row([
		{ label: `${t('jukyoClaim.pdf.agent')} ${t('jukyoClaim.pdf.address')}`, value: orBlank(d.agentAddress), weight: 1.6 },
		{ label: t('jukyoClaim.pdf.name'), value: orBlank(d.agentName) }
	]);
	printSignature(sheet, form.signature);
	return sheet.end();
}
