import { chmodSync, mkdirSync } from 'node:fs';
import fs from 'node:fs/promises';

// What the platform writes under DATA_DIR is for its own user only: the store's journal and snapshot
// hold password hashes and contacts, the outbox holds live survey and unsubscribe links, and the
// session secret and first admin password are secrets. Modes are set explicitly rather than left to
// the umask of whoever starts the platform.

/** Mode of every file the platform writes under DATA_DIR. */
export const PRIVATE_FILE_MODE = 0o600;
/** Mode of every directory the platform makes under DATA_DIR. */
export const PRIVATE_DIR_MODE = 0o700;
/** The umask for an embedded child (redis-server) whose file modes cannot be set any other way. */
export const PRIVATE_UMASK = 0o077;

/**
 * Makes `dir` (and missing parents) owner-only. An existing `dir` is narrowed too: earlier versions
 * made these 0755, and a closed directory keeps the files in it private whatever their own modes.
 */
export async function makePrivateDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await fs.chmod(dir, PRIVATE_DIR_MODE);
}

/** makePrivateDir for the store, which opens its files synchronously. */
export function makePrivateDirSync(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}
