import type { ComparableMetric, TouchpointScores } from '@shared/scoring/metrics.schema';
import { newActionHref } from '../actions/action-prefill';
import { useT } from '../i18n/i18n-context';
import { Link } from '../lib/Link';
import type { ScoreText } from './score-text';

/** Label and shown value of each metric a touchpoint has scores for. */
function scoreRows(scores: TouchpointScores, text: ScoreText, only?: readonly ComparableMetric[]): { key: string; label: string; value: string }[] {
  const rows: { key: ComparableMetric | 'index'; label: string; value: string | null }[] = [
    { key: 'nps', label: text.metricName('nps'), value: scores.nps && text.nps(scores.nps) },
    { key: 'csat-satisfied', label: text.metricName('csat-satisfied'), value: scores.csat && text.csatSatisfied(scores.csat) },
    { key: 'csat', label: text.metricName('csat'), value: scores.csat && text.csatMean(scores.csat) },
    { key: 'ces', label: text.metricName('ces'), value: scores.ces && text.ces(scores.ces) },
    { key: 'servqual-gap', label: text.metricName('servqual-gap'), value: scores.servqual && text.servqualGap(scores.servqual) },
    { key: 'index', label: text.metricName('index'), value: scores.index === null ? null : text.index(scores.index) },
  ];
  return rows.filter((row): row is { key: ComparableMetric | 'index'; label: string; value: string } => row.value !== null && (!only || row.key === 'index' || only.includes(row.key)));
}

/** The scores as a description list: metric name, value with its 95% interval. */
export function ScoreList({ scores, text, only }: { scores: TouchpointScores; text: ScoreText; only?: readonly ComparableMetric[] }) {
  const t = useT();
  const rows = scoreRows(scores, text, only);
  if (rows.length === 0) return <p>{t('dashboard.noData')}</p>;
  return (
    <dl className="score-list">
      {rows.map((row) => (
        <div key={row.key} className="score-row" data-metric={row.key}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Sample flag, in words, with n. */
export function SampleNote({ scores, text }: { scores: TouchpointScores; text: ScoreText }) {
  return <p className={`sample-note sample-${scores.sample}`}>{text.sample(scores.sample, scores.n)}</p>;
}

/** Each target's verdict ("no verdict" when the sample is below the target's minimum), and the standard version it is judged by. */
export function TargetList({ scores, text }: { scores: TouchpointScores; text: ScoreText }) {
  const t = useT();
  if (scores.targets.length === 0) return <p className="hint">{t('dashboard.targets.none')}</p>;
  return (
    <>
      <ul className="target-list">
        {scores.targets.map((check) => (
          <li key={check.metric} className={`target target-${check.status}`}>
            {text.target(check)}
            {check.status === 'missed' && (
              <>
                {' '}
                <Link className="open-action" to={newActionHref({ touchpoint: scores.touchpoint, metric: check.metric, problem: text.target(check) })}>
                  {t('dashboard.openAction')}
                </Link>
              </>
            )}
          </li>
        ))}
      </ul>
      {scores.standardVersion !== undefined && <p className="hint">{t('dashboard.targets.standard', { n: scores.standardVersion })}</p>}
    </>
  );
}

/** Period-over-period changes with the test that backs (or does not back) each one. */
export function ChangeList({ scores, text, only }: { scores: TouchpointScores; text: ScoreText; only?: readonly ComparableMetric[] }) {
  const changes = (scores.changes ?? []).filter((change) => !only || only.includes(change.metric));
  if (changes.length === 0) return null;
  return (
    <ul className="change-list">
      {changes.map((change) => (
        <li key={change.metric} className={change.significant ? 'change change-significant' : 'change'}>
          {text.change(change)}
        </li>
      ))}
    </ul>
  );
}
