import { ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { StoreError } from './errors';
import { mingoOptions } from './mingo-options';
import { applyUpdate, buildUpsertDocument } from './update-engine';

const context = (filter: object = {}) => ({ filter, options: mingoOptions() });

describe('applyUpdate', () => {
  it('applies operators and ignores $setOnInsert on existing documents', () => {
    const out = applyUpdate({ _id: 1, n: 1 }, { $inc: { n: 2 }, $setOnInsert: { created: true } }, context());
    expect(out).toEqual({ _id: 1, n: 3 });
  });

  it('replaces the whole document but keeps _id', () => {
    expect(applyUpdate({ _id: 1, a: 1 }, { b: 2 }, context())).toEqual({ _id: 1, b: 2 });
  });

  it('refuses to change _id', () => {
    expect(() => applyUpdate({ _id: 1 }, { _id: 2, a: 1 }, context())).toThrow(StoreError);
    expect(() => applyUpdate({ _id: 1 }, { $set: { _id: 2 } }, context())).toThrow(expect.objectContaining({ code: 66 }));
  });

  it('supports positional updates from the filter and pipeline updates', () => {
    expect(applyUpdate({ _id: 1, a: [1, 2, 3] }, { $set: { 'a.$': 9 } }, context({ a: 2 }))).toEqual({ _id: 1, a: [1, 9, 3] });
    expect(applyUpdate({ _id: 1, a: 2 }, [{ $set: { b: { $multiply: ['$a', 3] } } }], context())).toEqual({ _id: 1, a: 2, b: 6 });
  });
});

describe('buildUpsertDocument', () => {
  it('seeds from filter equalities, then applies the update and $setOnInsert', () => {
    const doc = buildUpsertDocument(
      { $set: { n: 1 }, $setOnInsert: { created: true } },
      context({ email: 'a@x', 'profile.city': { $eq: 'Oslo' }, age: { $gt: 3 }, $and: [{ team: 't' }] }),
    );
    expect(doc._id).toBeInstanceOf(ObjectId);
    expect(doc).toMatchObject({ email: 'a@x', profile: { city: 'Oslo' }, team: 't', n: 1, created: true });
    expect(doc).not.toHaveProperty('age');
  });

  it('takes _id from the filter for a replacement upsert', () => {
    expect(buildUpsertDocument({ name: 'x' }, context({ _id: 'k' }))).toEqual({ _id: 'k', name: 'x' });
  });
});

describe('applyUpdate on plain $set / $inc / $push / $addToSet paths (applied without mingo)', () => {
  it('creates and adds nested counters and sets values, as mingo would', () => {
    const out = applyUpdate({ _id: 1, stats: { n: 2 } }, { $inc: { 'stats.n': 3, 'stats.csat.hist.4': 1 }, $set: { 'meta.by': 'x' } }, context());
    expect(out).toEqual({ _id: 1, stats: { n: 5, csat: { hist: { 4: 1 } } }, meta: { by: 'x' } });
  });

  it('pushes and adds to sets as MongoDB does, creating the array when missing', () => {
    const now = new Date('2026-12-04T10:00:00Z');
    const out = applyUpdate(
      { _id: 1, status: 'new', timeline: [{ kind: 'opened' }], fired: ['ack:warn'] },
      { $set: { status: 'acknowledged', 'clock.version': 2 }, $push: { timeline: { at: now, kind: 'moved', data: { to: 'acknowledged' } }, 'x.log': [1, 2] }, $addToSet: { fired: 'ack:warn', breached: 'ack' } },
      context(),
    );
    expect(out).toEqual({ _id: 1, status: 'acknowledged', clock: { version: 2 }, timeline: [{ kind: 'opened' }, { at: now, kind: 'moved', data: { to: 'acknowledged' } }], fired: ['ack:warn'], x: { log: [[1, 2]] }, breached: ['ack'] });
    // Existing duplicates stay, a new value is added once, equal numbers and documents count as present.
    expect(applyUpdate({ _id: 1, tags: ['t3', 't3'] }, { $addToSet: { tags: 't1' } }, context()).tags).toEqual(['t3', 't3', 't1']);
    expect(applyUpdate({ _id: 1, tags: [1, { a: 1 }] }, { $addToSet: { tags: { $each: [1.0, { a: 1 }, { a: 2 }, 'x', 'x'] } } }, context()).tags).toEqual([1, { a: 1 }, { a: 2 }, 'x']);
  });

  it('leaves arrays and conflicts to mingo and refuses non-numbers and scalars in the way', () => {
    expect(applyUpdate({ _id: 1, a: [1, 2] }, { $inc: { 'a.1': 5 } }, context())).toEqual({ _id: 1, a: [1, 7] });
    expect(() => applyUpdate({ _id: 1 }, { $set: { a: 1 }, $inc: { a: 1 } }, context())).toThrow(/conflict/);
    // MongoDB refuses these (14 TypeMismatch, 28 PathNotViable); neither path may apply them silently.
    expect(() => applyUpdate({ _id: 1, n: 'x' }, { $inc: { n: 1 } }, context())).toThrow(expect.objectContaining({ code: 14 }));
    expect(() => applyUpdate({ _id: 1, a: 5 }, { $set: { 'a.b': 1 } }, context())).toThrow(expect.objectContaining({ code: 28 }));
    expect(() => applyUpdate({ _id: 1, a: 5 }, { $push: { a: 1 } }, context())).toThrow(expect.objectContaining({ code: 2 }));
    expect(() => applyUpdate({ _id: 1, a: 'x' }, { $addToSet: { a: 'y' } }, context())).toThrow(expect.objectContaining({ code: 2 }));
    expect(() => applyUpdate({ _id: 1, a: [] }, { $push: { a: 1 }, $set: { 'a.0': 2 } }, context())).toThrow(/conflict/);
  });
});
