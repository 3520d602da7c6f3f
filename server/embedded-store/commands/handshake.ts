import { Long, Timestamp } from 'bson';
import type { Document } from 'bson';
import { MAX_BSON_SIZE } from '../doc-codec';
import type { CommandContext } from './context';

export const REPLICA_SET_NAME = 'touchpoint-embedded';
export const SERVER_VERSION = '7.0.0';

/**
 * hello / isMaster. The store presents itself as the primary of a one-member replica set: drivers
 * only run transactions and retryable writes against replica sets, and a plain
 * `mongodb://127.0.0.1:<port>` URI then discovers the set (the member name matches that address),
 * exactly as it would with a single-node replica set of real MongoDB.
 */
export function hello(context: CommandContext): Document {
  const { state } = context;
  const now = new Date();
  const opTime = { ts: new Timestamp({ t: Math.floor(now.getTime() / 1000), i: 1 }), t: Long.fromNumber(1) };
  return {
    helloOk: true,
    ismaster: true,
    isWritablePrimary: true,
    secondary: false,
    setName: REPLICA_SET_NAME,
    setVersion: 1,
    hosts: [state.me],
    primary: state.me,
    me: state.me,
    electionId: state.electionId,
    lastWrite: { opTime, lastWriteDate: now, majorityOpTime: opTime, majorityWriteDate: now },
    maxBsonObjectSize: MAX_BSON_SIZE,
    maxMessageSizeBytes: 48_000_000,
    maxWriteBatchSize: 100_000,
    localTime: now,
    logicalSessionTimeoutMinutes: 30,
    connectionId: context.connectionId,
    minWireVersion: 0,
    maxWireVersion: 21,
    readOnly: false,
    ok: 1,
  };
}

export function buildInfo(): Document {
  return {
    version: SERVER_VERSION,
    gitVersion: 'touchpoint-embedded-store',
    versionArray: [7, 0, 0, 0],
    bits: 64,
    debug: false,
    maxBsonObjectSize: MAX_BSON_SIZE,
    storageEngines: ['touchpoint-embedded'],
    javascriptEngine: 'none',
    ok: 1,
  };
}

const PARAMETERS: Document = {
  featureCompatibilityVersion: { version: '7.0' },
  transactionLifetimeLimitSeconds: 60,
  maxTransactionLockRequestTimeoutMillis: 5,
};

export function getParameter(context: CommandContext): Document {
  const asked = context.command.getParameter;
  const all = asked === '*' || (typeof asked === 'object' && asked !== null && (asked as Document).allParameters === true);
  const reply: Document = {};
  for (const [name, value] of Object.entries(PARAMETERS)) {
    if (all || context.command[name] !== undefined) reply[name] = value;
  }
  return { ...reply, ok: 1 };
}

export function ping(): Document {
  return { ok: 1 };
}

export function serverStatus(context: CommandContext): Document {
  const uptime = (Date.now() - context.state.startedAt.getTime()) / 1000;
  const memory = process.memoryUsage();
  // Same units as MongoDB's serverStatus.mem (MiB); the byte counts are for benchmarks.
  const mem = { bits: 64, resident: Math.round(memory.rss / 2 ** 20), residentBytes: memory.rss, heapUsedBytes: memory.heapUsed, externalBytes: memory.external };
  return { host: context.state.me, version: SERVER_VERSION, process: 'touchpoint-embedded-store', uptime, localTime: new Date(), mem, ok: 1 };
}

export function connectionStatus(): Document {
  return { authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 };
}
