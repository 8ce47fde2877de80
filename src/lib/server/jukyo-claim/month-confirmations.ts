import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ClaimFormInput, MonthConfirmationForClaim } from '../../domain/jukyo-claim/claim-input';
import { claimSignatureOf, isSignaturePath, monthConfirmationState, type MonthConfirmationFacts } from '../../domain/jukyo-claim/month-confirmation';
import { isCalendarDate, localDate } from '../../domain/time';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { liveInsuredChargesOf } from '../billing/billing-repository';
import { recentClinicTimeZone } from '../clinic/clinic-settings';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { findPatient } from '../patients/patient-repository';
import { findStaffRole } from '../staff/staff-repository';

/*
 * The patient's monthly confirmation and signature (docs/jukyo-claim.md §11). The desk opens the page
 * (or hands the tablet to the patient at the month's last visit); the signer confirms the dates
 * shown and signs, by drawing (SVG path data, kept in the row) or by typing the name and ticking.
 * Insert-only: a new signature is a new row, and the newest one counts while it covers the month's
 * visit days. Also the 被保険者 where the records decide it, so a 本人's claim is complete.
 */

export interface MonthConfirmationRow extends MonthConfirmationFacts {
	id: string;
	recordedBy: string;
}

function nextMonthStart(month: string): string {
	const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
	return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

export async function loadMonthConfirmations(db: Db, patientId: string, month: string): Promise<MonthConfirmationRow[]> {
	const rows = await db.kysely
		.selectFrom('jukyo_month_confirmation')
		.selectAll()
		.where('patient_id', '=', patientId)
		.where('month', '=', month)
		.orderBy('created_at', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		confirmedDates: JSON.parse(r.confirmed_dates) as string[],
		signedOn: r.signed_on,
		createdAt: r.created_at,
		signerKind: r.signer_kind,
		signerName: r.signer_name,
		proxyRelation: r.proxy_relation,
		proxyReason: r.proxy_reason,
		signatureKind: r.signature_kind,
		signaturePath: r.signature_path,
		recordedBy: r.recorded_by
	}));
}

/** The days of the month with an insured charge that is not voided: what the patient confirms. */
export async function insuredVisitDates(db: Db, patientId: string, month: string): Promise<string[]> {
	const charges = await liveInsuredChargesOf(db, patientId, { from: `${month}-01`, before: nextMonthStart(month) });
	return [...new Set(charges.map((c) => c.service_date))].sort();
}

export async function monthConfirmationFor(db: Db, patientId: string, month: string, visitDates: readonly string[]): Promise<MonthConfirmationForClaim> {
	const state = monthConfirmationState(await loadMonthConfirmations(db, patientId, month), visitDates);
	if (state.state === 'signed') return { state: 'signed', signature: claimSignatureOf(state.confirmation) };
	if (state.state === 'changed') return { state: 'changed', added: state.added, removed: state.removed };
	return { state: 'unsigned' };
}

/**
 * Completes a claim input with what this capability keeps: the month's confirmation and the
 * 申請・委任 date it gives. (The 本家区分 and the 被保険者 come from the eligibility check the
 * charges relied on, in claim-records.ts.)
 */
export async function withMonthConfirmation(db: Db, patientId: string, input: ClaimFormInput): Promise<ClaimFormInput> {
	const confirmation = await monthConfirmationFor(
		db,
		patientId,
		input.month,
		input.visits.map((v) => v.date)
	);
	return { ...input, confirmation, confirmedOn: confirmation.state === 'signed' ? confirmation.signature.signedOn : input.confirmedOn };
}

/** 'YYYY-MM' (the same rule as the claims page's month). */
const ZMonth = z.string('jukyoClaim.page.badMonth').regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'jukyoClaim.page.badMonth');

const text = (max: number) => z.string().trim().max(max, 'claimStatus.confirm.error.tooLong');

export const ZMonthConfirmationSchema = z
	.object({
		month: ZMonth,
		date: z
			.array(z.string().refine(isCalendarDate, 'claimStatus.confirm.error.dates'))
			.min(1, 'claimStatus.confirm.error.dates')
			.max(31, 'claimStatus.confirm.error.dates'),
		agree: z.literal('on', 'claimStatus.confirm.error.agree'),
		signerKind: z.enum(['patient', 'proxy'], 'claimStatus.confirm.error.signerKind'),
		signerName: text(100).pipe(z.string().min(1, 'claimStatus.confirm.error.signerName')),
		proxyRelation: text(50).default(''),
		proxyReason: text(300).default(''),
		signaturePath: z.string().default('')
	})
	.superRefine((v, ctx) => {
		if (v.signerKind === 'proxy' && v.proxyRelation === '')
			ctx.addIssue({ code: 'custom', path: ['proxyRelation'], message: 'claimStatus.confirm.error.proxyRelation' });
		if (v.signerKind === 'proxy' && v.proxyReason === '')
			ctx.addIssue({ code: 'custom', path: ['proxyReason'], message: 'claimStatus.confirm.error.proxyReason' });
		if (v.signaturePath !== '' && !isSignaturePath(v.signaturePath))
			ctx.addIssue({ code: 'custom', path: ['signaturePath'], message: 'claimStatus.confirm.error.signature' });
	});

