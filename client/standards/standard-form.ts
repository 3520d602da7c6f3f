import { COMMITMENT_METRICS, standardVersionInputSchema } from '@shared/standards/standard.schema';
import type { COMPARATORS, CommitmentMetric, StandardVersion, StandardVersionInput } from '@shared/standards/standard.schema';
import { targetFields, targetFromFields, type FieldErrors, type TargetField } from '../touchpoints/touchpoint-form';

/** One commitment as typed: `metric` empty for a commitment no metric checks. */
export interface CommitmentFields {
  name: string;
  text: string;
  metric: CommitmentMetric | '';
  comparator: (typeof COMPARATORS)[number];
  threshold: string;
}

/** The standard editor as typed: every field a string; the SLA policy as its id, '' for none. */
export interface StandardFields {
  commitments: CommitmentFields[];
  target: Record<TargetField, string>;
  slaPolicyId: string;
  reason: string;
}

export const emptyCommitment = (): CommitmentFields => ({ name: '', text: '', metric: '', comparator: 'at-least', threshold: '' });

export const isCommitmentMetric = (value: string): value is CommitmentMetric => (COMMITMENT_METRICS as readonly string[]).includes(value);

/** The editor opened on a version: its commitments, targets and policy, and an empty reason (each version says its own why). */
export function fieldsFromVersion(version: StandardVersion | null): StandardFields {
  return {
    commitments: (version?.commitments ?? []).map((c) => ({
      name: c.name,
      text: c.text ?? '',
      metric: c.measure?.metric ?? '',
      comparator: c.measure?.comparator ?? 'at-least',
      threshold: c.measure ? String(c.measure.threshold) : '',
    })),
    target: targetFields(version?.target ?? {}),
    slaPolicyId: version?.slaPolicy?.id ?? '',
    reason: '',
  };
}

/**
 * The typed editor as a new version's input, checked with the shared schema so the form refuses what the
 * API would. `keepPolicy`: the SLA policy is left out (carried over) when the editor could not list
 * policies. Errors are keyed `commitments.<i>.<field>`, `target.<metric>`, `reason`, `commitments`.
 */
export function versionInputFrom(fields: StandardFields, keepPolicy: boolean): { ok: true; input: StandardVersionInput } | { ok: false; errors: FieldErrors } {
  const { target, errors } = targetFromFields(fields.target);
  const commitments = fields.commitments.map((row, index) => {
    const threshold = Number(row.threshold.trim().replace(',', '.'));
    if (row.metric !== '' && (row.threshold.trim() === '' || !Number.isFinite(threshold))) errors[`commitments.${index}.threshold`] = 'not-a-number';
    return {
      name: row.name.trim(),
      ...(row.text.trim() ? { text: row.text.trim() } : {}),
      ...(row.metric !== '' ? { measure: { metric: row.metric, comparator: row.comparator, threshold } } : {}),
    };
  });
  const candidate = {
    commitments,
    target,
    ...(keepPolicy ? {} : { slaPolicyId: fields.slaPolicyId === '' ? null : fields.slaPolicyId }),
    reason: fields.reason.trim(),
  };
  const parsed = standardVersionInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      const field =
        path[0] === 'commitments' && path.length >= 3
          ? `commitments.${path[1]}.${path.includes('threshold') ? 'threshold' : path[2]}`
          : path[0] === 'target' && path[1]
            ? `target.${path[1]}`
            : (path[0] ?? 'form');
      errors[field] ??= issue.code === 'too_small' && field === 'reason' ? 'required' : issue.code === 'too_small' || issue.code === 'too_big' ? 'out-of-range' : 'invalid';
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, input: candidate };
}
