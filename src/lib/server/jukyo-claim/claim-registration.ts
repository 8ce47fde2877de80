import type { ClinicRegistrationForClaim } from '../../domain/jukyo-claim/claim-input';
import type { Db } from '../db/database';

/**
 * The clinic's 受領委任 registration as the claim form needs it. Today's clinic settings hold only
 * the name, address and phone; the 施術管理者, 登録記号番号, 保健所登録区分 and the bank account come
 * with the clinic's 受領委任 registration settings (issue #19) and stay null here until that is
 * wired in, so every draft names them as missing and the form leaves them blank.
 */
export async function loadClinicRegistrationForClaim(db: Db): Promise<ClinicRegistrationForClaim> {
	const clinic = await db.kysely.selectFrom('clinic').select(['name_ja', 'postal_code', 'address_ja', 'phone']).executeTakeFirst();
	const text = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : null);
	return {
		clinicName: text(clinic?.name_ja),
		postalCode: text(clinic?.postal_code),
		address: text(clinic?.address_ja),
		phone: text(clinic?.phone),
		managerName: null,
		registrationNumber: null,
		healthCentreKind: null,
		bank: null
	};
}
