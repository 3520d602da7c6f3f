import mongoose from 'mongoose';
import { diffTargets } from '@shared/standards/standard-diff';
import type { Touchpoint, TouchpointInput, TouchpointTarget, TouchpointUpdate } from '@shared/touchpoints/touchpoint.schema';
import { Conflict, NotFound } from '../lib/errors';
import { isDuplicateKey } from '../lib/mongo-errors';
import { createStandardVersion } from '../standards/standard.service';
import { TouchpointModel } from './touchpoint.model';

type TouchpointDoc = InstanceType<typeof TouchpointModel>;

function toTouchpoint(doc: TouchpointDoc): Touchpoint {
  return {
    id: doc._id.toString(),
    key: doc.key,
    name: doc.name,
    ...(doc.description ? { description: doc.description } : {}),
    owners: doc.owners,
    target: (doc.target ?? {}) as Touchpoint['target'],
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

/** Creates a touchpoint with version 1 of its standard (its targets), both or neither. */
export async function createTouchpoint(input: TouchpointInput, createdBy: string | null = null): Promise<Touchpoint> {
  try {
    return await mongoose.connection.transaction(async (session) => {
      const [doc] = await TouchpointModel.create([{ ...input, owners: input.owners ?? [], target: input.target ?? {} }], { session });
      await createStandardVersion({ touchpoint: input.key, target: input.target ?? {}, createdBy, reason: null, source: 'touchpoint' }, new Date(), session);
      return toTouchpoint(doc!);
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw new Conflict(`A touchpoint with key "${input.key}" exists.`, 'touchpoint-exists');
    throw error;
  }
}

export async function listTouchpoints(): Promise<Touchpoint[]> {
  return (await TouchpointModel.find().sort({ key: 1 })).map(toTouchpoint);
}

export async function getTouchpoint(key: string): Promise<Touchpoint> {
  const doc = await TouchpointModel.findOne({ key });
  if (!doc) throw new NotFound(`There is no touchpoint "${key}".`);
  return toTouchpoint(doc);
}

/**
 * Changes a touchpoint. Targets change only through a new version of its standard (with `reason` as its
 * why), and only when they differ from the current ones, so saving an unchanged form adds no version.
 */
export async function updateTouchpoint(key: string, update: TouchpointUpdate, editedBy: string | null = null): Promise<Touchpoint> {
  const { target, reason, ...fields } = update;
  const doc = await TouchpointModel.findOneAndUpdate({ key }, { $set: fields }, { returnDocument: 'after' });
  if (!doc) throw new NotFound(`There is no touchpoint "${key}".`);
  if (target === undefined || diffTargets((doc.target ?? {}) as TouchpointTarget, target).length === 0) return toTouchpoint(doc);
  await createStandardVersion({ touchpoint: key, target, createdBy: editedBy, reason: reason ?? null, source: 'touchpoint-edit' });
  return getTouchpoint(key);
}

/** The keys that exist, for validating a response's `touchpoint`. */
export async function touchpointExists(key: string): Promise<boolean> {
  return (await TouchpointModel.exists({ key })) !== null;
}
