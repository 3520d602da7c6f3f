import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { isTokenOnlyRole, type CreateTokenInput, type CreateUserInput, type User } from '@shared/auth/auth.schema';
import { Conflict, Forbidden, Unauthenticated } from '../lib/errors';
import { CredentialModel } from './credential.model';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { UserModel, type UserDocument } from './user.model';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../lib/private-files';

export const SESSION_COOKIE = 'tp_session';
const API_TOKEN_PREFIX = 'tpat_';

export function toUser(doc: UserDocument): User {
  return { id: doc._id.toString(), email: doc.email, name: doc.name, role: doc.role as User['role'] };
}

/** Signing in, sessions, personal API tokens and staff users. */
export class AuthService {
  constructor(
    private readonly secret: string,
    private readonly sessionTtlMinutes: number,
  ) {}

  private readonly derivedKeys = new Map<string, Buffer>();

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
    const expiresAt = new Date(Date.now() + this.sessionTtlMinutes * 60_000);
    await CredentialModel.create({ kind: 'session', secretHash: this.hashSecret(session), userId: doc._id, expiresAt });
    return { user: toUser(doc), session, expiresAt };
  }

  async logout(session: string): Promise<void> {
    await CredentialModel.deleteOne({ kind: 'session', secretHash: this.hashSecret(session) });
  }

  /** The user behind a session cookie or an API token, or null when it is unknown, expired or disabled. */
  async authenticate(secret: string, kind: 'session' | 'api-token'): Promise<User | null> {
    const credential = await CredentialModel.findOne({ kind, secretHash: this.hashSecret(secret) }).lean();
    if (!credential || (credential.expiresAt && credential.expiresAt.getTime() <= Date.now())) return null;
    const doc = await UserModel.findById(credential.userId);
    if (!doc || doc.disabled) return null;
    return toUser(doc);
  }

  async createApiToken(userId: string, input: CreateTokenInput) {
    const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
    const doc = await CredentialModel.create({
      kind: 'api-token',
      secretHash: this.hashSecret(token),
      userId,
      name: input.name,
      ...(expiresAt ? { expiresAt } : {}),
    });
    return { id: doc._id.toString(), name: input.name, token, expiresAt: expiresAt?.toISOString() ?? null };
  }

  static isApiToken(value: string): boolean {
    return value.startsWith(API_TOKEN_PREFIX);
  }

  async createUser(input: CreateUserInput): Promise<User> {
    if (await UserModel.exists({ email: input.email })) throw new Conflict(`A user with email ${input.email} exists.`, 'user-exists');
    const doc = await UserModel.create({
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    });
    return toUser(doc);
  }

  async listUsers(): Promise<User[]> {
    return (await UserModel.find().sort({ email: 1 })).map(toUser);
  }
}

/**
 * Creates the first admin when there is no user at all. Without ADMIN_PASSWORD a random one is made
 * and written to DATA_DIR/initial-admin-password (readable by the owner only), so it can be read later.
 */
export async function ensureFirstAdmin(
  auth: AuthService,
  options: { email: string; password: string | undefined; dataDir: string },
): Promise<{ created: boolean; email: string; passwordFile?: string; password?: string }> {
  if (await UserModel.exists({})) return { created: false, email: options.email };
  const password = options.password ?? randomBytes(12).toString('base64url');
  try {
    await auth.createUser({ email: options.email, name: 'Administrator', role: 'admin', password });
  } catch (error) {
    // Another API process created it first.
    if (error instanceof Conflict || (error as { code?: unknown }).code === 11000) return { created: false, email: options.email };
    throw error;
  }
  if (options.password) return { created: true, email: options.email };
  const passwordFile = path.join(options.dataDir, 'initial-admin-password');
  await fs.mkdir(options.dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await fs.writeFile(passwordFile, password + '\n', { mode: PRIVATE_FILE_MODE });
  return { created: true, email: options.email, passwordFile, password };
}
