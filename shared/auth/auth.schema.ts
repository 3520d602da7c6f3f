import { z } from 'zod';

/** `agent` works the cases of its teams (server/cases). */
export const ROLES = ['admin', 'designer', 'analyst', 'integration', 'agent'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * Roles of systems rather than people (a call centre's or an IVR's API token): they never sign in, act
 * only through API tokens, and reach only the routes their role is scoped to (server/auth/role-scope.middleware.ts).
 */
export const TOKEN_ONLY_ROLES: readonly Role[] = ['integration'];
export const isTokenOnlyRole = (role: Role): boolean => TOKEN_ONLY_ROLES.includes(role);

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));

export const loginInputSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(1024),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  /** Set for a generated or reset password: every other staff action is refused until it is changed. */
  mustChangePassword: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

export const meResponseSchema = z.object({ user: userSchema });
export type MeResponse = z.infer<typeof meResponseSchema>;

/** The password policy, for new users, resets and changes alike. */
export const passwordSchema = z.string().min(10, 'must be at least 10 characters').max(1024);

export const createUserInputSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export const createTokenInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** Defaults to the server's maximum token lifetime (API_TOKEN_MAX_DAYS); above it is refused. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateTokenInput = z.infer<typeof createTokenInputSchema>;

export const createTokenResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  token: z.string(),
  expiresAt: z.string(),
});
export type CreateTokenResponse = z.infer<typeof createTokenResponseSchema>;

/** Header every cookie-authenticated mutation must carry; a cross-site form cannot set it. */
export const CSRF_HEADER = 'x-touchpoint-csrf';
