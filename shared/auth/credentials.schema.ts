import { z } from 'zod';
import { objectIdSchema } from '../http/object-id.schema';
import { passwordSchema, roleSchema, userSchema } from './auth.schema';

/** An API token as listed: never the secret itself, which is shown once at creation. */
export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  userId: z.string(),
  /** The owner's email, so an admin listing everyone's tokens sees whose each one is. */
  userEmail: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  /** Recorded at most once a minute per token, so it may lag the latest use by that much. */
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** `own` (default) lists the caller's tokens; `all` (admins only) everyone's. */
export const tokenListQuerySchema = z.strictObject({
  scope: z.enum(['own', 'all']).default('own'),
});
export type TokenListQuery = z.infer<typeof tokenListQuerySchema>;

export const tokenListResponseSchema = z.object({ tokens: z.array(apiTokenSchema) });

export const idParamsSchema = z.strictObject({ id: objectIdSchema });

export const userListResponseSchema = z.object({ users: z.array(userSchema) });
export const userResponseSchema = z.object({ user: userSchema });

/** An admin's change to a user; each one signs that user out everywhere (sessions and tokens). */
export const updateUserInputSchema = z
  .strictObject({
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((input) => input.role !== undefined || input.disabled !== undefined, { message: 'send role or disabled' });
export type UpdateUserInput = z.infer<typeof updateUserInputSchema>;

/** An admin sets a temporary password; the user must choose their own at the next sign-in. */
export const resetPasswordInputSchema = z.strictObject({ password: passwordSchema });
export type ResetPasswordInput = z.infer<typeof resetPasswordInputSchema>;

export const changePasswordInputSchema = z
  .strictObject({
    currentPassword: z.string().min(1).max(1024),
    newPassword: passwordSchema,
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    message: 'must differ from the current password',
    path: ['newPassword'],
  });
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;
