import { useLocale, useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Link } from '../lib/Link';
import { newActionHref } from '../actions/action-prefill';
import { LoadFailed } from '../lib/LoadFailed';
import { dashboardApi } from './dashboard-api';
import type { ScoreText } from './score-text';
import { useLoad } from '../lib/use-load';

/** The touchpoint's latest target breaches and recoveries, newest first. */
export function AlertList({ touchpoint, text }: { touchpoint: string; text: ScoreText }) {
  const t = useT();
  const { locale } = useLocale();
  const { state, retry } = useLoad(`alerts-${touchpoint}`, () => dashboardApi(api).alerts(touchpoint));
  if (state.kind === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (state.kind === 'failed') return <LoadFailed message={t('dashboard.alerts.failed')} onRetry={retry} />;
  if (state.value.length === 0) return <p className="hint">{t('dashboard.alerts.empty')}</p>;
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ul className="alert-list">
      {state.value.map((alert) => (
        <li key={alert.id} className={`alert alert-${alert.kind}`}>
          {text.alert(alert, dateFormat.format(new Date(alert.at)))}
          {alert.kind === 'breach' && (
            <>
              {' '}
              <Link to={newActionHref({ touchpoint: alert.touchpoint, metric: alert.metric, problem: text.alert(alert, dateFormat.format(new Date(alert.at))) })}>{t('dashboard.openAction')}</Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
