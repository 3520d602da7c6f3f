import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { isTokenOnlyRole, type CreateTokenInput, type CreateUserInput, type User } from '@shared/auth/auth.schema';
import type { ApiToken, ChangePasswordInput } from '@shared/auth/credentials.schema';
import { Conflict, Forbidden, Invalid, NotFound, Unauthenticated } from '../lib/errors';
import { CredentialModel } from './credential.model';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { apiTokenExpiry, lastUsedBefore, lastUsedWriteDue } from './token-lifetime';
import { UserModel, type UserDocument } from './user.model';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../lib/private-files';

export const SESSION_COOKIE = 'tp_session';
const API_TOKEN_PREFIX = 'tpat_';
/** Token lists are for people to read; an installation with more tokens than this has other problems. */
const TOKEN_LIST_LIMIT = 1000;

export function toUser(doc: UserDocument): User {
  return {
    id: doc._id.toString(),
    email: doc.email,
    name: doc.name,
    role: doc.role as User['role'],
    disabled: doc.disabled === true,
    mustChangePassword: doc.mustChangePassword === true,
  };
}

export interface AuthOptions {
  /** Longest API token lifetime in days (API_TOKEN_MAX_DAYS). */
  apiTokenMaxDays?: number;
  /** Where a generated first-admin password is kept; removed once that password has been changed. */
  initialPasswordFile?: string;
  now?: () => Date;
}

/** Credentials whose user is remembered before the map starts over (a few hundred bytes each). */
const KNOWN_CREDENTIALS = 10_000;

/** Signing in, sessions, personal API tokens and staff users. */
export class AuthService {
  private readonly apiTokenMaxDays: number;
  private readonly now: () => Date;

  constructor(
    private readonly secret: string,
    private readonly sessionTtlMinutes: number,
    private readonly options: AuthOptions = {},
  ) {
    this.apiTokenMaxDays = options.apiTokenMaxDays ?? 90;
    this.now = options.now ?? (() => new Date());
  }

  private readonly derivedKeys = new Map<string, Buffer>();
  /** Credential (by secret hash) → its user's id, for reading both at once; see authenticate. */
  private readonly userOfCredential = new Map<string, string>();

  /**
   * A key for one purpose (e.g. signing unsubscribe links), derived from the session secret so it needs
   * no setting of its own; derived once per purpose (a bulk send signs two links per email).
   */
  derivedKey(purpose: string): Buffer {
    let key = this.derivedKeys.get(purpose);
    if (!key) this.derivedKeys.set(purpose, (key = createHmac('sha256', this.secret).update(`touchpoint/derived-key/${purpose}`).digest()));
    return Buffer.from(key);
  }

  private hashSecret(value: string): string {
    return createHmac('sha256', this.secret).update(value).digest('base64url');
  }

