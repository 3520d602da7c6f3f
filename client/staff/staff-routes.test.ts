import { describe, expect, it } from 'vitest';
import { isCurrentSection, resolveStaffRoute, sectionsFor, STAFF_SECTIONS } from './staff-routes';

const ids = (sections: { id: string }[]) => sections.map((section) => section.id);

describe('sectionsFor', () => {
  it('shows admins everything, Settings included', () => {
    expect(ids(sectionsFor('admin'))).toEqual(['dashboard', 'cases', 'actions', 'reports', 'surveys', 'touchpoints', 'contacts', 'distributions', 'webhooks', 'account', 'case-settings', 'settings']);
  });

  it('hides Settings from designers', () => {
    expect(ids(sectionsFor('designer'))).not.toContain('settings');
    expect(ids(sectionsFor('designer'))).toContain('surveys');
  });

  it('shows agents only their cases and their own account', () => {
    expect(ids(sectionsFor('agent'))).toEqual(['cases', 'account']);
    expect(resolveStaffRoute('/cases/C-000001', 'agent')).toMatchObject({ kind: 'section', section: { id: 'cases' }, subpath: '/C-000001' });
    expect(resolveStaffRoute('/dashboard', 'agent')).toMatchObject({ kind: 'forbidden' });
    expect(resolveStaffRoute('/case-settings', 'agent')).toMatchObject({ kind: 'forbidden' });
  });

  it('keeps cases from designers and analysts', () => {
    for (const role of ['designer', 'analyst'] as const) {
      expect(ids(sectionsFor(role))).not.toContain('cases');
      expect(ids(sectionsFor(role))).not.toContain('case-settings');
    }
  });

  it('hides the survey builder and Settings from analysts', () => {
    expect(ids(sectionsFor('analyst'))).toEqual(['dashboard', 'actions', 'reports', 'touchpoints', 'contacts', 'distributions', 'account']);
  });
});

describe('resolveStaffRoute', () => {
  it('resolves home, sections and their sub-paths', () => {
    expect(resolveStaffRoute('/', 'analyst')).toEqual({ kind: 'home' });
    expect(resolveStaffRoute('/dashboard/', 'analyst')).toMatchObject({ kind: 'section', subpath: '/' });
    expect(resolveStaffRoute('/surveys/42/edit', 'designer')).toMatchObject({
      kind: 'section',
      section: { id: 'surveys' },
      subpath: '/42/edit',
    });
  });

  it('refuses sections the role may not see', () => {
    expect(resolveStaffRoute('/settings', 'designer')).toMatchObject({ kind: 'forbidden', section: { id: 'settings' } });
    expect(resolveStaffRoute('/surveys', 'analyst')).toMatchObject({ kind: 'forbidden' });
  });

  it('does not treat a shared prefix as a section', () => {
    expect(resolveStaffRoute('/surveysx', 'admin')).toEqual({ kind: 'not-found' });
    expect(resolveStaffRoute('/nope', 'admin')).toEqual({ kind: 'not-found' });
  });

  it('has unique section paths', () => {
    expect(new Set(STAFF_SECTIONS.map((section) => section.path)).size).toBe(STAFF_SECTIONS.length);
  });
});

describe('isCurrentSection', () => {
  const surveys = STAFF_SECTIONS.find((section) => section.id === 'surveys')!;
  it('marks the section and its children current, not look-alikes', () => {
    expect(isCurrentSection(surveys, '/surveys')).toBe(true);
    expect(isCurrentSection(surveys, '/surveys/1')).toBe(true);
    expect(isCurrentSection(surveys, '/surveys-old')).toBe(false);
  });
});
