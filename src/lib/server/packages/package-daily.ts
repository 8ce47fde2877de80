import { dueExpiryNotice } from '../../domain/packages/expiry-notice';
import { packageState } from '../../domain/packages/ledger';
import { lastValidDay } from '../../domain/packages/terms';
import { addDays, daysFrom } from '../../domain/time';
import { translate } from '../../i18n/translate';
import type { Locale } from '../../i18n/locales';
import { clinicToday, findBillingClinic } from '../billing/billing-repository';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { enqueueJobOnce, hasPendingJob } from '../jobs/queue';
import { notifyPatient } from '../messaging/notify-patient';
import { expirePackages } from './expire-packages';
import { renewPlans } from './monthly-plans';
import { insertExpiryNotice, loadPackage, sentExpiryNotices } from './package-repository';
import { findPatient } from '../patients/patient-repository';
import { findClinic } from '../clinic/clinic-repository';

/*
 * The daily run of prepaid courses (issue #18), kept queued on the durable job table as the
 * never-came deletion is: one job per clinic-local day, whichever instance queues it first.
 * It writes the expiry of courses past their day, and tells each holder 30 and 7 days before the
 * last valid day that visits are left (mail and LINE by the patient's channels, `notifyPatient`);
 * a notice whose day a missed run skipped goes with the next run (`dueExpiryNotice`).
 */
export const PACKAGE_DAILY_JOB = 'packages.daily';
const DAY_MS = 86_400_000;

async function enqueueRun(db: Db, runAt: Date, now: Date): Promise<void> {
	const day = clinicToday(await findBillingClinic(db), runAt);
	await enqueueJobOnce(db, `${PACKAGE_DAILY_JOB}:${day}`, { kind: PACKAGE_DAILY_JOB, payload: {}, runAt }, now);
}

/** At start: makes sure a run is queued (now) when none is pending. */
export async function schedulePackageDaily(db: Db, now = db.clock.now()): Promise<void> {
	const clinic = await findClinic(db);
	if (!clinic) return;
	if (!(await hasPendingJob(db, PACKAGE_DAILY_JOB))) await enqueueRun(db, now, now);
}

/** The job: monthly plans' renewals, expiries, the notices due today, then tomorrow's run. */
export async function runPackageDaily(db: Db, origin: string, now = db.clock.now()): Promise<{ expired: string[]; noticed: string[] }> {
	await renewPlans(db, { now });
	const expired = await expirePackages(db, { now });
	const noticed = await sendExpiryNotices(db, origin, now);
	await enqueueRun(db, new Date(now.getTime() + DAY_MS), now);
	return { expired, noticed };
}

/**
 * The expiry notices owed today (`dueExpiryNotice`): for courses with visits left whose last valid
 * day is at most 30 days away. Each notice is written to `package_notice` in the transaction that
 * queues its message, so it goes once even when two runs meet.
 */
export async function sendExpiryNotices(db: Db, origin: string, now = db.clock.now()): Promise<string[]> {
	const today = clinicToday(await findBillingClinic(db), now);
	// expires_on is the day after the last valid day.
	const sales = await db.kysely
		.selectFrom('package_sale')
		.select('id')
		.where('expires_on', '>', today)
		.where('expires_on', '<=', addDays(today, 31))
		// A month of a monthly plan renews rather than expires: no notice (monthly-plans.ts).
		.where('id', 'not in', db.kysely.selectFrom('package_plan_period').select('package_sale_id'))
		.orderBy('id')
		.execute();
	const noticed: string[] = [];
	for (const { id } of sales) {
		const sent = await withTransaction(db, (tx) => sendExpiryNotice(tx, id, origin, today, now));
		if (sent) noticed.push(id);
	}
	return noticed;
}

async function sendExpiryNotice(tx: Db, saleId: string, origin: string, today: string, now: Date): Promise<boolean> {
	const pkg = await loadPackage(tx, saleId, { lock: true });
	if (!pkg || pkg.voided) return false;
	const state = packageState(pkg.terms, pkg.entries, today, pkg.sale.expires_on);
	if (state.status !== 'active' || state.remainingVisits === 0) return false;
	const sent = await sentExpiryNotices(tx, saleId);
	const lastDay = lastValidDay(pkg.sale.expires_on);
	const due = dueExpiryNotice(daysFrom(today, lastDay), sent);
	if (due === null) return false;
	const patient = await findPatient(tx, pkg.sale.patient_id, ['email', 'preferred_locale', 'family_name']);
	if (!patient) return false;
	await insertExpiryNotice(tx, { package_sale_id: saleId, days_before: due, sent_at: now.toISOString() });
	const locale: Locale = patient.preferred_locale === 'en' ? 'en' : 'ja';
	const params = {
		name: locale === 'ja' ? pkg.sale.name_ja : pkg.sale.name_en,
		remaining: state.remainingVisits,
		date: lastDay,
		familyName: patient.family_name
	};
	const path = locale === 'ja' ? '/portal' : '/en/portal';
	await notifyPatient(
		tx,
		pkg.sale.patient_id,
		{
			mail: {
				to: patient.email ?? '',
				subject: translate(locale, 'packages.notice.subject', params),
				text: `${translate(locale, 'packages.notice.text', params)}\n\n${origin}${path}`,
				kind: 'packages.expiry_notice'
			},
			line: { kind: 'link', titleKey: 'packages.notice.subject', path }
		},
		undefined,
		now
	);
	return true;
}
