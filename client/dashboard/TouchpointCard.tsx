import type { TouchpointScores } from '@shared/scoring/metrics.schema';
import { useT } from '../i18n/i18n-context';
import { Link } from '../lib/Link';
import { newActionHref } from '../actions/action-prefill';
import { ChangeList, SampleNote, ScoreList, TargetList } from './ScoreSummary';
import { headlineMetrics, sparklineMetric } from './score-text';
import type { ScoreText } from './score-text';
import { Sparkline } from './Sparkline';
import type { TrendInterval } from '@shared/scoring/metrics.schema';

export interface CardProps {
  scores: TouchpointScores;
  name: string;
  /** Link to the detail page, filters included. */
  detailHref: string;
  /** Scope of the metrics call, for the sparkline's trend call. */
  params: URLSearchParams;
  interval: TrendInterval;
  /** "Change vs the previous 30 days", shown when the reply has changes. */
  changesHeading: string;
  text: ScoreText;
}

/** One touchpoint in the grid: headline scores with intervals, sample, targets, change and a sparkline. */
export function TouchpointCard({ scores, name, detailHref, params, interval, changesHeading, text }: CardProps) {
  const t = useT();
  const headline = headlineMetrics(scores);
  const headingId = `tp-${scores.touchpoint}`;
  // The card's "Open an action" aims at its first missed target, else its headline metric.
  const missed = scores.targets.find((check) => check.status === 'missed');
  const actionHref = newActionHref({ touchpoint: scores.touchpoint, metric: missed?.metric ?? headline[0] ?? null, problem: missed ? text.target(missed) : '' });
  const trendParams = new URLSearchParams(params);
  trendParams.set('touchpoint', scores.touchpoint);
  return (
    <li className="tp-card">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="tp-card-title">
          <Link to={detailHref}>{name}</Link>
        </h3>
        <SampleNote scores={scores} text={text} />
        <ScoreList scores={scores} text={text} only={headline} />
        <Sparkline params={trendParams} metric={sparklineMetric(scores)} interval={interval} text={text} />
        <h4 className="tp-card-subheading">{t('dashboard.targets.heading')}</h4>
        <TargetList scores={scores} text={text} />
        {scores.changes && scores.changes.length > 0 && <h4 className="tp-card-subheading">{changesHeading}</h4>}
        <ChangeList scores={scores} text={text} only={headline} />
        <p className="tp-card-action">
          <Link to={actionHref}>{t('dashboard.openAction')}</Link>
        </p>
      </article>
    </li>
  );
}
