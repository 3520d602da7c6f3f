import { describe, expect, it } from 'vitest';
import { inboxQueryFrom, inboxSearch } from './cases-api';

describe('inbox query in the address bar', () => {
  it('round-trips views and filters, leaving empty ones out', () => {
    const query = { view: 'breached', status: 'investigating', priority: 'urgent', touchpoint: 'branch-visit' } as const;
    expect(inboxSearch(query)).toBe('?view=breached&status=investigating&priority=urgent&touchpoint=branch-visit');
    expect(inboxQueryFrom(inboxSearch(query))).toEqual(query);
    expect(inboxSearch({ view: 'all', touchpoint: '' })).toBe('?view=all');
  });
  it('opens on one’s own cases, and falls back to that for an address the API would refuse', () => {
    expect(inboxQueryFrom('')).toEqual({ view: 'mine' });
    expect(inboxQueryFrom('?status=teleported')).toEqual({ view: 'mine' });
    expect(inboxQueryFrom('?view=team&limit=5')).toEqual({ view: 'mine' });
    expect(inboxQueryFrom('?priority=high')).toEqual({ view: 'mine', priority: 'high' });
  });
});
