import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import type { SectionId } from './staff-routes';

/** Each section is its own chunk, fetched the first time someone opens it. */
export const SECTION_PAGES: Record<SectionId, LazyExoticComponent<ComponentType>> = {
  dashboard: lazy(() => import('../dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage }))),
  cases: lazy(() => import('../cases/CasesPage').then((m) => ({ default: m.CasesPage }))),
  'case-settings': lazy(() => import('../cases/settings/CaseSettingsPage').then((m) => ({ default: m.CaseSettingsPage }))),
  reports: lazy(() => import('../reports/ReportsPage').then((m) => ({ default: m.ReportsPage }))),
  actions: lazy(() => import('../actions/ActionsPage').then((m) => ({ default: m.ActionsPage }))),
  surveys: lazy(() => import('../surveys/SurveysPage').then((m) => ({ default: m.SurveysPage }))),
  touchpoints: lazy(() => import('../touchpoints/TouchpointsPage').then((m) => ({ default: m.TouchpointsPage }))),
  contacts: lazy(() => import('../contacts/ContactsPage').then((m) => ({ default: m.ContactsPage }))),
  distributions: lazy(() => import('../distributions/DistributionsPage').then((m) => ({ default: m.DistributionsPage }))),
  account: lazy(() => import('../account/AccountPage').then((m) => ({ default: m.AccountPage }))),
  webhooks: lazy(() => import('../webhooks/WebhooksPage').then((m) => ({ default: m.WebhooksPage }))),
  settings: lazy(() => import('../settings/SettingsPage').then((m) => ({ default: m.SettingsPage }))),
};
