import { useState, type FormEvent } from 'react';
import { DEFAULT_WINDOW_DAYS } from '@shared/actions/action-windows';
import type { CaseCategory } from '@shared/cases/case-category.schema';
import { TARGET_METRICS, type TargetMetric } from '@shared/scoring/target.schema';
import type { Touchpoint } from '@shared/touchpoints/touchpoint.schema';
import { useLocale, useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Link } from '../lib/Link';
import { Loaded } from '../lib/Loaded';
import { navigate } from '../lib/navigation';
import { useAction } from '../lib/use-action';
import { useLoad } from '../lib/use-load';
import { caseCategoriesApi } from '../cases/case-categories';
import { CategoryOptions } from '../cases/CategoryOptions';
import { createScoreText } from '../dashboard/score-text';
import { ACTIONS_PATH, readActionPrefill, type ActionPrefill } from './action-prefill';
import { OwnerDueFields } from './OwnerDueFields';
import { actionsApi } from './actions-api';

function ActionForm({ touchpoints, categories, prefill }: { touchpoints: Touchpoint[]; categories: CaseCategory[]; prefill: ActionPrefill }) {
  const t = useT();
  const { locale } = useLocale();
  const text = createScoreText(t, locale);
  const { busy, error, run } = useAction();
  const [touchpoint, setTouchpoint] = useState(prefill.touchpoint || (touchpoints[0]?.key ?? ''));
  const [metrics, setMetrics] = useState<TargetMetric[]>(prefill.metric ? [prefill.metric] : []);
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState(prefill.problem);
  const [rootCause, setRootCause] = useState('');
  const [owner, setOwner] = useState(touchpoints.find((tp) => tp.key === touchpoint)?.owners[0] ?? '');
  const [dueOn, setDueOn] = useState('');
  const [expectedEffect, setExpectedEffect] = useState('');
  const [baselineDays, setBaselineDays] = useState(DEFAULT_WINDOW_DAYS);
  const [checkDays, setCheckDays] = useState(DEFAULT_WINDOW_DAYS);

  const toggle = (metric: TargetMetric) => setMetrics((current) => (current.includes(metric) ? current.filter((m) => m !== metric) : [...current, metric]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const created = await actionsApi(api).create({
        title, touchpoint, metrics,
        plan: { problem, rootCause: rootCause || null, owner, dueOn, expectedEffect },
        windows: { baselineDays, checkDays },
      });
      navigate(`${ACTIONS_PATH}/${created.id}`);
    });
  };

  return (
    <form className="form-grid" onSubmit={submit}>
      <label>
        {t('actions.form.title')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
      </label>
      <label>
        {t('actions.form.touchpoint')}
        <select value={touchpoint} onChange={(e) => setTouchpoint(e.target.value)} required>
          {touchpoints.map((tp) => (
            <option key={tp.key} value={tp.key}>
              {tp.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t('actions.form.metrics')}</legend>
        {TARGET_METRICS.map((metric) => (
          <label key={metric} className="checkbox">
            <input type="checkbox" checked={metrics.includes(metric)} onChange={() => toggle(metric)} />
            {text.metricName(metric)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('actions.form.problem')}
        <textarea value={problem} onChange={(e) => setProblem(e.target.value)} required maxLength={2000} rows={3} />
      </label>
      <label>
        {t('actions.form.rootCause')}
        <select value={rootCause} onChange={(e) => setRootCause(e.target.value)} aria-describedby="root-cause-hint">
          <option value="">{t('actions.form.rootCauseUnknown')}</option>
          <CategoryOptions categories={categories} />
        </select>
        <span id="root-cause-hint" className="hint">
          {t('actions.form.rootCauseHint')}
        </span>
      </label>
      <OwnerDueFields owner={owner} dueOn={dueOn} onOwner={setOwner} onDueOn={setDueOn} />
      <label>
        {t('actions.form.expectedEffect')}
        <input value={expectedEffect} onChange={(e) => setExpectedEffect(e.target.value)} maxLength={1000} />
      </label>
      <label>
        {t('actions.form.baselineDays')}
        <input type="number" min={7} max={365} value={baselineDays} onChange={(e) => setBaselineDays(Number(e.target.value))} />
      </label>
      <label>
        {t('actions.form.checkDays')}
        <input type="number" min={7} max={365} value={checkDays} onChange={(e) => setCheckDays(Number(e.target.value))} />
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" disabled={busy || metrics.length === 0}>
          {t('actions.form.submit')}
        </button>
      </div>
    </form>
  );
}

/** `/actions/new`: the plan of a new action, prefilled from the link that opened it (touchpoint, metric, problem). */
export function ActionCreatePage({ search }: { search: string }) {
  const t = useT();
  const load = useLoad('action form touchpoints', async () => {
    const [touchpoints, categories] = await Promise.all([actionsApi(api).touchpoints(), caseCategoriesApi(api).list()]);
    return { touchpoints, categories };
  });
  return (
    <section className="page" aria-labelledby="page-title">
      <p>
        <Link to={ACTIONS_PATH}>{t('actions.form.back')}</Link>
      </p>
      <h1 id="page-title">{t('actions.form.heading')}</h1>
      <Loaded load={load} failed={t('actions.form.loadFailed')}>
        {(value) => <ActionForm touchpoints={value.touchpoints} categories={value.categories} prefill={readActionPrefill(search)} />}
      </Loaded>
    </section>
  );
}