  async login(email: string, password: string): Promise<{ user: User; session: string; expiresAt: Date }> {
    const doc = await UserModel.findOne({ email });
    const valid = await verifyPassword(password, doc?.passwordHash ?? (await dummyPasswordHash()));
    if (!doc || !valid || doc.disabled) throw new Unauthenticated('Wrong email or password.');
    if (isTokenOnlyRole(toUser(doc).role)) throw new Forbidden(`The ${doc.role} role acts through API tokens only; it cannot sign in.`);
    const session = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.now().getTime() + this.sessionTtlMinutes * 60_000);
    await CredentialModel.create({ kind: 'session', secretHash: this.hashSecret(session), userId: doc._id, expiresAt });
    return { user: toUser(doc), session, expiresAt };
  }

  async logout(session: string): Promise<void> {
    await CredentialModel.deleteOne({ kind: 'session', secretHash: this.hashSecret(session) });
  }

  /** The user behind a session cookie or an API token, or null when it is unknown, expired or disabled. */
  async authenticate(secret: string, kind: 'session' | 'api-token'): Promise<User | null> {
    const secretHash = this.hashSecret(secret);
    // The user a credential belongs to never changes, so once known it is read alongside the credential
    // (one round trip, not two); both are still read fresh every time, so a revoked credential, an
    // expiry or a disabled user takes effect at once.
    const knownUser = this.userOfCredential.get(secretHash);
    const [credential, guessed] = await Promise.all([CredentialModel.findOne({ kind, secretHash }).lean(), knownUser ? UserModel.findById(knownUser) : null]);
    const now = this.now();
    if (!credential || (credential.expiresAt && credential.expiresAt.getTime() <= now.getTime())) {
      this.userOfCredential.delete(secretHash);
      return null;
    }
    const doc = guessed?._id.equals(credential.userId) ? guessed : await UserModel.findById(credential.userId);
    if (this.userOfCredential.size >= KNOWN_CREDENTIALS) this.userOfCredential.clear();
    this.userOfCredential.set(secretHash, credential.userId.toString());
    if (!doc || doc.disabled) return null;
    if (kind === 'api-token' && lastUsedWriteDue(credential.lastUsedAt, now)) {
      // Conditional, so processes racing on one token write once; skipped entirely within the minute.
      await CredentialModel.updateOne(
        { _id: credential._id, $or: [{ lastUsedAt: null }, { lastUsedAt: { $lte: lastUsedBefore(now) } }] },
        { $set: { lastUsedAt: now } },
      );
    }
    return toUser(doc);
  }

  async createApiToken(userId: string, input: CreateTokenInput) {
    const expiresAt = apiTokenExpiry(this.now(), input.expiresInDays, this.apiTokenMaxDays);
    if (!expiresAt) {
      throw new Invalid(`API tokens live at most ${this.apiTokenMaxDays} days.`, [
        { name: 'body.expiresInDays', reason: `must be at most ${this.apiTokenMaxDays}` },
      ]);
    }
    const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const doc = await CredentialModel.create({ kind: 'api-token', secretHash: this.hashSecret(token), userId, name: input.name, expiresAt });
    return { id: doc._id.toString(), name: input.name, token, expiresAt: expiresAt.toISOString() };
  }

  /** API tokens, newest first: one user's, or everyone's when `userId` is null. */
  async listApiTokens(userId: string | null): Promise<ApiToken[]> {
    const tokens = await CredentialModel.find({ kind: 'api-token', ...(userId ? { userId } : {}) })
      .sort({ createdAt: -1 })
      .limit(TOKEN_LIST_LIMIT)
      .lean();
    const owners = await UserModel.find({ _id: { $in: [...new Set(tokens.map((token) => token.userId.toString()))] } }, { email: 1 }).lean();
    const emails = new Map(owners.map((owner) => [owner._id.toString(), owner.email]));
    return tokens.map((token) => ({
      id: token._id.toString(),
      name: token.name ?? '',
      userId: token.userId.toString(),
      userEmail: emails.get(token.userId.toString()) ?? null,
      createdAt: token.createdAt.toISOString(),
      expiresAt: token.expiresAt?.toISOString() ?? null,
      lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    }));
  }

  /** Revokes one API token: the caller's own, or anyone's when `ownerId` is null (admins). */
  async revokeApiToken(tokenId: string, ownerId: string | null): Promise<void> {
    const { deletedCount } = await CredentialModel.deleteOne({ _id: tokenId, kind: 'api-token', ...(ownerId ? { userId: ownerId } : {}) });
    if (deletedCount === 0) throw new NotFound('No such API token.');
  }

  /** Ends every session and API token of a user at once (all but `keepSession`, when given). */
  async revokeCredentials(userId: string, keepSession?: string): Promise<void> {
    await CredentialModel.deleteMany({ userId, ...(keepSession ? { secretHash: { $ne: this.hashSecret(keepSession) } } : {}) });
  }

  /**
   * The signed-in user's own change: needs the current password. Their other sessions end (whoever
   * knew the old password is signed out); this one and their API tokens stay.
   */
  async changePassword(userId: string, session: string | undefined, input: ChangePasswordInput): Promise<User> {
    const doc = await UserModel.findById(userId);
    if (!doc) throw new Unauthenticated();
    if (!(await verifyPassword(input.currentPassword, doc.passwordHash))) {
      throw new Invalid('The current password is wrong.', [{ name: 'body.currentPassword', reason: 'is not your current password' }]);
    }
    doc.passwordHash = await hashPassword(input.newPassword);
    doc.mustChangePassword = false;
    await doc.save();
    await CredentialModel.deleteMany({ userId, kind: 'session', ...(session ? { secretHash: { $ne: this.hashSecret(session) } } : {}) });
    await this.forgetInitialPassword(input.currentPassword);
    return toUser(doc);
  }

  /** Deletes the generated first-admin password file once the password in it no longer works. */
  private async forgetInitialPassword(oldPassword: string): Promise<void> {
    const file = this.options.initialPasswordFile;
    if (!file) return;
    const content = await fs.readFile(file, 'utf8').catch(() => null);
    if (content?.trim() === oldPassword) await fs.rm(file, { force: true });
  }

  static isApiToken(value: string): boolean {
    return value.startsWith(API_TOKEN_PREFIX);
  }

  async createUser(input: CreateUserInput, options: { mustChangePassword?: boolean } = {}): Promise<User> {
    if (await UserModel.exists({ email: input.email })) throw new Conflict(`A user with email ${input.email} exists.`, 'user-exists');
    const doc = await UserModel.create({
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      mustChangePassword: options.mustChangePassword === true,
    });
    return toUser(doc);
  }

  async listUsers(): Promise<User[]> {
    return (await UserModel.find().sort({ email: 1 })).map(toUser);
  }
}

/** Where a generated first-admin password is written, owner-readable only, until it is changed. */
export function initialAdminPasswordFile(dataDir: string): string {
  return path.join(dataDir, 'initial-admin-password');
}

/**
 * Creates the first admin when there is no user at all. Without ADMIN_PASSWORD a random one is made
 * and written to DATA_DIR/initial-admin-password (readable by the owner only), so it can be read later;
 * that admin must change it at first sign-in, and the file goes once it is changed.
 */
export async function ensureFirstAdmin(
  auth: AuthService,
  options: { email: string; password: string | undefined; dataDir: string },
): Promise<{ created: boolean; email: string; passwordFile?: string }> {
  if (await UserModel.exists({})) return { created: false, email: options.email };
  const password = options.password ?? randomBytes(12).toString('base64url');
  try {
    // A generated password sits in a file: whoever can read the data directory knows it until changed.
    await auth.createUser({ email: options.email, name: 'Administrator', role: 'admin', password }, { mustChangePassword: !options.password });
  } catch (error) {
    // Another API process created it first.
    if (error instanceof Conflict || (error as { code?: unknown }).code === 11000) return { created: false, email: options.email };
    throw error;
  }
  if (options.password) return { created: true, email: options.email };
  const passwordFile = initialAdminPasswordFile(options.dataDir);
  await fs.mkdir(options.dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await fs.writeFile(passwordFile, password + '\n', { mode: PRIVATE_FILE_MODE });
  return { created: true, email: options.email, passwordFile };
}
