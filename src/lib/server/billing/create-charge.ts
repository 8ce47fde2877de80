import { INSURANCE_FEE_LABELS } from '../../domain/billing/billing-labels';
import { FEE_ITEM_LABELS } from '../../labels/fee-item-labels';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { artsLicenceProblem, type ArtsLicenceProblem } from '../../domain/billing/arts-licences';
import { loadJukyoFeeSchedules } from '../jukyo-claim/fee-versions';
import { DEFAULT_BILLING_CONFIG, type BillingConfig, type InsuranceArts } from '../../domain/billing/billing-config';
import {
	homeVisitPricingProblem,
	INSURANCE_FEE_CODES,
	quoteCharge,
	type ChargeItem,
	type ComputedCharge,
	type ComputedChargeLine,
	type InsuranceEligibility,
	type InsuranceFeeCode,
	type InsuranceRefusal
} from '../../domain/billing/charges';
import { consentExpiry, consentForDate } from '../../domain/billing/doctor-consent-validity';
import { versionOn } from '../../domain/billing/dated-config';
import type { FeeLineCode } from '../../domain/jukyo-claim/claim-fees';
import { consentRulesInForce } from '../jukyo-claim/consent-rules';
import type { NeedleProblem } from '../../domain/clinical/needle-account';
import type { Licences } from '../../domain/clinical/session-rules';
import { isInsuredCondition } from '../../domain/billing/insured-conditions';
import { sharePercentFor } from '../../domain/jukyo/eligibility';
import { doctorTreatmentsBlocking } from '../../domain/jukyo/doctor-treatment';
import { localDate } from '../../domain/time';
import { visitDayHasCome } from '../../domain/scheduling/visit-day';
import { packageCoverOfVisit } from '../packages/visit-cover';
import { usePackageForVisit } from '../packages/use-package';
import { translate, type MessageKey } from '../../i18n/translate';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { findAppointment } from '../booking/appointment-repository';
import { findAddOnServices, findPractitionerLicences, getService } from '../scheduling-settings/settings-repository';
import type { Service } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { doctorTreatmentsOf } from '../jukyo/doctor-treatment';
import { eligibilityForPatientVisit, type EligibilityCheckView } from '../jukyo/eligibility';
import { unaccountedSessionOfVisit } from '../treatment-session/needle-account';
import { findNewestVisitSession, licencesOf } from '../treatment-session/session-repository';
import {
	findBillablePatient,
	findBillingClinic,
	insertCharge,
	insertChargeHomeVisit,
	insertChargeInsuranceCard,
	insertChargeLines,
	listConsentRows,
	startConsentPeriod
} from './billing-repository';
import type { BillingClock } from './doctor-consent';
import { fieldCodesFrom, type BillingFieldCodes } from './field-codes';
import { ZCreateChargeSchema, type TCreateCharge } from './schemas';

export type CreateChargeResult =
	| { ok: true; chargeId: string; charge: ComputedCharge; consentId: string | null; consentPeriodStarted: boolean }
	/** Insurance may not be charged; `selfPay` is what the visit costs self-pay (charge it with payer self_pay). */
	| { ok: false; code: 'insurance_refused'; reason: InsuranceRefusal; selfPay: ComputedCharge }
	| { ok: false; code: 'invalid'; fields: BillingFieldCodes }
	| { ok: false; code: 'already_charged'; chargeId: string }
	/** A session of the visit still has needles unaccounted for (docs/clinical-rules.md §3): find them and close it first. */
	| { ok: false; code: 'needles_unaccounted'; sessionId: string; patientId: string; problem: NeedleProblem; needlesIn: number; needlesOut: number }
	/** 2術 insured, but the treating practitioner does not hold both licences (docs/clinical-rules.md §6). */
	| { ok: false; code: 'licence_refused'; reason: ArtsLicenceProblem }
	| { ok: false; code: 'not_found' | 'forbidden' | 'not_chargeable' }
	/** The visit's day (clinic-local) has not come: nothing is charged in advance. */
	| { ok: false; code: 'before_visit_day' };

