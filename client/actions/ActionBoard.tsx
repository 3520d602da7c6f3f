import { ACTION_PHASES } from '@shared/actions/action-phases';
import { useLocale, useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Link } from '../lib/Link';
import { Loaded } from '../lib/Loaded';
import { useLoad } from '../lib/use-load';
import { createScoreText } from '../dashboard/score-text';
import { ACTIONS_PATH, newActionHref } from './action-prefill';
import { actionsApi, type ActionSummary } from './actions-api';

function ActionCard({ action }: { action: ActionSummary }) {
  const t = useT();
  const { locale } = useLocale();
  const text = createScoreText(t, locale);
  return (
    <li className="action-card">
      <Link to={`${ACTIONS_PATH}/${action.id}`}>{action.title}</Link>
      <p className="hint">
        {action.touchpoint} · {action.metrics.map((metric) => text.metricName(metric)).join(', ')}
      </p>
      <p className="hint">{t('actions.card.due', { owner: action.plan.owner, date: action.plan.dueOn })}</p>
      {action.check && <p className="action-card-verdicts">{action.check.metrics.map((m) => `${text.metricName(m.metric)}: ${t(`actions.verdict.${m.verdict}`)}`).join('; ')}</p>}
    </li>
  );
}

/** `/actions`: every action in plan / do / check / act columns; with `?touchpoint=` that touchpoint's history too. */
export function ActionBoard({ touchpoint }: { touchpoint: string }) {
  const t = useT();
  const load = useLoad(`actions ${touchpoint}`, () => actionsApi(api).list(touchpoint || undefined));
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{touchpoint ? t('actions.board.forTouchpoint', { touchpoint }) : t('actions.board.heading')}</h1>
      <p className="hint">{t('actions.board.lead')}</p>
      <div className="button-row">
        <Link className="button" to={newActionHref({ touchpoint })}>
          {t('actions.board.new')}
        </Link>
        {touchpoint && <Link to={ACTIONS_PATH}>{t('actions.board.all')}</Link>}
      </div>
      <Loaded load={load} failed={t('actions.board.failed')}>
        {(actions) => (
          <>
            <div className="action-board">
              {ACTION_PHASES.map((phase) => {
                const inPhase = actions.filter((action) => action.phase === phase);
                return (
                  <section key={phase} className="action-column" aria-labelledby={`phase-${phase}`}>
                    <h2 id={`phase-${phase}`}>{t(`actions.phase.${phase}`)}</h2>
                    {inPhase.length === 0 ? <p className="hint">{t('actions.board.empty')}</p> : <ul className="action-cards">{inPhase.map((action) => <ActionCard key={action.id} action={action} />)}</ul>}
                  </section>
                );
              })}
            </div>
            {touchpoint && (
              <section className="panel" aria-labelledby="action-history">
                <h2 id="action-history">{t('actions.history.heading')}</h2>
                <ol className="action-history">
                  {[...actions].reverse().map((action) => (
                    <li key={action.id}>
                      {action.createdAt.slice(0, 10)} · <Link to={`${ACTIONS_PATH}/${action.id}`}>{action.title}</Link> · {t(`actions.phase.${action.phase}`)}
                      {action.decision && ` · ${t(`actions.decision.${action.decision.kind}`)}`}
                    </li>
                  ))}
                </ol>
              </section>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
