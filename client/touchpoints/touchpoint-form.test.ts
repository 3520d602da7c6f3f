import { describe, expect, it } from 'vitest';
import { emptyFields, fieldsFromTouchpoint, touchpointInputFrom } from './touchpoint-form';

const filled = () => ({ ...emptyFields(), key: 'after-sales', name: 'After-sales service' });

describe('touchpointInputFrom', () => {
  it('builds the API input with owners and numeric targets', () => {
    const fields = filled();
    fields.owners = 'a@example.test, b@example.test\nc@example.test';
    fields.target.nps = '30';
    fields.target.csat = '4,2';
    expect(touchpointInputFrom(fields)).toEqual({
      ok: true,
      input: {
        key: 'after-sales',
        name: 'After-sales service',
        owners: ['a@example.test', 'b@example.test', 'c@example.test'],
        target: { nps: 30, csat: 4.2 },
      },
    });
  });

  it('reports each invalid field', () => {
    const fields = filled();
    fields.key = 'After Sales';
    fields.owners = 'not-an-email';
    fields.target.nps = '120';
    fields.target.ces = 'abc';
    const result = touchpointInputFrom(fields);
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['key', 'owners', 'target.ces', 'target.nps']);
  });
});

describe('fieldsFromTouchpoint', () => {
  it('fills the form from a stored touchpoint', () => {
    const fields = fieldsFromTouchpoint({
      id: '1',
      key: 'k',
      name: 'N',
      owners: ['a@example.test'],
      target: { minN: 30 },
      createdAt: '',
      updatedAt: '',
    });
    expect(fields.owners).toBe('a@example.test');
    expect(fields.target.minN).toBe('30');
    expect(fields.target.nps).toBe('');
  });
});
