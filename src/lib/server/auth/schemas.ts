import { z } from 'zod';

export const ZSignInSchema = z.object({
	email: z.string().trim().min(1).max(254),
	password: z.string().min(1).max(1024),
	/** Optional in the API: lets a script with an authenticator finish both steps in one request. */
	code: z.string().trim().max(32).optional()
});
export type TSignIn = z.infer<typeof ZSignInSchema>;

export const ZSecondFactorSchema = z.object({ code: z.string().trim().min(1).max(32) });

/** The password typed again before a new TOTP secret is shown (issue #16). */
export const ZConfirmPasswordSchema = z.object({ password: z.string().min(1).max(1024) });

/** The password or a current TOTP code, before new recovery codes are made (issue #16). */
export const ZRecoveryProofSchema = z.object({ proof: z.string().min(1).max(1024) });

export const ZChangePasswordSchema = z.object({
	currentPassword: z.string().min(1).max(1024),
	newPassword: z.string().min(1).max(1024)
});
