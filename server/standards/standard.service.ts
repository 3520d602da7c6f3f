import mongoose, { type ClientSession, type Types } from 'mongoose';
import { diffStandards } from '@shared/standards/standard-diff';
import {
  standardVersionSchema,
  type Commitment,
  type StandardDiff,
  type StandardSlaPolicy,
  type StandardSource,
  type StandardVersion,
} from '@shared/standards/standard.schema';
import { versionInForce } from '@shared/standards/version-in-force';
import type { TouchpointTarget } from '@shared/touchpoints/touchpoint.schema';
import { findSlaPolicy } from '../cases/case-admin.service';
import { Conflict, Invalid, NotFound } from '../lib/errors';
import { isDuplicateKey } from '../lib/mongo-errors';
import { TouchpointModel } from '../touchpoints/touchpoint.model';
import { StandardVersionModel } from './standard-version.model';

interface StoredVersion {
  _id: Types.ObjectId;
  touchpoint: string;
  version: number;
  commitments: unknown;
  target: unknown;
  slaPolicy: unknown;
  effectiveFrom: Date;
  createdAt: Date;
  createdBy?: string | null;
  reason?: string | null;
  source: string;
  actionId?: string | null;
}

const toStandardVersion = (doc: StoredVersion): StandardVersion =>
  standardVersionSchema.parse({
    touchpoint: doc.touchpoint,
    version: doc.version,
    commitments: doc.commitments ?? [],
    target: doc.target ?? {},
    slaPolicy: doc.slaPolicy ?? null,
    effectiveFrom: doc.effectiveFrom.toISOString(),
    createdAt: doc.createdAt.toISOString(),
    createdBy: doc.createdBy ?? null,
    reason: doc.reason ?? null,
    source: doc.source,
    actionId: doc.actionId ?? null,
  });

/** A change to a touchpoint's standard; what is left undefined is carried over from the latest version. */
export interface StandardChange {
  touchpoint: string;
  commitments?: Commitment[] | undefined;
  target?: TouchpointTarget | undefined;
  /** An existing SLA policy's id (its rules are copied into the version), or null for none. */
  slaPolicyId?: string | null | undefined;
  /** Defaults to now; neither in the future nor before the latest version's. */
  effectiveFrom?: Date | undefined;
  createdBy: string | null;
  reason: string | null;
  source: StandardSource;
  /** The improvement action being adopted, when `source` is `action`. */
  actionId?: string | undefined;
}

async function slaPolicyCopy(id: string | null): Promise<StandardSlaPolicy | null> {
  if (id === null) return null;
  const found = await findSlaPolicy(id);
  if (!found) throw new Invalid('There is no such SLA policy.', [{ name: 'body.slaPolicyId', reason: 'must be an existing policy' }]);
  const { id: policyId, ...policy } = found;
  return { id: policyId, policy };
}

/** Writes the next version and mirrors its targets on the touchpoint, inside the caller's transaction. */
async function insertVersion(change: StandardChange, now: Date, session: ClientSession): Promise<StandardVersion> {
  const latest = await StandardVersionModel.findOne({ touchpoint: change.touchpoint }, null, { session }).sort({ version: -1 }).lean<StoredVersion>();
  const previous = latest ? toStandardVersion(latest) : null;
  const effectiveFrom = change.effectiveFrom ?? now;
  if (effectiveFrom.getTime() > now.getTime()) {
    throw new Invalid('A standard version takes effect now or from a past instant, not later.', [{ name: 'body.effectiveFrom', reason: 'must not be in the future' }]);
  }
  if (previous && effectiveFrom.getTime() < Date.parse(previous.effectiveFrom)) {
    throw new Invalid(`Version ${previous.version} took effect on ${previous.effectiveFrom}; a new version cannot take effect before it.`, [
      { name: 'body.effectiveFrom', reason: 'must not be before the latest version takes effect' },
    ]);
  }
  const slaPolicy = change.slaPolicyId === undefined ? (previous?.slaPolicy ?? null) : await slaPolicyCopy(change.slaPolicyId);
  const target = change.target ?? previous?.target ?? {};
  const [doc] = await StandardVersionModel.create(
    [
      {
        touchpoint: change.touchpoint,
        version: (previous?.version ?? 0) + 1,
        commitments: change.commitments ?? previous?.commitments ?? [],
        target,
        slaPolicy,
        effectiveFrom,
        createdBy: change.createdBy,
        reason: change.reason,
        source: change.source,
        actionId: change.actionId ?? null,
      },
    ],
    { session },
  );
  // The touchpoint keeps the targets of its latest version, which is the one in force (none is in the future).
  await TouchpointModel.updateOne({ key: change.touchpoint }, { $set: { target } }, { session });
  return toStandardVersion(doc!.toObject() as StoredVersion);
}

