import { z } from 'zod';
import { updateClinicDetails, ZClinicDetailsSchema } from '$lib/server/clinic/clinic-details';
import { setReceptionReadsClinical, setReceptionTotpOptional } from '$lib/server/clinic/security-settings';
import { setInvoiceRegistrationNumber, ZInvoiceRegistrationSchema } from '$lib/server/clinic/invoice-registration';
import { setOffersCupping } from '$lib/server/clinic/treatment-settings';
import { parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import type { Actions, PageServerLoad } from './$types';
import { recentClinic } from '$lib/server/clinic/clinic-settings';

const ZSecuritySettingsSchema = z.object({
	receptionTotpOptional: z.literal('on').optional(),
	receptionReadsClinical: z.literal('on').optional()
});

const ZTreatmentSettingsSchema = z.object({ offersCupping: z.literal('on').optional() });

export const load: PageServerLoad = async ({ locals }) => {
	const clinic = await recentClinic(locals.db);
	return {
		receptionTotpOptional: clinic?.reception_totp_optional === 1,
		receptionReadsClinical: clinic?.reception_reads_clinical === 1,
		offersCupping: clinic?.offers_cupping !== 0,
		invoiceRegistrationNumber: clinic?.invoice_registration_number ?? '',
		details: {
			nameJa: clinic?.name_ja ?? '',
			nameEn: clinic?.name_en ?? '',
			postalCode: clinic?.postal_code ?? '',
			addressJa: clinic?.address_ja ?? '',
			addressEn: clinic?.address_en ?? '',
			phone: clinic?.phone ?? '',
			email: clinic?.email ?? '',
			accessJa: clinic?.access_ja ?? '',
			accessEn: clinic?.access_en ?? '',
			operatorNameJa: clinic?.operator_name_ja ?? '',
			operatorNameEn: clinic?.operator_name_en ?? '',
			representativeJa: clinic?.representative_ja ?? '',
			representativeEn: clinic?.representative_en ?? '',
			operatorAddressJa: clinic?.operator_address_ja ?? '',
			operatorAddressEn: clinic?.operator_address_en ?? ''
		}
	};
};

export const actions: Actions = {
	details: async (event) => {
		const form = await parseForm(event.request, ZClinicDetailsSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		await updateClinicDetails(event.locals.db, form.data, actorFrom(event));
		return { saved: 'details' as const };
	},
	security: async (event) => {
		const form = await parseForm(event.request, ZSecuritySettingsSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		await setReceptionTotpOptional(event.locals.db, form.data.receptionTotpOptional === 'on', actorFrom(event));
		await setReceptionReadsClinical(event.locals.db, form.data.receptionReadsClinical === 'on', actorFrom(event));
		return { saved: 'security' as const };
	},
	invoice: async (event) => {
		const form = await parseForm(event.request, ZInvoiceRegistrationSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		await setInvoiceRegistrationNumber(event.locals.db, form.data, actorFrom(event));
		return { saved: 'invoice' as const };
	},
	treatment: async (event) => {
		const form = await parseForm(event.request, ZTreatmentSettingsSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		await setOffersCupping(event.locals.db, form.data.offersCupping === 'on', actorFrom(event));
		return { saved: 'treatment' as const };
	}
};
