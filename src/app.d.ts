import type { Locale } from '$lib/i18n/locales';
import type { Db } from '$lib/server/db/database';
import type { Mailer } from '$lib/server/mail/mailer';
import type { SecretBox } from '$lib/server/auth/secret-box';
import type { StaffSession } from '$lib/server/auth/session';
import type { PatientSession } from '$lib/server/portal/patient-session';

declare global {
	namespace App {
		interface Error {
			message: string;
			errorId?: string;
		}
		interface Locals {
			requestId: string;
			/** Where links the app sends point: ORIGIN, never the request's Host (server/config.ts). */
			origin: string;
			locale: Locale;
			db: Db;
			mailer: Mailer;
			secrets: SecretBox;
			session: StaffSession | null;
			patientSession: PatientSession | null;
		}
		interface PageData {
			locale?: Locale;
		}
	}
}

export {};
