import { listPatientPackages } from '../packages/patient-packages';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';

/*
 * "Download my data": everything the clinic holds about the signed-in patient, as the APPI
 * disclosure right asks (docs/clinical-rules.md §6). Internal keys (search keys, token hashes, staff ids) and
 * staff-only notes are left out; every query is scoped to the one patient id.
 */

export const EXPORT_FORMAT_VERSION = 1;

/** Stored JSON, parsed; kept as text if it is not JSON after all. */
function parsedJson(text: string | null): unknown {
	if (text === null) return null;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

export async function exportPatientData(db: Db, patientId: string, actor: AuditActor, now = db.clock.now()) {
	const patient = await db.kysely.selectFrom('patient').selectAll().where('id', '=', patientId).executeTakeFirst();
	if (!patient) return null;
	const [appointments, intakes, signatures, checkIns, scores, sideEffects, aftercare, deletionRequests] = await Promise.all([
		db.kysely
			.selectFrom('appointment')
			.innerJoin('practitioner', 'practitioner.id', 'appointment.practitioner_id')
			.leftJoin('service', 'service.id', 'appointment.service_id')
			.select([
				'appointment.id',
				'appointment.starts_at',
				'appointment.ends_at',
				'appointment.status',
				'appointment.source',
				'appointment.first_visit',
				'appointment.triage',
				'appointment.triage_level',
				'appointment.triage_reasons',
				'appointment.triage_given_at',
				'appointment.locale',
				'appointment.created_at',
				'appointment.cancelled_at',
				'service.name_ja as service_ja',
				'service.name_en as service_en',
				'practitioner.family_name_ja',
				'practitioner.given_name_ja',
				'practitioner.family_name_en',
				'practitioner.given_name_en'
			])
			.where('appointment.patient_id', '=', patientId)
			.where('appointment.status', '!=', 'blocked')
			.orderBy('appointment.starts_at')
			.execute(),
		db.kysely
			.selectFrom('intake')
			.select(['id', 'appointment_id', 'status', 'current_step', 'answers', 'red_flag_level', 'created_at', 'updated_at', 'submitted_at'])
			.where('patient_id', '=', patientId)
			.orderBy('created_at')
			.execute(),
		db.kysely
			.selectFrom('consent_signature')
			.innerJoin('consent_document', 'consent_document.id', 'consent_signature.document_id')
			.select([
				'consent_signature.id',
				'consent_signature.agreed',
				'consent_signature.signed_name',
				'consent_signature.signed_at',
				'consent_signature.ip',
				'consent_signature.user_agent',
				'consent_signature.recorded_by_staff_id',
				'consent_signature.channel',
				'consent_document.kind',
				'consent_document.version',
				'consent_document.title_ja',
				'consent_document.title_en',
				'consent_document.body_ja',
				'consent_document.body_en'
			])
			.where('consent_signature.patient_id', '=', patientId)
			.orderBy('consent_signature.signed_at')
			.execute(),
		db.kysely
			.selectFrom('outcome_check_in')
			.select(['id', 'appointment_id', 'recorded_at', 'source', 'leg_pain', 'back_pain', 'psfs', 'sbi', 'pgic'])
			.where('patient_id', '=', patientId)
			.orderBy('recorded_at')
			.execute(),
		db.kysely
			.selectFrom('clinic_instrument_score')
			.select(['id', 'appointment_id', 'instrument_code', 'recorded_at', 'answers', 'score'])
			.where('patient_id', '=', patientId)
			.orderBy('recorded_at')
			.execute(),
		db.kysely
			.selectFrom('side_effect_report')
			.select(['id', 'appointment_id', 'created_at', 'kind', 'severity', 'description', 'handled_at'])
			.where('patient_id', '=', patientId)
			.orderBy('created_at')
			.execute(),
		db.kysely
			.selectFrom('aftercare_note')
			.select(['id', 'created_at', 'body'])
			.where('patient_id', '=', patientId)
			.where('shared_with_patient', '=', 1)
			.orderBy('created_at')
			.execute(),
		db.kysely
			.selectFrom('deletion_request')
			.select(['id', 'created_at', 'reason', 'status', 'handled_at', 'response'])
			.where('patient_id', '=', patientId)
			.orderBy('created_at')
			.execute()
	]);
	// The LINE user id is personal data too (issue #20): the patient gets it with their data.
	const lineLink = await db.kysely
		.selectFrom('line_link')
		.select(['line_user_id', 'channels', 'consent_version', 'linked_at'])
		.where('patient_id', '=', patientId)
		.executeTakeFirst();
	// How the clinic confirmed the patient's insurance (issue #19): their own insurance data.
	const eligibilityChecks = await db.kysely
		.selectFrom('eligibility_check')
		.select([
			'id',
			'checked_on',
			'method',
			'result',
			'insurance_kind',
			'holder_kind',
			'benefit_percent',
			'insurer_number',
			'insurance_symbol',
			'insurance_number',
			'insurance_branch',
			'valid_from',
			'valid_until',
			'public_payer_number',
			'public_recipient_number'
		])
		.where('patient_id', '=', patientId)
		.orderBy('checked_at')
		.execute();
	// Prepaid courses the patient holds or may use, with each use (issue #18); the export's own audit row covers the read.
	const packages = await listPatientPackages(db, patientId, actor, { now, audit: false });
	await recordAudit(db, actor, { action: 'portal.data_export', entityType: 'patient', entityId: patientId, patientId });
	return {
		packages: packages.map((p) => ({
			// A family member's course the patient may use: its money is the holder's, not theirs.
			...(p.holderPatientId === patientId
				? {
						priceJpy: p.priceJpy,
						paidJpy: p.paidJpy,
						refund: p.refund ? { at: p.refund.at, refundJpy: p.refund.computation.refundJpy, feeJpy: p.refund.computation.feeJpy } : null
					}
				: { sharedWithMe: true }),
			name: { ja: p.nameJa, en: p.nameEn },
			soldOn: p.soldOn,
			validThrough: p.validThrough,
			visitCount: p.visitCount,
			remainingVisits: p.remainingVisits,
			expiredVisits: p.expiredVisits,
			status: p.status,
			// Only this patient's own uses: a shared course's family members' visits are theirs.
			uses: p.uses.filter((u) => u.patientId === patientId).map((u) => ({ visitNumber: u.visitNumber, at: u.at }))
		})),
		eligibilityChecks: eligibilityChecks.map((c) => ({
			id: c.id,
			checkedOn: c.checked_on,
			method: c.method,
			result: c.result,
			insuranceKind: c.insurance_kind,
			holderKind: c.holder_kind,
			benefitPercent: c.benefit_percent,
			insurerNumber: c.insurer_number,
			symbol: c.insurance_symbol,
			number: c.insurance_number,
			branch: c.insurance_branch,
			validFrom: c.valid_from,
			validUntil: c.valid_until,
			publicPayerNumber: c.public_payer_number,
			publicRecipientNumber: c.public_recipient_number
		})),
		line: lineLink
			? { userId: lineLink.line_user_id, channels: lineLink.channels, consentVersion: lineLink.consent_version, linkedAt: lineLink.linked_at }
			: null,
		format: 'shinkyu.patient-export',
		version: EXPORT_FORMAT_VERSION,
		exportedAt: now.toISOString(),
		patient: {
			id: patient.id,
			patientNumber: patient.patient_number,
			familyName: patient.family_name,
			givenName: patient.given_name,
			familyNameKana: patient.family_name_kana,
			givenNameKana: patient.given_name_kana,
			email: patient.email,
			phone: patient.phone,
			dateOfBirth: patient.date_of_birth,
			sex: patient.sex,
			postalCode: patient.postal_code,
			address: patient.address,
			emergencyContact: patient.emergency_contact,
			insurance: {
				insurerNumber: patient.insurer_number,
				symbol: patient.insurance_symbol,
				number: patient.insurance_number,
				branch: patient.insurance_branch
			},
			preferredLocale: patient.preferred_locale,
			createdAt: patient.created_at,
			updatedAt: patient.updated_at
		},
		appointments: appointments.map((a) => ({
			id: a.id,
			startsAt: a.starts_at,
			endsAt: a.ends_at,
			status: a.status,
			source: a.source,
			firstVisit: a.first_visit === 1,
			selfCheck: parsedJson(a.triage),
			// What the clinic made of those answers, and when they were given (docs/clinical-rules.md §1).
			selfCheckResult: a.triage_level === null ? null : { level: a.triage_level, reasons: parsedJson(a.triage_reasons), givenAt: a.triage_given_at },
			locale: a.locale,
			createdAt: a.created_at,
			cancelledAt: a.cancelled_at,
			service: a.service_ja === null ? null : { ja: a.service_ja, en: a.service_en },
			practitioner: { ja: `${a.family_name_ja} ${a.given_name_ja}`, en: `${a.given_name_en} ${a.family_name_en}` }
		})),
		intakes: intakes.map((i) => ({
			id: i.id,
			appointmentId: i.appointment_id,
			status: i.status,
			currentStep: i.current_step,
			answers: parsedJson(i.answers),
			redFlagLevel: i.red_flag_level,
			createdAt: i.created_at,
			updatedAt: i.updated_at,
			submittedAt: i.submitted_at
		})),
		consents: signatures.map((s) => ({
			id: s.id,
			agreed: s.agreed === 1,
			signedName: s.signed_name,
			signedAt: s.signed_at,
			ip: s.ip,
			userAgent: s.user_agent,
			recordedByStaff: s.recorded_by_staff_id !== null,
			channel: s.channel,
			document: { kind: s.kind, version: s.version, title: { ja: s.title_ja, en: s.title_en }, text: { ja: s.body_ja, en: s.body_en } }
		})),
		outcomeCheckIns: checkIns.map((c) => ({
			id: c.id,
			appointmentId: c.appointment_id,
			recordedAt: c.recorded_at,
			source: c.source,
			legPain: c.leg_pain,
			backPain: c.back_pain,
			psfs: parsedJson(c.psfs),
			sbi: parsedJson(c.sbi),
			pgic: c.pgic
		})),
		// The clinic's own questionnaires (issue #7): the answers are the patient's own words, so they go too.
		questionnaireScores: scores.map((q) => ({
			id: q.id,
			appointmentId: q.appointment_id,
			instrument: q.instrument_code,
			recordedAt: q.recorded_at,
			answers: parsedJson(q.answers),
			score: Number(q.score)
		})),
		sideEffectReports: sideEffects.map((r) => ({
			id: r.id,
			appointmentId: r.appointment_id,
			createdAt: r.created_at,
			kind: r.kind,
			severity: r.severity,
			description: r.description,
			handledAt: r.handled_at
		})),
		aftercareNotes: aftercare.map((n) => ({ id: n.id, createdAt: n.created_at, text: n.body })),
		deletionRequests: deletionRequests.map((d) => ({
			id: d.id,
			createdAt: d.created_at,
			reason: d.reason,
			status: d.status,
			handledAt: d.handled_at,
			response: d.response
		}))
	};
}

export type PatientDataExport = NonNullable<Awaited<ReturnType<typeof exportPatientData>>>;
