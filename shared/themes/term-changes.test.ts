import { describe, expect, it } from 'vitest';
import { countTerms, termChanges, termFrequencies } from './term-changes';

describe('term frequencies and changes', () => {
  it('counts each term once per comment', () => {
    expect(termFrequencies(['wait wait wait', 'waiting']).get('wait')).toBe(2);
  });
  it('reports a significant rise and filters rare terms', () => {
    const before = countTerms([...Array(40).fill('nice staff'), ...Array(2).fill('排队')]);
    const after = countTerms([...Array(20).fill('nice staff'), ...Array(22).fill('排队太长'), 'parking']);
    const changes = termChanges(before, after, { minCount: 5 });
    const queue = changes.find((c) => c.term === '排队');
    expect(queue?.significant).toBe(true);
    expect(queue?.shareChange).toBeGreaterThan(0);
    expect(changes.find((c) => c.term === 'park')).toBeUndefined();
  });
});
