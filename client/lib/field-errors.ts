import type { z } from 'zod';
import type { InvalidParam } from '@shared/http/problem.schema';

/**
 * Files refusals under a form's fields by path: each goes to the longest field that is its path or a
 * prefix of it (`body.rules.0.targets.plan` → `rules.0.targets.plan`, `body.audience.contactIds.3` →
 * `audience.contactIds`), the first refusal per field wins; what fits no field comes back in `other`.
 * Server `invalid_params` carry a `body.` prefix; client-side zod issues do not.
 */
export function fileUnderFields<F extends string>(params: readonly InvalidParam[], fields: readonly F[]): { errors: Partial<Record<F, string>>; other: InvalidParam[] } {
  const longestFirst = [...fields].sort((a, b) => b.length - a.length);
  const errors: Partial<Record<F, string>> = {};
  const other: InvalidParam[] = [];
  for (const param of params) {
    const name = param.name.replace(/^body\.?/, '');
    const field = longestFirst.find((candidate) => name === candidate || name.startsWith(`${candidate}.`));
    if (!field) other.push(param);
    else errors[field] ??= param.reason;
  }
  return { errors, other };
}

/** A zod failure in the shape the server refuses with, so one function files both. */
export function issuesAsParams(error: z.ZodError): InvalidParam[] {
  return error.issues.map((issue) => ({ name: issue.path.map(String).join('.'), reason: issue.message }));
}
