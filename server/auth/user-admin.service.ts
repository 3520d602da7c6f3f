import type { User } from '@shared/auth/auth.schema';
import type { ResetPasswordInput, UpdateUserInput } from '@shared/auth/credentials.schema';
import { Conflict, NotFound } from '../lib/errors';
import { toUser, type AuthService } from './auth.service';
import { hashPassword } from './password';
import { UserModel } from './user.model';

const ACTIVE_ADMIN = { role: 'admin' as const, disabled: { $ne: true } };

/**
 * An admin's change of role or disabled state. Whatever changed, the user's sessions and API tokens end
 * at once, so a live session meets the new state (or a 401) on its next request.
 */
export async function updateUser(auth: AuthService, userId: string, input: UpdateUserInput): Promise<User> {
  const before = await UserModel.findById(userId);
  if (!before) throw new NotFound('No such user.');
  const change = {
    ...(input.role !== undefined ? { role: input.role } : {}),
    ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
  };
  const after = await UserModel.findByIdAndUpdate(userId, { $set: change }, { returnDocument: 'after' });
  if (!after) throw new NotFound('No such user.');
  // Checked after the write, not before: two admins demoting each other at once both see the other
  // still there beforehand. Afterwards at least one of them sees none left and puts its change back.
  if (!(await UserModel.exists(ACTIVE_ADMIN))) {
    await UserModel.updateOne({ _id: userId }, { $set: { role: before.role, disabled: before.disabled } });
    throw new Conflict('This would leave no active admin; make another user admin first.', 'last-admin');
  }
  if (after.role !== before.role || after.disabled !== before.disabled) await auth.revokeCredentials(userId);
  return toUser(after);
}

/**
 * An admin sets a temporary password: the user's sessions and API tokens end, and they must choose a
 * password of their own at the next sign-in (the admin knows this one).
 */
export async function resetPassword(auth: AuthService, userId: string, input: ResetPasswordInput): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  const doc = await UserModel.findByIdAndUpdate(userId, { $set: { passwordHash, mustChangePassword: true } }, { returnDocument: 'after' });
  if (!doc) throw new NotFound('No such user.');
  await auth.revokeCredentials(userId);
  return toUser(doc);
}