export interface CreateChargeOptions extends BillingClock {
	config?: BillingConfig;
}

/** Only a visit that took place is charged. */
const CHARGEABLE_STATUSES = ['arrived', 'completed'] as const;

/**
 * Charges a visit: its service and the add-ons chosen in the session, self-pay or 療養費. Insurance
 * is charged only when a doctor's consent covers the visit's day (docs/clinical-rules.md §6), the
 * month has an eligibility check that covers it (its fields are the charge's card and share), and
 * no doctor treats the consented condition (docs/jukyo-inin.md §3, §6); otherwise nothing is stored
 * and the refusal carries the self-pay price.
 * The first insured visit under a consent starts its period. One live charge per appointment: void
 * it (voidCharge) to charge again.
 */
export async function createChargeForAppointment(
	db: Db,
	appointmentId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: CreateChargeOptions = {}
): Promise<CreateChargeResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const parsed = ZCreateChargeSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: fieldCodesFrom(parsed.error) };
	const data = parsed.data;
	const now = options.now ?? db.clock.now();
	// The 療養費 fees are the dated versions the owner keeps in the database (docs/jukyo-claim.md §3), so the desk and the monthly claim price alike.
	const config = options.config ?? { ...DEFAULT_BILLING_CONFIG, feeSchedules: await loadJukyoFeeSchedules(db) };

	return withTransaction(db, async (tx): Promise<CreateChargeResult> => {
		const clinic = await findBillingClinic(tx);
		// Locks the appointment on PostgreSQL: two desks charging one visit queue here.
		const appointment = await findAppointment(tx, appointmentId, ['id', 'patient_id', 'service_id', 'status', 'starts_at', 'practitioner_id'], {
			forUpdate: true
		});
		if (!appointment) return { ok: false, code: 'not_found' };
		if (!(CHARGEABLE_STATUSES as readonly string[]).includes(appointment.status) || !appointment.patient_id || !appointment.service_id)
			return { ok: false, code: 'not_chargeable' };
		if (!visitDayHasCome(Date.parse(appointment.starts_at), now.getTime(), clinic.timeZone)) return { ok: false, code: 'before_visit_day' };
		const patientId = appointment.patient_id;
		const patient = await findBillablePatient(tx, patientId);
		if (!patient) return { ok: false, code: 'not_found' };

		const live = await tx.kysely
			.selectFrom('charge')
			.select('id')
			.where('appointment_id', '=', appointmentId)
			.where(({ not, exists, selectFrom }) => not(exists(selectFrom('charge_void').select('charge_id').whereRef('charge_void.charge_id', '=', 'charge.id'))))
			.executeTakeFirst();
		if (live) return { ok: false, code: 'already_charged', chargeId: live.id };

		// No forgotten needle: a visit is not charged while its session has needles unaccounted for.
		const open = await unaccountedSessionOfVisit(tx, appointmentId);
		if (open?.problem) {
			await recordAudit(tx, actor, {
				action: 'charge.refused',
				entityType: 'appointment',
				entityId: appointmentId,
				patientId,
				detail: { reason: 'needles_unaccounted', sessionId: open.sessionId }
			});
			return {
				ok: false,
				code: 'needles_unaccounted',
				sessionId: open.sessionId,
				patientId,
				problem: open.problem,
				needlesIn: open.needlesIn,
				needlesOut: open.needlesOut
			};
		}

		const service = await getService(tx, appointment.service_id);
		const addOns = await findAddOnServices(tx, data.addOnServiceIds);
		if (addOns.length !== new Set(data.addOnServiceIds).size) return { ok: false, code: 'invalid', fields: { addOnServiceIds: 'billing.error.addOn' } };

		const serviceDate = localDate(Date.parse(appointment.starts_at), clinic.timeZone);
		// A self-pay visit marked to use a prepaid course is covered by it (issue #18): its service line costs nothing here.
		const cover =
			data.payer === 'self_pay' ? await packageCoverOfVisit(tx, { id: appointmentId, patientId, serviceId: service.id, serviceDate }, service) : null;
		const request = {
			serviceDate,
			service: cover ? { ...item(service), unitPriceJpy: 0 } : item(service),
			addOns: data.addOnServiceIds.map((id) => item(addOns.find((s) => s.id === id)!)),
			insurance: null
		};

		let consentId: string | null = null;
		let startsPeriod = false;
		let eligibility: InsuranceEligibility = { eligible: true };
		let insurance = null;
		let card: EligibilityCheckView | null = null;
		let sharePercent: TCreateCharge['sharePercent'] = null;
		if (data.payer === 'insurance') {
			const consents = (await listConsentRows(tx, patientId)).map((r) => ({ id: r.id, signedOn: r.signed_on, firstTreatmentOn: r.first_treatment_on }));
			const candidates = data.consentId === null ? consents : consents.filter((c) => c.id === data.consentId);
			if (data.consentId !== null && candidates.length === 0) return { ok: false, code: 'invalid', fields: { consentId: 'billing.error.consent' } };
			// The consent-validity version in force on the day a period starts (docs/jukyo-claim.md §4).
			const cover = consentForDate(candidates, serviceDate, await consentRulesInForce(tx));
			// The insurance of the visit is the month's eligibility check (docs/jukyo-inin.md §3), not the card on the patient's record.
			const check = await eligibilityForPatientVisit(tx, patientId, serviceDate);
			if (!cover.covered) eligibility = { eligible: false, reason: cover.reason };
			else if (!check.covered) eligibility = { eligible: false, reason: check.reason };
			else if (check.record.insurerNumber.trim() === '') eligibility = { eligible: false, reason: 'no_insurer_number' };
			else {
				// Not while a doctor treats the same condition under insurance (docs/jukyo-inin.md §6).
				const consented = (await listConsentRows(tx, patientId)).find((r) => r.id === cover.consent.id)!;
				const conditions = (JSON.parse(consented.conditions) as string[]).filter(isInsuredCondition);
				const blocking = doctorTreatmentsBlocking(await doctorTreatmentsOf(tx, patientId), conditions, serviceDate);
				if (blocking.length > 0) {
					eligibility = { eligible: false, reason: 'doctor_treats_condition' };
					await recordAudit(tx, actor, {
						action: 'charge.refused',
						entityType: 'appointment',
						entityId: appointmentId,
						patientId,
						detail: { reason: 'doctor_treats_condition', doctorTreatmentIds: blocking.map((b) => b.id) }
					});
				} else {
					consentId = cover.consent.id;
					startsPeriod = cover.startsPeriod;
					card = check.record;
				}
			}
			if (card) {
				const recordedShare = sharePercentFor(card.benefitPercent);
				if (recordedShare !== null && data.sharePercent !== null && data.sharePercent !== recordedShare)
					return { ok: false, code: 'invalid', fields: { sharePercent: 'jukyoRegistration.error.shareDiffers' } };
				sharePercent = recordedShare ?? data.sharePercent;
			} else sharePercent = data.sharePercent ?? 30;
			if (sharePercent === null) return { ok: false, code: 'invalid', fields: { sharePercent: 'billing.error.sharePercent' } };
			insurance = await insuranceVisit(tx, { ...data, sharePercent }, appointmentId, patientId);
			if (insurance.place && eligibility.eligible) {
				// A home visit before the 2024-10 fees, or without its tier, cannot be priced (docs/jukyo-claim.md §3).
				const schedule = versionOn(config.feeSchedules, serviceDate);
				const problem = schedule && homeVisitPricingProblem(serviceDate, insurance, insurance.place, schedule);
				if (problem) return { ok: false, code: 'invalid', fields: { visitPlace: HOME_VISIT_PRICING_LABELS[problem] } };
			}
			const licenceProblem = artsLicenceProblem(insurance.arts, await treatingLicences(tx, appointmentId, appointment.practitioner_id));
			if (licenceProblem) {
				await recordAudit(tx, actor, {
					action: 'charge.refused',
					entityType: 'appointment',
					entityId: appointmentId,
					patientId,
					detail: { reason: licenceProblem }
				});
				return { ok: false, code: 'licence_refused', reason: licenceProblem };
			}
		}

		const quote = quoteCharge({ ...request, insurance }, eligibility, config);
		if (!quote.ok) return { ok: false, code: 'insurance_refused', reason: quote.reason, selfPay: quote.selfPay };
		const charge = quote.charge;

		const chargeId = randomUUID();
		const at = now.toISOString();
		await insertCharge(tx, {
			id: chargeId,
			clinic_id: clinic.id,
			patient_id: patientId,
			appointment_id: appointmentId,
			service_date: serviceDate,
			payer: charge.payer,
			consent_id: consentId,
			share_percent: charge.insurance?.sharePercent ?? null,
			fee_schedule_from: charge.insurance?.scheduleFrom ?? null,
			insurance_fee_jpy: charge.insurance?.feeTotalJpy ?? 0,
			patient_share_jpy: charge.insurance?.patientShareJpy ?? 0,
			insurer_claim_jpy: charge.insurance?.insurerClaimJpy ?? 0,
			self_pay_jpy: charge.selfPayJpy,
			tax_rate_percent: charge.taxRatePercent,
			consumption_tax_jpy: charge.consumptionTaxJpy,
			due_jpy: charge.patientDueJpy,
			created_at: at,
			created_by: staffId
		});
		if (charge.payer === 'insurance') {
			// The claim goes to the insurer of the visit's day as the month's eligibility check gave it, whatever card is on record later.
			await insertChargeInsuranceCard(tx, {
				charge_id: chargeId,
				insurer_number: card!.insurerNumber,
				insurance_symbol: card!.insuranceSymbol,
				insurance_number: card!.insuranceNumber,
				insurance_branch: card!.insuranceBranch,
				eligibility_check_id: card!.id
			});
		}
		if (charge.payer === 'insurance' && insurance?.place) {
			await insertChargeHomeVisit(tx, {
				charge_id: chargeId,
				kind: insurance.place.kind,
				tier: insurance.place.tier,
				special_area: insurance.place.specialArea ? 1 : 0,
				reason: data.homeVisitReason!
			});
		}
		const services = [service, ...addOns];
		await insertChargeLines(
			tx,
			charge.lines.map((line, position) => ({
				id: randomUUID(),
				charge_id: chargeId,
				position,
				kind: line.kind,
				code: line.code,
				service_id: line.serviceId,
				...(cover && line.kind === 'service' ? cover.names : lineNames(line, services)),
				quantity: line.quantity,
				unit_price_jpy: line.unitPriceJpy,
				amount_jpy: line.amountJpy,
				taxable: line.taxable ? 1 : 0
			}))
		);
		if (cover) {
			const used = await usePackageForVisit(tx, appointmentId, { insured: false, chargeId }, actor, now);
			if (!used.ok) throw new Error(`the course covering visit ${appointmentId} could not be used: ${used.code}`);
		}
		if (startsPeriod && consentId) {
			await startConsentPeriod(tx, consentId, { firstTreatmentOn: serviceDate, expiresOn: consentExpiry(serviceDate, await consentRulesInForce(tx)) });
		}
		await recordAudit(tx, actor, {
			action: 'charge.create',
			entityType: 'charge',
			entityId: chargeId,
			patientId,
			detail: {
				appointmentId,
				payer: charge.payer,
				dueJpy: charge.patientDueJpy,
				insurerClaimJpy: charge.insurance?.insurerClaimJpy ?? 0,
				consentId,
				consentPeriodStarted: startsPeriod
			}
		});
		return { ok: true, chargeId, charge, consentId, consentPeriodStarted: startsPeriod };
	});
}

