import { touchpointInputSchema } from '@shared/touchpoints/touchpoint.schema';
import type { Touchpoint, TouchpointInput, TouchpointTarget } from '@shared/touchpoints/touchpoint.schema';

/** Target fields of the form, in display order. */
export const TARGET_FIELDS = ['nps', 'csat-satisfied', 'csat', 'ces', 'servqual-gap', 'index', 'minN'] as const satisfies readonly (keyof TouchpointTarget)[];
export type TargetField = (typeof TARGET_FIELDS)[number];

/** The form as typed: every field a string, owners one e-mail address per line or comma-separated. */
export interface TouchpointFields {
  key: string;
  name: string;
  description: string;
  owners: string;
  target: Record<TargetField, string>;
}

export const emptyFields = (): TouchpointFields => ({
  key: '',
  name: '',
  description: '',
  owners: '',
  target: targetFields({}),
});

export function fieldsFromTouchpoint(touchpoint: Touchpoint): TouchpointFields {
  const fields = emptyFields();
  fields.key = touchpoint.key;
  fields.name = touchpoint.name;
  fields.description = touchpoint.description ?? '';
  fields.owners = touchpoint.owners.join('\n');
  fields.target = targetFields(touchpoint.target);
  return fields;
}

export type FieldErrors = Partial<Record<string, string>>;

/** The typed target fields as numbers (empty ones left out); a field that is no number is an error keyed `target.<field>`. */
export function targetFromFields(typed: Record<TargetField, string>): { target: Record<string, number>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const target: Record<string, number> = {};
  for (const field of TARGET_FIELDS) {
    const text = typed[field].trim().replace(',', '.');
    if (text === '') continue;
    const value = Number(text);
    if (Number.isFinite(value)) target[field] = value;
    else errors[`target.${field}`] = 'not-a-number';
  }
  return { target, errors };
}

/** The form's target fields filled from stored targets. */
export function targetFields(target: TouchpointTarget): Record<TargetField, string> {
  return Object.fromEntries(TARGET_FIELDS.map((field) => [field, target[field] === undefined ? '' : String(target[field])])) as Record<TargetField, string>;
}

/**
 * Turns the typed form into the shared input schema's shape and validates it there, so the form
 * refuses exactly what the API would. Errors are keyed by field (`key`, `owners`, `target.nps`).
 */
export function touchpointInputFrom(fields: TouchpointFields): { ok: true; input: TouchpointInput } | { ok: false; errors: FieldErrors } {
  const { target, errors } = targetFromFields(fields.target);
  const owners = fields.owners
    .split(/[\s,;]+/)
    .map((owner) => owner.trim())
    .filter(Boolean);
  const candidate = {
    key: fields.key.trim(),
    name: fields.name.trim(),
    ...(fields.description.trim() ? { description: fields.description.trim() } : {}),
    owners,
    target,
  };
  const parsed = touchpointInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, second] = issue.path.map(String);
      const field = first === 'target' && second ? `target.${second}` : (first ?? 'form');
      errors[field] ??= issue.code === 'too_small' || issue.code === 'too_big' ? 'out-of-range' : 'invalid';
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, input: parsed.data };
}
