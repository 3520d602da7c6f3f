import { describe, expect, it } from 'vitest';
import { contactInputSchema, contactListQuerySchema, contactUpdateSchema } from './contact.schema';

describe('contactInputSchema', () => {
  it('normalises the email and accepts flat scalar attributes', () => {
    const parsed = contactInputSchema.parse({ email: '  Ann@Example.TEST ', locale: 'zh-CN', attributes: { 会员等级: 'gold', visits: 3, vip: true, 'Customer ID': 'C-1' } });
    expect(parsed).toEqual({ email: 'ann@example.test', locale: 'zh-CN', attributes: { 会员等级: 'gold', visits: 3, vip: true, 'Customer ID': 'C-1' } });
  });

  it('refuses attribute names with MongoDB path syntax, nested values, too many attributes and unknown fields', () => {
    const issues = (input: unknown) => contactInputSchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.'));
    expect(issues({ email: 'a@example.test', attributes: { 'a.b': 1 } })).toEqual(['attributes.a.b']);
    expect(issues({ email: 'a@example.test', attributes: { $where: 1 } })).toEqual(['attributes.$where']);
    expect(issues({ email: 'a@example.test', attributes: { nested: { x: 1 } } })).toEqual(['attributes.nested']);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));
    expect(issues({ email: 'a@example.test', attributes: many })).toEqual(['attributes']);
    expect(issues({ email: 'a@example.test', company: 'x' })).toEqual(['']);
    expect(issues({ email: 'a@example.test', segment: 'VIP', locale: 'fr', phone: 'call me' })?.sort()).toEqual(['locale', 'phone', 'segment']);
  });
});

describe('contactUpdateSchema', () => {
  it('needs at least one field and lets null clear one', () => {
    expect(contactUpdateSchema.safeParse({}).success).toBe(false);
    expect(contactUpdateSchema.parse({ name: null, segment: 'vip' })).toEqual({ name: null, segment: 'vip' });
  });
});

describe('contactListQuerySchema', () => {
  it('reads the consent flag and defaults the page size', () => {
    expect(contactListQuerySchema.parse({ unsubscribed: 'true', q: ' ann ' })).toEqual({ unsubscribed: true, q: 'ann', limit: 50 });
    expect(contactListQuerySchema.safeParse({ cursor: 'nope' }).success).toBe(false);
  });
});
