import type { Document } from 'bson';
import type { StoreState } from './commands/context';
import { runCommand } from './commands/dispatch';

/** Like MongoDB's TTL monitor: every interval, delete documents whose TTL-indexed date has expired. */
export function startTtlMonitor(state: StoreState, intervalMs = 60_000): () => void {
  const timer = setInterval(() => void sweepExpired(state), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

export async function sweepExpired(state: StoreState): Promise<void> {
  for (const collection of state.catalog.allCollections()) {
    for (const index of collection.indexes) {
      const seconds = index.spec.expireAfterSeconds;
      if (typeof seconds !== 'number' || index.fields.length !== 1) continue;
      const cutoff = new Date(Date.now() - seconds * 1000);
      const command: Document = {
        delete: collection.name,
        deletes: [{ q: { [index.fields[0] as string]: { $lt: cutoff } }, limit: 0 }],
        $db: collection.db,
      };
      const reply = await runCommand(state, command, 0);
      if (reply.ok !== 1) console.warn(`embedded-store: TTL sweep of ${collection.ns} failed: ${String(reply.errmsg)}`);
    }
  }
}
