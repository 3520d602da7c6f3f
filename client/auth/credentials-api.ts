import { createTokenResponseSchema, type CreateTokenInput, type CreateUserInput, type User } from '@shared/auth/auth.schema';
import {
  tokenListResponseSchema,
  userListResponseSchema,
  userResponseSchema,
  type ApiToken,
  type ChangePasswordInput,
  type ResetPasswordInput,
  type TokenListQuery,
  type UpdateUserInput,
} from '@shared/auth/credentials.schema';
import type { ApiClient } from '../lib/api-client';

/** One's own password and API tokens; for admins also everyone's tokens and the staff users. */
export function credentialsApi(api: ApiClient) {
  const user = ({ user }: { user: User }) => user;
  return {
    changePassword: (input: ChangePasswordInput) => api.post('/api/auth/password', input, userResponseSchema).then(user),
    listTokens: (scope: TokenListQuery['scope']): Promise<ApiToken[]> =>
      api.get(`/api/auth/tokens?scope=${scope}`, tokenListResponseSchema).then((reply) => reply.tokens),
    createToken: (input: CreateTokenInput) => api.post('/api/auth/tokens', input, createTokenResponseSchema),
    revokeToken: (id: string) => api.delete(`/api/auth/tokens/${encodeURIComponent(id)}`),
    listUsers: () => api.get('/api/users', userListResponseSchema).then((reply) => reply.users),
    createUser: (input: CreateUserInput) => api.post('/api/users', input, userResponseSchema).then(user),
    updateUser: (id: string, input: UpdateUserInput) => api.patch(`/api/users/${encodeURIComponent(id)}`, input, userResponseSchema).then(user),
    resetPassword: (id: string, input: ResetPasswordInput) =>
      api.post(`/api/users/${encodeURIComponent(id)}/password`, input, userResponseSchema).then(user),
  };
}
