import type { Touchpoint, TouchpointInput, TouchpointUpdate } from '@shared/touchpoints/touchpoint.schema';
import { Conflict, NotFound } from '../lib/errors';
import { isDuplicateKey } from '../lib/mongo-errors';
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

export async function createTouchpoint(input: TouchpointInput): Promise<Touchpoint> {
  try {
    return toTouchpoint(await TouchpointModel.create({ ...input, owners: input.owners ?? [], target: input.target ?? {} }));
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

export async function updateTouchpoint(key: string, update: TouchpointUpdate): Promise<Touchpoint> {
  const doc = await TouchpointModel.findOneAndUpdate({ key }, { $set: update }, { new: true });
  if (!doc) throw new NotFound(`There is no touchpoint "${key}".`);
  return toTouchpoint(doc);
}

/** The keys that exist, for validating a response's `touchpoint`. */
export async function touchpointExists(key: string): Promise<boolean> {
  return (await TouchpointModel.exists({ key })) !== null;
}
