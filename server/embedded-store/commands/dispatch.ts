import type { Document } from 'bson';
import type { OpBatch } from '../catalog';
import { StoreError, toStoreError } from '../errors';
import { aggregate } from './aggregate';
import type { CommandContext, CommandHandler, StoreState } from './context';
import { create, createIndexes, drop, dropDatabase, dropIndexes, listCollections, listDatabases, listIndexes } from './ddl-commands';
import { findAndModify } from './find-and-modify';
import { buildInfo, connectionStatus, getParameter, hello, ping, serverStatus } from './handshake';
import { count, distinct, find, getMore, killCursors } from './read-commands';
import { abortTransaction, commitTransaction, endSessions } from './session-commands';
import { collMod, setParameter } from './unsupported';
import { insert, remove, update } from './write-commands';

const ok = (): Document => ({ ok: 1 });

const HANDLERS: Record<string, CommandHandler> = {
  hello,
  isMaster: hello,
  ismaster: hello,
  ping,
  buildInfo,
  buildinfo: buildInfo,
  getParameter,
  serverStatus,
  connectionStatus,
  listDatabases,
  listCollections,
  create,
  drop,
  dropDatabase,
  insert,
  find,
  getMore,
  killCursors,
  update,
  delete: remove,
  findAndModify,
  findandmodify: findAndModify,
  count,
  distinct,
  aggregate,
  createIndexes,
  collMod,
  setParameter,
  listIndexes,
  dropIndexes,
  deleteIndexes: dropIndexes,
  endSessions,
  killSessions: endSessions,
  refreshSessions: ok,
  startSession: ok,
  commitTransaction,
  abortTransaction,
};

// These manage the transaction themselves rather than running inside it.
const TRANSACTION_CONTROL = new Set(['commitTransaction', 'abortTransaction']);

/**
 * Runs one command and returns its reply document. Journal ops the command produced are made
 * durable before the reply is returned, whether it succeeded or failed part-way.
 */
export async function runCommand(state: StoreState, command: Document, connectionId: number): Promise<Document> {
  const name = Object.keys(command)[0] ?? '';
  const handler = HANDLERS[name];
  if (!handler) return new StoreError('CommandNotFound', `no such command: '${name}'`).toReply();
  const db = typeof command.$db === 'string' ? command.$db : 'admin';
  const ops: OpBatch = [];
  let txn = null;
  let reply: Document;
  try {
    txn = TRANSACTION_CONTROL.has(name) ? null : state.sessions.transactionFor(command);
    const context: CommandContext = { state, db, command, txn, ops, connectionId };
    reply = await handler(context);
    // MongoDB aborts a transaction when any of its statements fails.
    if (txn && Array.isArray(reply.writeErrors) && reply.writeErrors.length > 0) txn.abort();
  } catch (error) {
    const storeError = toStoreError(error);
    if (txn) txn.abort();
    reply = storeError.toReply();
  }
  try {
    await state.catalog.commit(ops);
  } catch (error) {
    return new StoreError('BadValue', `journal write failed: ${String(error)}`).toReply();
  }
  return reply;
}