/** Why a home visit cannot be priced, as the charge form says it: a typed label map (issue #21). */
const HOME_VISIT_PRICING_LABELS: Record<NonNullable<ReturnType<typeof homeVisitPricingProblem>>, MessageKey> = {
	no_home_visit_fee: 'jukyoMonth.error.no_home_visit_fee',
	home_visit_without_tier: 'jukyoMonth.error.home_visit_without_tier'
};

function item(service: Service): ChargeItem {
	return { code: service.code, serviceId: service.id, unitPriceJpy: Number(service.price_jpy), quantity: 1 };
}

/** Service lines keep the service's names as they are today; insurance fees take the catalogue's. */
function lineNames(line: ComputedChargeLine, services: Service[]): { name_ja: string; name_en: string } {
	if (line.kind === 'insurance_fee' && !(INSURANCE_FEE_CODES as readonly string[]).includes(line.code)) {
		// Home-visit fees: named as the 申請書 names them.
		const key = FEE_ITEM_LABELS[line.code as FeeLineCode];
		return { name_ja: translate('ja', key), name_en: translate('en', key) };
	}
	if (line.kind === 'insurance_fee') {
		const key = INSURANCE_FEE_LABELS[line.code as InsuranceFeeCode];
		return { name_ja: translate('ja', key), name_en: translate('en', key) };
	}
	const service = services.find((s) => s.id === line.serviceId);
	return { name_ja: service?.name_ja ?? line.code, name_en: service?.name_en ?? line.code };
}

