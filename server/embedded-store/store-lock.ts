import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE } from '../lib/private-files';

/**
 * Claims `dbpath` for this process so two stores never write one journal. A lock left by a process
 * that no longer exists (kill -9) is taken over.
 */
export function lockDbpath(dbpath: string): () => void {
  const path = join(dbpath, 'store.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', PRIVATE_FILE_MODE);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(`${dbpath} is in use by process ${owner} (remove ${path} if that is wrong)`, { cause: error });
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not lock ${dbpath}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
