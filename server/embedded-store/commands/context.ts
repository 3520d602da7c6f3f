import type { Document, ObjectId } from 'bson';
import type { Catalog, OpBatch } from '../catalog';
import type { CursorRegistry } from '../cursors';
import { StoreError } from '../errors';
import type { SessionRegistry, Transaction } from '../transactions';

/** Process-wide state every command may use. */
export interface StoreState {
  readonly catalog: Catalog;
  readonly sessions: SessionRegistry;
  readonly cursors: CursorRegistry;
  /** host:port the store advertises as its replica-set member name (known once listening). */
  me: string;
  readonly electionId: ObjectId;
  readonly startedAt: Date;
}

/** One command being executed. */
export interface CommandContext {
  readonly state: StoreState;
  readonly db: string;
  readonly command: Document;
  readonly txn: Transaction | null;
  /** Journal ops to make durable before replying (doc writes outside transactions, DDL). */
  readonly ops: OpBatch;
  readonly connectionId: number;
}

export type CommandHandler = (context: CommandContext) => Document | Promise<Document>;

/** The collection name a command targets (its first field's value). */
export function targetName(context: CommandContext, name: string): string {
  const value = context.command[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw new StoreError('InvalidNamespace', `collection name has invalid type ${typeof value}`);
  }
  return value;
}
