import type { ClinicRegistrationForClaim } from '../../domain/jukyo-claim/claim-input';
import type { Db } from '../db/database';
import { loadJukyoRegistration } from '../jukyo/registration';
import { findClinic } from '../clinic/clinic-repository';

/**
 * The clinic's 受領委任 registration (the owner's settings, server/jukyo) as the claim form needs
 * it: the 施術所, its はり・きゅう 施術管理者 with the 登録記号番号, the 保健所 届出 and the bank
 * account. Where the registration has no facility yet, the clinic's own name, address and phone
 * stand in. What is still missing stays null, so every draft names it and the form leaves it blank.
 */
export async function loadClinicRegistrationForClaim(db: Db): Promise<ClinicRegistrationForClaim> {
	const [{ registration, practitioners }, clinic] = await Promise.all([loadJukyoRegistration(db), findClinic(db)]);
	const text = (value: string | null | undefined) => (value && value.trim() !== '' ? value.trim() : null);
	const { facility, account } = registration;
	const manager = registration.managers.find((m) => m.licence === 'harikyu');
	const managerName = manager?.practitionerId ? (practitioners.find((p) => p.id === manager.practitionerId)?.nameJa ?? null) : null;
	const bankComplete =
		account.depositKind !== null && [account.bankName, account.branchName, account.accountNumber, account.holderKana].every((v) => text(v) !== null);
	return {
		clinicName: text(facility.name) ?? text(clinic?.name_ja),
		postalCode: text(facility.postalCode) ?? text(clinic?.postal_code),
		address: text(facility.address) ?? text(clinic?.address_ja),
		phone: text(facility.phone) ?? text(clinic?.phone),
		managerName: text(managerName),
		registrationNumber: text(manager?.registrationNumber),
		healthCentreKind: facility.filingKind === 'clinic_address' ? 'clinic' : facility.filingKind === 'home_visit_only' ? 'travelling' : null,
		// The registration keeps the bank and branch names as printed, kinds included (「みらい銀行」「小岩支店」).
		bank: bankComplete
			? {
					bankName: account.bankName,
					bankKind: '',
					branchName: account.branchName,
					branchKind: '',
					accountType: account.depositKind!,
					accountNumber: account.accountNumber,
					holderKana: account.holderKana
				}
			: null
	};
}
