import type { Role } from '@shared/auth/auth.schema';
import type { MessageKey } from '../i18n/en';
import { normalizePath } from '../lib/router';

export type SectionId = 'dashboard' | 'cases' | 'actions' | 'reports' | 'surveys' | 'touchpoints' | 'contacts' | 'distributions' | 'webhooks' | 'account' | 'case-settings' | 'settings';

export interface StaffSection {
  id: SectionId;
  /** Base path; the section also owns everything below it (`/surveys/42`). */
  path: string;
  labelKey: MessageKey;
  placeholderKey: MessageKey;
  /** Roles that see the section. The API enforces permissions; this only keeps the UI honest. */
  roles: readonly Role[];
}

/** The roles of people who work with feedback; agents see only cases and their own account. */
const EVERYONE: readonly Role[] = ['admin', 'designer', 'analyst'];

/** Navigation order is the order of this list. */
export const STAFF_SECTIONS: readonly StaffSection[] = [
  { id: 'dashboard', path: '/dashboard', labelKey: 'nav.dashboard', placeholderKey: 'dashboard.placeholder', roles: EVERYONE },
  // Agents work the cases of their teams (the API allows them nothing else but their account).
  { id: 'cases', path: '/cases', labelKey: 'nav.cases', placeholderKey: 'cases.placeholder', roles: ['admin', 'agent'] },
  { id: 'actions', path: '/actions', labelKey: 'nav.actions', placeholderKey: 'actions.placeholder', roles: EVERYONE },
  // Built service reports (the scheduled emails link here), printable on A4.
  { id: 'reports', path: '/reports', labelKey: 'nav.reports', placeholderKey: 'reports.placeholder', roles: EVERYONE },
  // Surveys is the builder: analysts read results on the dashboard but do not edit surveys.
  { id: 'surveys', path: '/surveys', labelKey: 'nav.surveys', placeholderKey: 'surveys.placeholder', roles: ['admin', 'designer'] },
  { id: 'touchpoints', path: '/touchpoints', labelKey: 'nav.touchpoints', placeholderKey: 'touchpoints.placeholder', roles: EVERYONE },
  { id: 'contacts', path: '/contacts', labelKey: 'nav.contacts', placeholderKey: 'contacts.placeholder', roles: EVERYONE },
  { id: 'distributions', path: '/distributions', labelKey: 'nav.distributions', placeholderKey: 'distributions.placeholder', roles: EVERYONE },
  { id: 'webhooks', path: '/webhooks', labelKey: 'nav.webhooks', placeholderKey: 'webhooks.lead', roles: ['admin'] },
  // One's own password and API tokens.
  { id: 'account', path: '/account', labelKey: 'nav.account', placeholderKey: 'account.placeholder', roles: [...EVERYONE, 'agent'] },
  // Case teams with their calendars, and SLA policies.
  { id: 'case-settings', path: '/case-settings', labelKey: 'nav.caseSettings', placeholderKey: 'caseSettings.placeholder', roles: ['admin'] },
  { id: 'settings', path: '/settings', labelKey: 'nav.settings', placeholderKey: 'settings.placeholder', roles: ['admin'] },
];

export const HOME_PATH = '/';
export const LOGIN_PATH = '/login';

export function sectionsFor(role: Role): StaffSection[] {
  return STAFF_SECTIONS.filter((section) => section.roles.includes(role));
}

export type StaffRoute =
  | { kind: 'home' }
  | { kind: 'section'; section: StaffSection; subpath: string }
  | { kind: 'forbidden'; section: StaffSection }
  | { kind: 'not-found' };

/** Decides what the signed-in shell shows for a pathname. */
export function resolveStaffRoute(pathname: string, role: Role): StaffRoute {
  const path = normalizePath(pathname);
  if (path === HOME_PATH) return { kind: 'home' };
  const section = STAFF_SECTIONS.find((candidate) => path === candidate.path || path.startsWith(`${candidate.path}/`));
  if (!section) return { kind: 'not-found' };
  if (!section.roles.includes(role)) return { kind: 'forbidden', section };
  return { kind: 'section', section, subpath: path.slice(section.path.length) || '/' };
}

/** Whether a nav entry is the current page (or an ancestor of it), for aria-current. */
export function isCurrentSection(section: StaffSection, pathname: string): boolean {
  const path = normalizePath(pathname);
  return path === section.path || path.startsWith(`${section.path}/`);
}
