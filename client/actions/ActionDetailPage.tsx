import { useState, type FormEvent } from 'react';
import type { Action } from '@shared/actions/action.schema';
import type { ActionMove } from '@shared/actions/action-phases';
import type { CaseCategory } from '@shared/cases/case-category.schema';
import type { TargetMetric } from '@shared/scoring/target.schema';
import { useLocale, useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Link } from '../lib/Link';
import { Loaded } from '../lib/Loaded';
import { LoadFailed } from '../lib/LoadFailed';
import { useAction } from '../lib/use-action';
import { useLoad } from '../lib/use-load';
import { caseCategoriesApi, categoryName } from '../cases/case-categories';
import { createScoreText, type ScoreText } from '../dashboard/score-text';
import { TrendChart, type TrendShade } from '../dashboard/TrendChart';
import { ACTIONS_PATH } from './action-prefill';
import { verdictLine } from './action-text';
import { actionsApi } from './actions-api';
import { ActionTasks } from './ActionTasks';

/** The target metric's trend around the action, its baseline and check windows shaded. */
function BeforeAfterChart({ action, metric, text }: { action: Action; metric: TargetMetric; text: ScoreText }) {
  const t = useT();
  const { state, retry } = useLoad(`action-trend ${action.id} ${metric} ${action.updatedAt}`, () => actionsApi(api).trend(action.id, metric));
  if (state.kind === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (state.kind === 'failed') return <LoadFailed message={t('actions.chart.failed')} onRetry={retry} />;
  const windows = action.checkWindows;
  const shades: TrendShade[] = windows
    ? [
        { ...windows.baseline, label: t('actions.chart.baseline') },
        { ...windows.check, label: t('actions.chart.check') },
      ]
    : [];
  return <TrendChart trend={state.value} text={text} shades={shades} />;
}

function MoveControls({ action, onMoved }: { action: Action; onMoved: (next: Action) => void }) {
  const t = useT();
  const { busy, error, run } = useAction();
  const [on, setOn] = useState('');
  const [note, setNote] = useState('');
  if (action.allowedMoves.length === 0) return null;
  const dated = action.allowedMoves.some((move) => move === 'start' || move === 'complete');
  const moveTo = (move: ActionMove) => (event: FormEvent) => {
    event.preventDefault();
    void run(async () => onMoved(await actionsApi(api).move(action.id, move, dated ? on || undefined : undefined, dated ? undefined : note || undefined)));
  };
  return (
    <div className="action-moves">
      {dated ? (
        <label>
          {t('actions.move.on')}
          <input type="date" value={on} onChange={(e) => setOn(e.target.value)} />
        </label>
      ) : (
        <label>
          {t('actions.move.note')}
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
        </label>
      )}
      <div className="button-row">
        {action.allowedMoves.map((move) => (
          <button key={move} type="button" disabled={busy} onClick={moveTo(move)}>
            {t(`actions.move.${move}`)}
          </button>
        ))}
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}

function CheckSection({ action, text }: { action: Action; text: ScoreText }) {
  const t = useT();
  const windows = action.checkWindows;
  return (
    <section className="panel" aria-labelledby="action-check">
      <h2 id="action-check">{t('actions.check.heading')}</h2>
      {windows ? (
        <p>{t('actions.check.windows', { bFrom: windows.baseline.from, bTo: windows.baseline.to, cFrom: windows.check.from, cTo: windows.check.to })}</p>
      ) : (
        <p className="hint">{t('actions.check.undated')}</p>
      )}
      {action.check ? (
        <ul className="action-verdicts">
          {action.check.metrics.map((m) => (
            <li key={m.metric} className={`verdict verdict-${m.verdict}`}>
              {verdictLine(m, t, text)}
            </li>
          ))}
        </ul>
      ) : (
        windows && <p className="hint">{t('actions.check.pending', { date: windows.closesOn })}</p>
      )}
      {action.metrics.map((metric) => (
        <BeforeAfterChart key={metric} action={action} metric={metric} text={text} />
      ))}
    </section>
  );
}

function ActionView({ initial, categories }: { initial: Action; categories: CaseCategory[] }) {
  const t = useT();
  const { locale } = useLocale();
  const text = createScoreText(t, locale);
  const [action, setAction] = useState(initial);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <h1 id="page-title">{action.title}</h1>
      <p className="action-phase">
        {t('actions.detail.phase', { phase: t(`actions.phase.${action.phase}`), touchpoint: action.touchpoint })}{' '}
        <Link to={`${ACTIONS_PATH}?${new URLSearchParams({ touchpoint: action.touchpoint })}`}>{t('actions.history.link')}</Link>
      </p>
      {action.previousActionId && <Link to={`${ACTIONS_PATH}/${action.previousActionId}`}>{t('actions.detail.previous')}</Link>}
      {action.nextActionId && <Link to={`${ACTIONS_PATH}/${action.nextActionId}`}>{t('actions.detail.next')}</Link>}
      <MoveControls action={action} onMoved={setAction} />
      {action.decision && <p className="action-decision">{t('actions.detail.decision', { decision: t(`actions.decision.${action.decision.kind}`), note: action.decision.note || '—' })}</p>}
      <section className="panel" aria-labelledby="action-plan">
        <h2 id="action-plan">{t('actions.phase.plan')}</h2>
        <dl className="action-plan">
          <dt>{t('actions.form.metrics')}</dt>
          <dd>{action.metrics.map((m) => text.metricName(m)).join(', ')}</dd>
          <dt>{t('actions.form.problem')}</dt>
          <dd>{action.plan.problem}</dd>
          <dt>{t('actions.form.rootCause')}</dt>
          <dd>{action.plan.rootCause ? categoryName(action.plan.rootCause, categories, locale) : '—'}</dd>
          <dt>{t('actions.form.owner')}</dt>
          <dd>{action.plan.owner}</dd>
          <dt>{t('actions.form.dueOn')}</dt>
          <dd>{action.plan.dueOn}</dd>
          <dt>{t('actions.form.expectedEffect')}</dt>
          <dd>{action.plan.expectedEffect || '—'}</dd>
          <dt>{t('actions.detail.evidence')}</dt>
          <dd>{[...action.plan.evidence.cases, ...action.plan.evidence.responses].join(', ') || '—'}</dd>
          <dt>{t('actions.detail.dates')}</dt>
          <dd>{t('actions.detail.datesValue', { started: action.startedOn ?? '—', completed: action.completedOn ?? '—' })}</dd>
        </dl>
      </section>
      <ActionTasks action={action} onChanged={setAction} />
      <CheckSection action={action} text={text} />
      <section className="panel" aria-labelledby="action-changes">
        <h2 id="action-changes">{t('actions.detail.changes')}</h2>
        <ol className="action-history">
          {action.history.map((entry, index) => (
            <li key={index}>{t('actions.detail.change', { date: dateTime.format(new Date(entry.at)), by: entry.by ?? t('actions.detail.system'), kind: t(`actions.historyKind.${entry.kind}`) })}</li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** `/actions/:id`: one action through its cycle, with its before/after chart and verdict. */
export function ActionDetailPage({ id }: { id: string }) {
  const t = useT();
  // Archived categories too: an action keeps naming a root cause archived since.
  const load = useLoad(`action ${id}`, async () => {
    const [action, categories] = await Promise.all([actionsApi(api).get(id), caseCategoriesApi(api).list(true)]);
    return { action, categories };
  });
  return (
    <section className="page" aria-labelledby="page-title">
      <p>
        <Link to={ACTIONS_PATH}>{t('actions.form.back')}</Link>
      </p>
      <Loaded load={load} failed={t('actions.detail.failed')} notFound={<p>{t('actions.detail.notFound')}</p>}>
        {(value) => <ActionView initial={value.action} categories={value.categories} />}
      </Loaded>
    </section>
  );
}
