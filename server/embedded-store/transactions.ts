import type { Binary, Document } from 'bson';
import type { Catalog, OpBatch } from './catalog';
import type { Collection, TxnHandle } from './collection';
import { decode, encode } from './doc-codec';
import { StoreError } from './errors';

/** MongoDB's default transactionLifetimeLimitSeconds: an abandoned transaction releases its locks. */
const TRANSACTION_LIFETIME_MS = 60_000;

const TRANSIENT = ['TransientTransactionError'];

/**
 * A multi-document transaction. Its writes are applied in place (so its own reads see them) and
 * every record it touches is owned by it until it ends: other sessions read the committed
 * before-image, other writers wait (or, inside a transaction, get a WriteConflict the driver
 * retries). Nothing reaches the journal until commit, which writes all changes as one record.
 */
export class Transaction implements TxnHandle {
  readonly id: string;
  readonly ended: Promise<void>;
  state: 'active' | 'committed' | 'aborted' = 'active';
  private finish!: () => void;
  private readonly touched = new Map<Collection, number[]>();
  private readonly timer: NodeJS.Timeout;

  constructor(readonly number: number, sessionKey: string, onExpire: (txn: Transaction) => void) {
    this.id = `${sessionKey}:${number}`;
    this.ended = new Promise((resolve) => (this.finish = resolve));
    this.timer = setTimeout(() => onExpire(this), TRANSACTION_LIFETIME_MS);
    this.timer.unref();
  }

  touch(collection: Collection, rid: number): void {
    let rids = this.touched.get(collection);
    if (!rids) this.touched.set(collection, (rids = []));
    rids.push(rid);
  }

  /** Releases ownership and returns the journal ops that make the transaction's writes durable. */
  commit(catalog: Catalog): OpBatch {
    const ops: OpBatch = [];
    for (const [collection, rids] of this.touched) {
      const live = catalog.get(collection.db, collection.name) === collection;
      for (const rid of rids) {
        const own = collection.owned.get(rid);
        collection.owned.delete(rid);
        if (!live || !own) continue;
        const current = collection.currentBytes(rid);
        if (current) ops.push({ kind: 'put', ns: collection.ns, bytes: current });
        else if (own.before) ops.push({ kind: 'delete', ns: collection.ns, bytes: encode({ _id: decode(own.before)._id }) });
      }
    }
    this.end('committed');
    return ops;
  }

  /** Puts every touched record back as it was before the transaction. */
  abort(): void {
    if (this.state !== 'active') return;
    for (const [collection, rids] of this.touched) {
      for (const rid of rids) {
        const own = collection.owned.get(rid);
        if (!own) continue;
        collection.owned.delete(rid);
        collection.restore(rid, own.before);
      }
    }
    this.end('aborted');
  }

  private end(state: 'committed' | 'aborted'): void {
    this.state = state;
    clearTimeout(this.timer);
    this.touched.clear();
    this.finish();
  }
}

interface SessionState {
  txn: Transaction | null;
}

/** Logical sessions by lsid, and the transaction (if any) each one has open. */
export class SessionRegistry {
  private readonly sessions = new Map<string, SessionState>();

  /** The transaction a command runs in, starting one for `startTransaction`; null outside one. */
  transactionFor(command: Document): Transaction | null {
    if (command.autocommit !== false) return null;
    const key = sessionKey(command);
    const number = Number(command.txnNumber);
    let session = this.sessions.get(key);
    if (!session) this.sessions.set(key, (session = { txn: null }));
    if (command.startTransaction === true) {
      session.txn?.abort();
      session.txn = new Transaction(number, key, (txn) => txn.abort());
      return session.txn;
    }
    const txn = session.txn;
    if (!txn || txn.number !== number || txn.state !== 'active') {
      throw new StoreError('NoSuchTransaction', `Transaction with { txnNumber: ${number} } has been aborted.`, {}, TRANSIENT);
    }
    return txn;
  }

  /** Finds the transaction named by a commit/abort command, whatever its state. */
  find(command: Document): Transaction | null {
    const txn = this.sessions.get(sessionKey(command))?.txn ?? null;
    return txn && txn.number === Number(command.txnNumber) ? txn : null;
  }

  endSessions(ids: readonly Document[]): void {
    for (const id of ids) {
      const key = keyOf(id.id as Binary | undefined);
      this.sessions.get(key)?.txn?.abort();
      this.sessions.delete(key);
    }
  }

  abortAll(): void {
    for (const session of this.sessions.values()) session.txn?.abort();
  }
}

export function noSuchTransaction(number: unknown): StoreError {
  return new StoreError('NoSuchTransaction', `Transaction with { txnNumber: ${String(number)} } has been aborted.`, {}, TRANSIENT);
}

export function writeConflict(): StoreError {
  return new StoreError(
    'WriteConflict',
    'Write conflict during plan execution and yielding is disabled. :: Please retry your operation or multi-document transaction.',
    {},
    TRANSIENT,
  );
}

function sessionKey(command: Document): string {
  const lsid = command.lsid as Document | undefined;
  if (!lsid) throw new StoreError('BadValue', 'transactions require a session (lsid)');
  return keyOf(lsid.id as Binary | undefined);
}

function keyOf(id: Binary | undefined): string {
  return id ? Buffer.from(id.buffer).toString('hex') : 'none';
}
