import { z } from 'zod';

export const ZStaffRoleSchema = z.enum(['owner', 'practitioner', 'reception']);

export const ZInviteStaffSchema = z.object({
	email: z.email().trim().max(254),
	role: ZStaffRoleSchema
});

export const ZTeamChangeSchema = z.object({
	staffId: z.uuid(),
	role: ZStaffRoleSchema.optional(),
	disabled: z.enum(['0', '1']).optional()
});

export const ZAcceptInvitationSchema = z.object({
	displayName: z.string().trim().min(1).max(80),
	password: z.string().min(1).max(1024)
});

export const ZRevokeInvitationSchema = z.object({ invitationId: z.uuid() });
