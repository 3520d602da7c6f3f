import { describe, expect, it } from 'vitest';
import { checkDefinitionContract, DEFINITION_LIMITS } from './definition-contract';
import { jsonDepthExceeds } from './json-depth';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

describe('jsonDepthExceeds', () => {
  it('counts objects and arrays, not scalars', () => {
    expect(jsonDepthExceeds(1, 1)).toBe(false);
    expect(jsonDepthExceeds({ a: [1] }, 2)).toBe(false);
    expect(jsonDepthExceeds({ a: [{}] }, 2)).toBe(true);
  });
  it('handles nesting far past the stack without recursing', () => {
    expect(jsonDepthExceeds(nested(200_000), 64)).toBe(true);
  });
});

describe('definition depth', () => {
  it('refuses deep JSON in any property of the definition', () => {
    const definition = { pages: [{ name: 'p', elements: [{ type: 'text', name: 'q', extra: nested(DEFINITION_LIMITS.maxJsonDepth) }] }] };
    expect(checkDefinitionContract(definition)).toEqual([expect.objectContaining({ code: 'too-deep', path: '' })]);
  });
});