export type RecordConfirmationResult =
	| { ok: true; id: string }
	| { ok: false; code: 'invalid'; fields: Record<string, string> }
	| { ok: false; code: 'not_found' | 'forbidden' }
	| { ok: false; code: 'dates_changed'; dates: string[] };

const DESK_ROLES = ['owner', 'reception'];

/** Records the month's confirmation; refused when the dates shown are no longer the month's visit days (a visit was added or voided meanwhile). */
export async function recordMonthConfirmation(
	db: Db,
	patientId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: { now?: Date } = {}
): Promise<RecordConfirmationResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const parsed = ZMonthConfirmationSchema.safeParse({ ...input, date: typeof input.date === 'string' ? [input.date] : input.date });
	if (!parsed.success) {
		const fields: Record<string, string> = {};
		for (const issue of parsed.error.issues)
			fields[String(issue.path[0] ?? '_')] ??=
				issue.message.startsWith('claimStatus.') || issue.message.startsWith('jukyoClaim.') ? issue.message : 'claimStatus.confirm.error.invalid';
		return { ok: false, code: 'invalid', fields };
	}
	const data = parsed.data;
	const now = options.now ?? db.clock.now();
	const signedOn = localDate(now.getTime(), await recentClinicTimeZone(db));
	return withTransaction(db, async (tx) => {
		const staff = await findStaffRole(tx, staffId);
		if (!staff || !DESK_ROLES.includes(staff.role)) return { ok: false, code: 'forbidden' } as const;
		const patient = await findPatient(tx, patientId, ['id'], { live: true });
		if (!patient) return { ok: false, code: 'not_found' } as const;
		const dates = await insuredVisitDates(tx, patientId, data.month);
		const shown = [...new Set(data.date)].sort();
		if (dates.length === 0) return { ok: false, code: 'not_found' } as const;
		if (shown.join() !== dates.join()) return { ok: false, code: 'dates_changed', dates } as const;
		const id = randomUUID();
		await tx.kysely
			.insertInto('jukyo_month_confirmation')
			.values({
				id,
				patient_id: patientId,
				month: data.month,
				confirmed_dates: JSON.stringify(dates),
				signed_on: signedOn,
				signer_kind: data.signerKind,
				signer_name: data.signerName,
				proxy_relation: data.signerKind === 'proxy' ? data.proxyRelation : '',
				proxy_reason: data.signerKind === 'proxy' ? data.proxyReason : '',
				signature_kind: data.signaturePath === '' ? 'typed' : 'drawn',
				signature_path: data.signaturePath === '' ? null : data.signaturePath,
				recorded_by: staffId,
				created_at: now.toISOString()
			})
			.execute();
		await recordAudit(tx, actor, {
			action: 'jukyo_month_confirmation.sign',
			entityType: 'jukyo_month_confirmation',
			entityId: id,
			patientId,
			detail: { month: data.month, days: dates.length, signerKind: data.signerKind, signature: data.signaturePath === '' ? 'typed' : 'drawn' }
		});
		return { ok: true, id } as const;
	});
}

export interface ConfirmationView {
	patientName: string;
	month: string;
	dates: string[];
	state: ReturnType<typeof monthConfirmationState<MonthConfirmationRow>>['state'];
	added: string[];
	history: MonthConfirmationRow[];
}

/** The confirmation page's data (audited: it shows a patient's visit days and signatures); null for an unknown patient. */
export async function monthConfirmationView(db: Db, patientId: string, month: string, actor: AuditActor): Promise<ConfirmationView | null> {
	const patient = await findPatient(db, patientId, ['family_name', 'given_name'], { live: true });
	if (!patient) return null;
	const [dates, history] = await Promise.all([insuredVisitDates(db, patientId, month), loadMonthConfirmations(db, patientId, month)]);
	const state = monthConfirmationState(history, dates);
	await recordAudit(db, actor, {
		action: 'jukyo_month_confirmation.view',
		entityType: 'jukyo_month_confirmation',
		entityId: month,
		patientId,
		detail: { state: state.state }
	});
	return {
		patientName: `${patient.family_name} ${patient.given_name}`.trim(),
		month,
		dates,
		state: state.state,
		added: state.state === 'changed' ? state.added : [],
		history
	};
}
