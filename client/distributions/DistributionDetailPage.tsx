import { useEffect, useState } from 'react';
import type { Audience } from '@shared/distributions/distribution.schema';
import type { Translate } from '../i18n/i18n-context';
import { useLocale, useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Link } from '../lib/Link';
import { Loaded } from '../lib/Loaded';
import { useLoad } from '../lib/use-load';
import { useStaffRole } from '../lib/use-staff-role';
import { DistributionActions } from './DistributionActions';
import { DistributionCountsTable } from './DistributionCountsTable';
import { scheduleSummary } from './distribution-form';
import { distributionsApi } from './distributions-api';
import { DistributionStatusBadge } from './DistributionStatusBadge';
import { OutboxTable } from './OutboxTable';
import { MAY_RUN_DISTRIBUTIONS, useDistributionNames } from './use-distribution-names';

/** How often an active distribution's counts and outbox are fetched again. */
export const REFRESH_MS = 3000;

function audienceSummary(audience: Audience, t: Translate): string {
  const segment = Array.isArray(audience.segment) ? audience.segment.join(', ') : audience.segment;
  const base = audience.contactIds
    ? t('distributions.audience.contacts', { count: audience.contactIds.length })
    : segment
      ? t('distributions.audience.segment', { segment })
      : t('distributions.audience.all');
  return audience.filter ? t('distributions.audience.filtered', { audience: base }) : base;
}

/** One distribution: its settings, delivery counts, status controls and outbox; refreshed while it runs. */
export function DistributionDetailPage({ id }: { id: string }) {
  const t = useT();
  const { locale } = useLocale();
  const role = useStaffRole();
  const names = useDistributionNames();
  const load = useLoad(`distribution ${id}`, () => distributionsApi(api).get(id));
  const { state, replace, refresh } = load;
  const [tick, setTick] = useState(0);

  // A poll reloads quietly: what is on screen stays (no loading flash, a failed poll keeps it) until the reply replaces it.
  const live = state.kind === 'ready' && (state.value.status === 'active' || state.value.counts.queued > 0);
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      refresh();
      setTick((n) => n + 1);
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [live, refresh]);

  const back = (
    <p>
      <Link to="/distributions">{t('distributions.form.back')}</Link>
    </p>
  );
  if (state.kind !== 'ready') {
    return (
      <section className="page" aria-labelledby="page-title">
        {back}
        <h1 id="page-title">{t('nav.distributions')}</h1>
        <Loaded load={load} failed={t('distributions.detail.loadFailed')} notFound={<p>{t('distributions.detail.notFound')}</p>} />
      </section>
    );
  }

  const distribution = state.value;
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const surveyTitle = names.surveys.get(distribution.survey) ?? t('distributions.unknownSurvey', { id: distribution.survey });
  const mayRun = role !== null && MAY_RUN_DISTRIBUTIONS.includes(role);
  const sendWindow = distribution.sendWindow;

  return (
    <section className="page" aria-labelledby="page-title">
      {back}
      <h1 id="page-title">{t('distributions.detail.title', { survey: surveyTitle })}</h1>
      <div className="distribution-status">
        <span>
          {t('distributions.detail.status')}: <DistributionStatusBadge status={distribution.status} />
        </span>
        {mayRun && <DistributionActions distribution={distribution} onChanged={replace} />}
      </div>
      {live && <p className="hint">{t('distributions.detail.autoRefresh')}</p>}

      <h2 className="section-heading">{t('distributions.detail.settings')}</h2>
      <dl className="distribution-fields">
        <dt>{t('distributions.detail.touchpoint')}</dt>
        <dd>{names.touchpoints.get(distribution.touchpoint) ?? distribution.touchpoint}</dd>
        <dt>{t('distributions.detail.channel')}</dt>
        <dd>{distribution.channel ?? '—'}</dd>
        <dt>{t('distributions.detail.audience')}</dt>
        <dd>{audienceSummary(distribution.audience, t)}</dd>
        <dt>{t('distributions.detail.schedule')}</dt>
        <dd>{scheduleSummary(distribution.schedule, t, locale)}</dd>
        <dt>{t('distributions.detail.reminders')}</dt>
        <dd>
          {distribution.reminders.max === 0
            ? t('distributions.detail.noReminders')
            : t('distributions.detail.remindersValue', { days: distribution.reminders.afterDays, max: distribution.reminders.max })}
        </dd>
        <dt>{t('distributions.detail.quarantine')}</dt>
        <dd>{t('distributions.detail.quarantineValue', { days: distribution.quarantineDays })}</dd>
        <dt>{t('distributions.detail.window')}</dt>
        <dd>{sendWindow ? t('distributions.detail.windowValue', { from: sendWindow.from, to: sendWindow.to, timezone: sendWindow.timezone }) : t('distributions.detail.noWindow')}</dd>
        <dt>{t('distributions.detail.lastOccurrence')}</dt>
        <dd>{distribution.lastOccurrence ?? t('distributions.detail.never')}</dd>
        <dt>{t('distributions.detail.created')}</dt>
        <dd>{dateFormat.format(new Date(distribution.createdAt))}</dd>
      </dl>

      <DistributionCountsTable counts={distribution.counts} />
      <OutboxTable distributionId={distribution.id} refresh={tick} />
    </section>
  );
}