const ZSessionTechniques = z.object({ electroacupuncture: z.unknown().nullable(), moxibustion: z.unknown().nullable() });

/**
 * What the 療養費 fee depends on: given on the form, or read from the visit's session record
 * (needling with moxibustion is 2術; electroacupuncture adds 電療料). 初検料 is charged when the
 * patient has no earlier insured charge; the desk overrides it for a new course of treatment.
 */
async function insuranceVisit(db: Db, data: TCreateCharge, appointmentId: string, patientId: string) {
	const session = await findNewestVisitSession(db, appointmentId);
	const techniques = session ? ZSessionTechniques.safeParse(JSON.parse(session.techniques)) : null;
	const moxibustion = techniques?.success === true && techniques.data.moxibustion !== null;
	const needling = session !== undefined && Number(session.needles_in) > 0;
	const recordedArts: InsuranceArts = moxibustion && needling ? 'combined' : 'single';
	const recordedElectro = techniques?.success === true && techniques.data.electroacupuncture !== null;
	let initialExam = data.initialExam;
	if (initialExam === null) {
		const earlier = await db.kysely
			.selectFrom('charge')
			.select('id')
			.where('patient_id', '=', patientId)
			.where('payer', '=', 'insurance')
			.where(({ not, exists, selectFrom }) => not(exists(selectFrom('charge_void').select('charge_id').whereRef('charge_void.charge_id', '=', 'charge.id'))))
			.executeTakeFirst();
		initialExam = earlier === undefined;
	}
	const place =
		data.visitPlace === 'clinic'
			? null
			: { kind: data.visitPlace, tier: data.visitPlace === 'home_visit' ? data.homeVisitTier : null, specialArea: data.specialArea };
	return { sharePercent: data.sharePercent!, initialExam, arts: data.arts ?? recordedArts, electro: data.electro ?? recordedElectro, place };
}

/**
 * The licences of whoever treated the visit: the practitioner of its session (the newest, as the
 * fee reads it), else the visit's booked practitioner. None when neither is known.
 */
async function treatingLicences(db: Db, appointmentId: string, practitionerId: string | null): Promise<Licences> {
	const session = await findNewestVisitSession(db, appointmentId);
	if (session) return licencesOf(db, session.practitioner_staff_id);
	if (practitionerId === null) return { hari: false, kyu: false };
	const row = await findPractitionerLicences(db, practitionerId);
	return { hari: Boolean(row?.hari_licence), kyu: Boolean(row?.kyu_licence) };
}