/**
 * The one way a touchpoint's standard (and so its targets) changes: a new immutable version. Used by the
 * standard editor, touchpoint edits that change targets, and an improvement action's "adopt".
 * `session` joins the caller's transaction (creating a touchpoint writes its first version with it).
 */
export async function createStandardVersion(change: StandardChange, now = new Date(), session?: ClientSession): Promise<StandardVersion> {
  try {
    if (session) return await insertVersion(change, now, session);
    return await mongoose.connection.transaction(async (own) => {
      if (!(await TouchpointModel.exists({ key: change.touchpoint }).session(own))) throw new NotFound(`There is no touchpoint "${change.touchpoint}".`);
      return insertVersion(change, now, own);
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw new Conflict('Another version of this standard was saved at the same time; reload and try again.', 'standard-version-conflict');
    throw error;
  }
}

async function versionsOf(touchpoint: string): Promise<StandardVersion[]> {
  const docs = await StandardVersionModel.find({ touchpoint }).sort({ version: 1 }).lean<StoredVersion[]>();
  if (docs.length === 0 && !(await TouchpointModel.exists({ key: touchpoint }))) throw new NotFound(`There is no touchpoint "${touchpoint}".`);
  return docs.map(toStandardVersion);
}

/** Every version of a touchpoint's standard, oldest first. */
export async function listStandardVersions(touchpoint: string): Promise<StandardVersion[]> {
  return versionsOf(touchpoint);
}

export async function getStandardVersion(touchpoint: string, version: number): Promise<StandardVersion> {
  const doc = await StandardVersionModel.findOne({ touchpoint, version }).lean<StoredVersion>();
  if (!doc) throw new NotFound(`Touchpoint "${touchpoint}" has no standard version ${version}.`);
  return toStandardVersion(doc);
}

/** The version in force at `at` (now by default). */
export async function currentStandard(touchpoint: string, at = new Date()): Promise<StandardVersion> {
  const inForce = versionInForce(await versionsOf(touchpoint), at);
  if (!inForce) throw new NotFound(`Touchpoint "${touchpoint}" has no standard yet.`);
  return inForce;
}

/** The version in force at `at` for each of `touchpoints` that has one (all touchpoints when omitted). */
export async function standardsInForce(at: Date, touchpoints?: readonly string[]): Promise<Map<string, StandardVersion>> {
  const docs = await StandardVersionModel.find(touchpoints ? { touchpoint: { $in: touchpoints } } : {}).lean<StoredVersion[]>();
  const byTouchpoint = new Map<string, StandardVersion[]>();
  for (const doc of docs) {
    const list = byTouchpoint.get(doc.touchpoint) ?? [];
    list.push(toStandardVersion(doc));
    byTouchpoint.set(doc.touchpoint, list);
  }
  const inForce = new Map<string, StandardVersion>();
  for (const [touchpoint, versions] of byTouchpoint) {
    const version = versionInForce(versions, at);
    if (version) inForce.set(touchpoint, version);
  }
  return inForce;
}

export async function diffStandardVersions(touchpoint: string, from: number, to: number): Promise<StandardDiff> {
  const [before, after] = await Promise.all([getStandardVersion(touchpoint, from), getStandardVersion(touchpoint, to)]);
  return diffStandards(before, after);
}
