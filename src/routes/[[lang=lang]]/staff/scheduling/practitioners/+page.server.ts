import { listPractitionerSummaries } from '$lib/server/scheduling-settings/practitioner-settings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ practitioners: await listPractitionerSummaries(locals.db) });
