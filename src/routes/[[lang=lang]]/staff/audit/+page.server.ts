import { fieldErrorsFrom } from '$lib/server/http/field-errors';
import { listAuditEntries } from '$lib/server/audit/audit-log';
import { lastAuditVerification } from '$lib/server/audit/scheduled-verification';
import { ZAuditFilterSchema } from '$lib/server/audit/schemas';
import { listStaff } from '$lib/server/staff/staff-repository';
import { localDayRange } from '$lib/domain/time';
import type { PageServerLoad } from './$types';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''));
	const parsed = ZAuditFilterSchema.safeParse(raw);
	const filter = parsed.success ? parsed.data : {};
	const timeZone = await recentClinicTimeZone(locals.db);
	const page = filter.page ?? 1;
	const staff = await listStaff(locals.db);
	const actor = filter.actor ? staff.find((s) => s.email === filter.actor || s.id === filter.actor) : undefined;
	const rows = await listAuditEntries(locals.db, {
		action: filter.action,
		actorId: filter.actor ? (actor?.id ?? filter.actor) : undefined,
		patientId: filter.patient,
		from: filter.from ? localDayRange(filter.from, timeZone).start : undefined,
		to: filter.to ? localDayRange(filter.to, timeZone).end : undefined,
		limit: PAGE_SIZE + 1,
		offset: (page - 1) * PAGE_SIZE
	});
	// The outcome of the last scheduled verification: hashing the whole log on each visit cost seconds.
	const chain = await lastAuditVerification(locals.db);
	const names = new Map(staff.map((s) => [s.id, s.display_name]));
	return {
		timeZone,
		filter: raw,
		errors: parsed.success ? {} : fieldErrorsFrom(parsed.error, locals.locale, raw),
		page,
		hasOlder: rows.length > PAGE_SIZE,
		chain,
		entries: rows.slice(0, PAGE_SIZE).map((r) => ({
			seq: String(r.seq),
			at: r.at,
			actor: r.actor_type === 'staff' ? (names.get(r.actor_id ?? '') ?? r.actor_id) : r.actor_type,
			action: r.action,
			record: [r.entity_type, r.entity_id].filter(Boolean).join(' '),
			patient: r.patient_id,
			ip: r.ip
		})),
		staff: staff.map((s) => ({ email: s.email, name: s.display_name }))
	};
};
