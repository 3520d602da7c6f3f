import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { fileUnderFields, issuesAsParams } from './field-errors';

describe('fileUnderFields', () => {
  const fields = ['name', 'rules', 'rules.0.targets', 'rules.0.targets.plan'] as const;
  it('files each refusal under the longest matching field, the first per field, and returns the rest', () => {
    const { errors, other } = fileUnderFields(
      [
        { name: 'body.rules.0.targets.plan', reason: 'too small' },
        { name: 'body.rules.0.targets', reason: 'must not decrease' },
        { name: 'body.rules.0.targets.plan', reason: 'second reason' },
        { name: 'body.rules.1.segment', reason: 'bad slug' },
        { name: 'body.escalation', reason: 'climbs' },
        { name: 'name', reason: 'required' },
      ],
      fields,
    );
    expect(errors).toEqual({ 'rules.0.targets.plan': 'too small', 'rules.0.targets': 'must not decrease', rules: 'bad slug', name: 'required' });
    expect(other).toEqual([{ name: 'body.escalation', reason: 'climbs' }]);
  });
  it('does not treat a shared prefix as a parent field', () => {
    expect(fileUnderFields([{ name: 'body.names', reason: 'x' }], ['name']).other).toHaveLength(1);
  });
});

describe('issuesAsParams', () => {
  it('names each zod issue by its dotted path', () => {
    const parsed = z.object({ a: z.array(z.object({ b: z.number() })) }).safeParse({ a: [{ b: 'x' }] });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(issuesAsParams(parsed.error)).toEqual([{ name: 'a.0.b', reason: expect.any(String) }]);
  });
});
