import { describe, expect, it } from 'vitest';
import { customerEmailKey, customerEmailKindOf } from './customer-email-kind';

describe('customer emails of a case', () => {
  it('acknowledge, answer messages and ask on resolution; notes and other moves send nothing', () => {
    expect(customerEmailKindOf({ kind: 'moved', data: { move: 'acknowledge', from: 'new', to: 'acknowledged' } })).toBe('case-acknowledged');
    expect(customerEmailKindOf({ kind: 'message', data: { text: 'Fixed.' } })).toBe('case-answer');
    expect(customerEmailKindOf({ kind: 'moved', data: { move: 'resolve', from: 'new', to: 'resolved' } })).toBe('case-resolved');
    expect(customerEmailKindOf({ kind: 'moved', data: { move: 'resolve', from: 'waiting-on-customer', to: 'resolved' } })).toBe('case-resolved');
    for (const entry of [
      { kind: 'note' as const, data: { text: 'internal' } },
      { kind: 'opened' as const, data: {} },
      { kind: 'customer-reply' as const, data: { text: 'thanks' } },
      { kind: 'moved' as const, data: { move: 'reopen', from: 'resolved', to: 'investigating' } },
      { kind: 'moved' as const, data: { move: 'close', from: 'resolved', to: 'closed' } },
    ])
      expect(customerEmailKindOf(entry), JSON.stringify(entry)).toBeNull();
  });

  it('key the acknowledgement per case, answers per message and resolutions per cycle', () => {
    expect(customerEmailKey('case-acknowledged', 'C-000001', 2, 5)).toBe('case-acknowledged/C-000001');
    expect(customerEmailKey('case-answer', 'C-000001', 2, 5)).toBe('case-answer/C-000001/5');
    expect(customerEmailKey('case-resolved', 'C-000001', 2, 5)).toBe('case-resolved/C-000001/2');
  });
});
