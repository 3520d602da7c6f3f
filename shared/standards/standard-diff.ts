import type { SlaPolicy } from '../cases/sla-policy.schema';
import { TARGET_METRICS } from '../scoring/target.schema';
import type { Commitment, StandardDiff, StandardVersion } from './standard.schema';

type Change = 'added' | 'removed' | 'changed';
type Scalar = string | number;

const changeOf = (before: unknown, after: unknown): Change | null =>
  before === undefined ? (after === undefined ? null : 'added') : after === undefined ? 'removed' : null;

/** Commitment names compare without case, as the schema keeps them unique that way. */
const byName = (list: readonly Commitment[]) => new Map(list.map((c) => [c.name.toLowerCase(), c]));

/** Structural equality of plain JSON values (key order ignored). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return keysA.length === keysB.length && keysA.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function diffCommitments(before: readonly Commitment[], after: readonly Commitment[]): StandardDiff['commitments'] {
  const old = byName(before);
  const fresh = byName(after);
  const rows: StandardDiff['commitments'] = [];
  for (const [key, was] of old) {
    const now = fresh.get(key);
    if (!now) rows.push({ name: was.name, change: 'removed', before: was, after: null });
    else if (!sameJson(was, now)) rows.push({ name: now.name, change: 'changed', before: was, after: now });
  }
  for (const [key, now] of fresh) if (!old.has(key)) rows.push({ name: now.name, change: 'added', before: null, after: now });
  return rows;
}

/** Added, removed and changed entries between two flat maps of scalars, in the order of `keys`. */
function diffFlat<V extends Scalar>(keys: readonly string[], before: Map<string, V>, after: Map<string, V>): Array<{ key: string; change: Change; before: V | null; after: V | null }> {
  const rows: Array<{ key: string; change: Change; before: V | null; after: V | null }> = [];
  for (const key of keys) {
    const was = before.get(key);
    const now = after.get(key);
    const change = changeOf(was, now) ?? (was !== now ? 'changed' : null);
    if (change) rows.push({ key, change, before: was ?? null, after: now ?? null });
  }
  return rows;
}

const TARGET_KEYS = [...TARGET_METRICS, 'minN'] as const;

function targetEntries(target: StandardVersion['target']): Map<string, number> {
  return new Map(TARGET_KEYS.flatMap((key) => (target[key] === undefined ? [] : [[key, target[key]] as const])));
}

/** Target entries added, removed or changed from `before` to `after` (empty: the same targets). */
export function diffTargets(before: StandardVersion['target'], after: StandardVersion['target']): StandardDiff['targets'] {
  return diffFlat(TARGET_KEYS, targetEntries(before), targetEntries(after));
}

/** An SLA policy as field paths: rules by `<priority>/<segment>`, escalation rungs by level. */
function slaFields(sla: StandardVersion['slaPolicy']): Map<string, Scalar> {
  const fields = new Map<string, Scalar>();
  if (!sla) return fields;
  const policy: SlaPolicy = sla.policy;
  fields.set('policy', sla.id);
  fields.set('name', policy.name);
  fields.set('warningRatio', policy.warningRatio);
  for (const rule of policy.rules) {
    for (const [stage, seconds] of Object.entries(rule.targets)) fields.set(`rules.${rule.priority}/${rule.segment}.${stage}`, seconds);
  }
  for (const step of policy.escalation) fields.set(`escalation.${step.level}`, step.afterSeconds);
  return fields;
}

/** What changed from one standard version to another: commitments by name, targets by metric, SLA policy fields by path. */
export function diffStandards(from: StandardVersion, to: StandardVersion): StandardDiff {
  const slaBefore = slaFields(from.slaPolicy);
  const slaAfter = slaFields(to.slaPolicy);
  const slaKeys = [...new Set([...slaBefore.keys(), ...slaAfter.keys()])];
  return {
    from: from.version,
    to: to.version,
    commitments: diffCommitments(from.commitments, to.commitments),
    targets: diffTargets(from.target, to.target),
    slaPolicy: diffFlat(slaKeys, slaBefore, slaAfter).map(({ key, ...rest }) => ({ field: key, ...rest })),
  };
}
