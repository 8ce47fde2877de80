import { dayOfMonth, endOfMonthAfter } from '../time';

/*
 * The clinic's registration for 受領委任 (docs/jukyo-inin.md §1–§5): what the 施術証明欄, the
 * 支払機関欄 and the 総括票 of every monthly claim print, and what the clinic must have in place
 * before a claim may go out. Pure: the month comes in as an argument.
 */

/** 保健所 届出 (保健所登録区分 on the form): 1 施術所所在地, 2 出張専門施術者住所地 (docs/jukyo-inin.md §1). */
export const FILING_KINDS = ['clinic_address', 'home_visit_only'] as const;
export type FilingKind = (typeof FILING_KINDS)[number];

/** One 施術管理者 per licence type and 施術所 (docs/jukyo-inin.md §4). マッサージ is optional. */
export const MANAGER_LICENCES = ['harikyu', 'massage'] as const;
export type ManagerLicence = (typeof MANAGER_LICENCES)[number];

/** 預金種別 on the 支払機関欄: 普通 / 当座 / 通知 / 別段 (docs/jukyo-inin.md §2). */
export const DEPOSIT_KINDS = ['ordinary', 'current', 'notice', 'special'] as const;
export type DepositKind = (typeof DEPOSIT_KINDS)[number];

/** 支払区分: the insurer pays by transfer; the only one shinkyu offers. */
export const PAYMENT_KINDS = ['transfer'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

/**
 * The insurer kinds a 提出先 is chosen for (docs/jukyo-inin.md §5): 国保 and 後期高齢者 usually go to
 * the prefecture's 国保連 (some 広域連合 take them directly), 協会けんぽ to its 支部, 組合健保 and
 * 共済 to the insurer itself.
 */
export const INSURER_KINDS = ['kokuho', 'koki', 'kyokai', 'kumiai', 'kyosai'] as const;
export type InsurerKind = (typeof INSURER_KINDS)[number];

export interface ClinicFacility {
	name: string;
	postalCode: string;
	address: string;
	phone: string;
	filingKind: FilingKind | null;
	/** The day the 保健所 received the 届出, 'YYYY-MM-DD'. */
	filedOn: string | null;
}

export interface ClinicManager {
	licence: ManagerLicence;
	/** The practitioner who is the 施術管理者; null when the owner has not chosen one. */
	practitionerId: string | null;
	/** Printed on the form; kept as written because the format for あはき is not confirmed (docs/jukyo-inin.md §4). */
	registrationNumber: string;
	/** 受領委任 start: the day the 地方厚生(支)局 received the 申出 (docs/jukyo-inin.md §4). */
	startOn: string | null;
}

export interface PaymentAccount {
	paymentKind: PaymentKind;
	depositKind: DepositKind | null;
	/** 金融機関名 with its kind, as printed: 「○○銀行」「○○信用金庫」. */
	bankName: string;
	/** 本店 / 支店 / 出張所 name, as printed. */
	branchName: string;
	/** Seven digits. */
	accountNumber: string;
	/** 口座名義 in katakana. */
	holderKana: string;
}

export interface SubmissionTarget {
	insurerKind: InsurerKind;
	/** 提出先: 「東京都国民健康保険団体連合会」「全国健康保険協会 東京支部」… */
	destination: string;
	/** The day of the month by which last month's claims must arrive (1–31; a short month ends earlier). */
	deadlineDay: number;
}

export interface JukyoRegistration {
	facility: ClinicFacility;
	/** 開設者 name. */
	founderName: string;
	managers: ClinicManager[];
	/** Practitioners (施術者) who may treat under this registration. */
	practitionerIds: string[];
	account: PaymentAccount;
	submissions: SubmissionTarget[];
	/** オンライン資格確認 運用開始日 as entered on the portal (docs/jukyo-inin.md §3); null when missing. */
	onlineEligibilityFrom: string | null;
}

export function emptyRegistration(): JukyoRegistration {
	return {
		facility: { name: '', postalCode: '', address: '', phone: '', filingKind: null, filedOn: null },
		founderName: '',
		managers: [],
		practitionerIds: [],
		account: { paymentKind: 'transfer', depositKind: null, bankName: '', branchName: '', accountNumber: '', holderKana: '' },
		submissions: [],
		onlineEligibilityFrom: null
	};
}

/** Format rules the settings form and the generator share. */
export const POSTAL_CODE = /^\d{3}-?\d{4}$/;
export const PHONE = /^0\d{1,4}-?\d{1,4}-?\d{3,4}$/;
export const ACCOUNT_NUMBER = /^\d{7}$/;
/** Katakana (full-width), the long vowel mark, digits, Latin capitals, spaces and the marks a bank name may carry. */
export const HOLDER_KANA = /^[\u30A0-\u30FF0-9A-Z（）().\-ー\u3000 ]+$/;

/** Every item a 受領委任 claim of a month needs from the registration, named for the claims page. */
export type MissingItem =
	| 'facility_name'
	| 'facility_postal_code'
	| 'facility_address'
	| 'facility_phone'
	| 'facility_filing_kind'
	| 'founder_name'
	| 'manager_harikyu'
	| 'manager_registration_number'
	| 'manager_start'
	| 'manager_not_started'
	| 'practitioners'
	| 'account_deposit_kind'
	| 'account_bank'
	| 'account_branch'
	| 'account_number'
	| 'account_holder'
	| 'submissions'
	| 'online_eligibility';

export interface MissingForClaimOptions {
	/** Insurer kinds with claims this month: each needs a 提出先. */
	insurerKinds?: readonly InsurerKind[];
}

export interface MissingForClaim {
	items: MissingItem[];
	/** Insurer kinds claimed this month that have no 提出先. */
	submissionsMissing: InsurerKind[];
}

/**
 * What the claims of `month` ('YYYY-MM') still need from the registration. The はりきゅう 施術管理者
 * must have started 受領委任 by the month's last day (a claim covers treatment given under it);
 * without an オンライン資格確認 運用開始日 insurers stop 受領委任 (docs/jukyo-inin.md §3).
 */
export function missingForClaim(registration: JukyoRegistration, month: string, options: MissingForClaimOptions = {}): MissingForClaim {
	const items: MissingItem[] = [];
	const { facility, account } = registration;
	if (facility.name.trim() === '') items.push('facility_name');
	if (!POSTAL_CODE.test(facility.postalCode)) items.push('facility_postal_code');
	if (facility.address.trim() === '') items.push('facility_address');
	if (!PHONE.test(facility.phone)) items.push('facility_phone');
	if (facility.filingKind === null) items.push('facility_filing_kind');
	if (registration.founderName.trim() === '') items.push('founder_name');
	const manager = registration.managers.find((m) => m.licence === 'harikyu');
	if (!manager || manager.practitionerId === null) items.push('manager_harikyu');
	if (manager) {
		if (manager.registrationNumber.trim() === '') items.push('manager_registration_number');
		if (manager.startOn === null) items.push('manager_start');
		else if (manager.startOn > lastDayOf(month)) items.push('manager_not_started');
	}
	if (registration.practitionerIds.length === 0) items.push('practitioners');
	if (account.depositKind === null) items.push('account_deposit_kind');
	if (account.bankName.trim() === '') items.push('account_bank');
	if (account.branchName.trim() === '') items.push('account_branch');
	if (!ACCOUNT_NUMBER.test(account.accountNumber)) items.push('account_number');
	if (!HOLDER_KANA.test(account.holderKana)) items.push('account_holder');
	const submissionsMissing = (options.insurerKinds ?? []).filter((kind) => !registration.submissions.some((s) => s.insurerKind === kind));
	if (registration.submissions.length === 0 || submissionsMissing.length > 0) items.push('submissions');
	if (registration.onlineEligibilityFrom === null || registration.onlineEligibilityFrom > lastDayOf(month)) items.push('online_eligibility');
	return { items, submissionsMissing: [...new Set(submissionsMissing)] };
}

/** The deadline of a 提出先 for the claims of `month`: its day in the next month, or that month's last day. */
export function submissionDeadline(target: Pick<SubmissionTarget, 'deadlineDay'>, month: string): string {
	const endOfNext = endOfMonthAfter(`${month}-01`, 1);
	return `${endOfNext.slice(0, 8)}${String(Math.min(target.deadlineDay, dayOfMonth(endOfNext))).padStart(2, '0')}`;
}

/** The last day of a month 'YYYY-MM', as 'YYYY-MM-DD'. */
export function lastDayOf(month: string): string {
	return endOfMonthAfter(`${month}-01`, 0);
}

/**
 * The insurer kind of a 保険者番号 (docs/jukyo-inin.md §5): six digits are a 国保; eight digits start
 * with the 法別番号 (01 協会けんぽ, 06 組合, 31–34 共済, 39 後期高齢者, 67 退職者医療 under 国保).
 */
export function insurerKindOf(insurerNumber: string): InsurerKind | null {
	if (/^\d{6}$/.test(insurerNumber)) return 'kokuho';
	if (!/^\d{8}$/.test(insurerNumber)) return null;
	const law = insurerNumber.slice(0, 2);
	if (law === '01') return 'kyokai';
	if (law === '06') return 'kumiai';
	if (['31', '32', '33', '34'].includes(law)) return 'kyosai';
	if (law === '39') return 'koki';
	if (law === '67') return 'kokuho';
	return null;
}
