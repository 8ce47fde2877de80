import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db, DialectName } from './database';
import { foundation } from './migrations/0001_foundation';
import { mailOutbox } from './migrations/0002_mail_outbox';
import { clinicPage } from './migrations/0003_clinic_page';
import { scheduling } from './migrations/0004_scheduling';
import { icalTokens } from './migrations/0005_ical_tokens';
import { patientRegister } from './migrations/0006_patient_register';
import { patientPortal } from './migrations/0007_patient_portal';
import { patientSearchIndexes } from './migrations/0008_patient_search_indexes';
import { examination } from './migrations/0009_examination';
import { treatmentPlan } from './migrations/0010_treatment_plan';
import { treatmentSession } from './migrations/0011_treatment_session';
import { clinicOffersCupping } from './migrations/0012_clinic_offers_cupping';
import { clinicInstrumentScores } from './migrations/0013_clinic_instrument_scores';
import { billing } from './migrations/0014_billing';
import { reportIndexes } from './migrations/0015_report_indexes';
import { chargeInsuranceCard } from './migrations/0016_charge_insurance_card';
import { sessionSafety } from './migrations/0017_session_safety';
import { selfCheckFlags } from './migrations/0018_self_check_flags';
import { consentChannel } from './migrations/0019_consent_channel';
import { retentionAndOperator } from './migrations/0020_retention_and_operator';
import { staffSecondFactor } from './migrations/0021_staff_second_factor';
import { auditKeyedChain } from './migrations/0022_audit_keyed_chain';
import { patientEmailSource } from './migrations/0023_patient_email_source';
import { rateLimitEntries } from './migrations/0024_rate_limit_entries';
import { attendanceAnswer } from './migrations/0025_attendance_answer';
import { desk } from './migrations/0028_desk';
import { waitlist } from './migrations/0029_waitlist';
import { seriesAndBookingControls } from './migrations/0030_series_and_booking_controls';
import { cancellationPolicyRecall } from './migrations/0031_cancellation_policy_recall';
import { lineChannel } from './migrations/0032_line_channel';
import { profiles } from './migrations/0033_profiles';
import { deskFollowup } from './migrations/0034_desk_followup';
import { practitionerPhoto } from './migrations/0035_practitioner_photo';
import { packages } from './migrations/0036_packages';
import { jukyoRegistration } from './migrations/0037_jukyo_registration';
import { jukyoFeeVersions } from './migrations/0038_jukyo_fee_versions';
import { readPathIndexes } from './migrations/0039_read_path_indexes';
import { monthlyPlans } from './migrations/0040_monthly_plans';
import { jukyoClaimStatus } from './migrations/0043_jukyo_claim_status';
import { jukyoDoctorReport } from './migrations/0044_jukyo_doctor_report';
import { chargeHomeVisit } from './migrations/0045_charge_home_visit';
import { auditOneSuccessor } from './migrations/0046_audit_one_successor';
import { packageNotices } from './migrations/0048_package_notices';
import { eligibilityInsured } from './migrations/0049_eligibility_insured';
import { claimOutcome } from './migrations/0050_claim_outcome';
import { insurerPaymentReversal } from './migrations/0051_insurer_payment_reversal';
import { doctorReportWithoutFee } from './migrations/0052_doctor_report_without_fee';

/** Every migration, in order. Names never change once released. */
export function allMigrations(dialect: DialectName): Record<string, Migration> {
	return {
		'0001_foundation': foundation(dialect),
		'0002_mail_outbox': mailOutbox,
		'0003_clinic_page': clinicPage,
		'0004_scheduling': scheduling,
		'0005_ical_tokens': icalTokens,
		'0006_patient_register': patientRegister,
		'0007_patient_portal': patientPortal(dialect),
		'0008_patient_search_indexes': patientSearchIndexes(dialect),
		'0009_examination': examination(dialect),
		'0010_treatment_plan': treatmentPlan(dialect),
		'0011_treatment_session': treatmentSession(dialect),
		'0012_clinic_offers_cupping': clinicOffersCupping(dialect),
		'0013_clinic_instrument_scores': clinicInstrumentScores(dialect),
		'0014_billing': billing(dialect),
		'0015_report_indexes': reportIndexes,
		'0016_charge_insurance_card': chargeInsuranceCard(dialect),
		'0017_session_safety': sessionSafety(dialect),
		'0018_self_check_flags': selfCheckFlags,
		'0019_consent_channel': consentChannel(dialect),
		'0020_retention_and_operator': retentionAndOperator(dialect),
		'0021_staff_second_factor': staffSecondFactor(dialect),
		'0022_audit_keyed_chain': auditKeyedChain(dialect),
		'0023_patient_email_source': patientEmailSource,
		'0024_rate_limit_entries': rateLimitEntries,
		'0025_attendance_answer': attendanceAnswer,
		'0028_desk': desk,
		'0029_waitlist': waitlist,
		'0030_series_and_booking_controls': seriesAndBookingControls,
		'0031_cancellation_policy_recall': cancellationPolicyRecall,
		'0032_line_channel': lineChannel,
		'0033_profiles': profiles,
		'0034_desk_followup': deskFollowup,
		'0035_practitioner_photo': practitionerPhoto,
		'0036_packages': packages(dialect),
		'0037_jukyo_registration': jukyoRegistration,
		'0038_jukyo_fee_versions': jukyoFeeVersions,
		'0039_read_path_indexes': readPathIndexes,
		'0040_monthly_plans': monthlyPlans(dialect),
		'0043_jukyo_claim_status': jukyoClaimStatus,
		'0044_jukyo_doctor_report': jukyoDoctorReport,
		'0045_charge_home_visit': chargeHomeVisit(dialect),
		'0046_audit_one_successor': auditOneSuccessor,
		'0048_package_notices': packageNotices,
		'0049_eligibility_insured': eligibilityInsured,
		'0050_claim_outcome': claimOutcome,
		'0051_insurer_payment_reversal': insurerPaymentReversal,
		'0052_doctor_report_without_fee': doctorReportWithoutFee
	};
}

export class SchemaTooNewError extends Error {
	constructor(readonly unknownMigrations: string[]) {
		super(
			`The database schema is newer than this version of shinkyu (unknown migrations: ${unknownMigrations.join(', ')}). ` +
				'Upgrade shinkyu to the version that wrote this database, or restore a backup made with this version.'
		);
		this.name = 'SchemaTooNewError';
	}
}

export interface MigrationReport {
	applied: string[];
	isNewDatabase: boolean;
}

export async function migrateToLatest(db: Db): Promise<MigrationReport> {
	const migrations = allMigrations(db.dialect);
	const provider: MigrationProvider = { getMigrations: async () => migrations };
	const migrator = new Migrator({ db: db.kysely, provider });

	const known = new Set(Object.keys(migrations));
	const executed = (await migrator.getMigrations()).filter((m) => m.executedAt);
	const stored = await storedMigrationNames(db);
	const unknown = stored.filter((name) => !known.has(name));
	if (unknown.length > 0) throw new SchemaTooNewError(unknown);

	const { error, results } = await migrator.migrateToLatest();
	if (error) throw error;
	return {
		applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
		isNewDatabase: executed.length === 0
	};
}

async function storedMigrationNames(db: Db): Promise<string[]> {
	const tables = await db.kysely.introspection.getTables({ withInternalKyselyTables: true });
	if (!tables.some((t) => t.name === 'kysely_migration')) return [];
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's own bookkeeping table
	const rows = await (db.kysely as any).selectFrom('kysely_migration').select('name').execute();
	return rows.map((r: { name: string }) => r.name);
}
