import type { Document } from 'bson';
import { StoreError } from '../errors';
import { noSuchTransaction } from '../transactions';
import type { CommandContext } from './context';

export function endSessions(context: CommandContext): Document {
  const ids = context.command.endSessions ?? context.command.killSessions;
  context.state.sessions.endSessions(Array.isArray(ids) ? (ids as Document[]) : []);
  return { ok: 1 };
}

/** Applies the transaction's writes; the dispatcher journals them as one record before replying. */
export function commitTransaction(context: CommandContext): Document {
  const txn = context.state.sessions.find(context.command);
  if (!txn || txn.state === 'aborted') throw noSuchTransaction(context.command.txnNumber);
  // A retried commit of a committed transaction succeeds, as the driver expects.
  if (txn.state === 'active') context.ops.push(...txn.commit(context.state.catalog));
  return { ok: 1 };
}

export function abortTransaction(context: CommandContext): Document {
  const txn = context.state.sessions.find(context.command);
  if (!txn || txn.state === 'aborted') throw noSuchTransaction(context.command.txnNumber);
  if (txn.state === 'committed') throw new StoreError('TransactionCommitted', 'Transaction has been committed.');
  txn.abort();
  return { ok: 1 };
}
