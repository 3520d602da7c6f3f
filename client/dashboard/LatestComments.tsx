import { useEffect, useId, useState } from 'react';
import type { StoredResponse } from '@shared/responses/response-list.schema';
import { useLocale, useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { LoadFailed } from '../lib/LoadFailed';
import { dashboardApi } from './dashboard-api';
import { addDays } from './dashboard-filters';
import type { Period } from './dashboard-filters';
import { commentQuestions, commentsOf, SCORE_FILTERS } from './comment-questions';
import type { ScoreFilter } from './comment-questions';
import { useLoad } from '../lib/use-load';

const PAGE_SIZE = 50;

type Pages = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; responses: StoredResponse[]; nextCursor: string | null; loadingMore: boolean };

/** Free-text answers for one touchpoint, newest first, narrowed by channel and score. */
export function LatestComments({ surveyId, touchpoint, period, channel: initialChannel, channels }: { surveyId: string; touchpoint: string; period: Period; channel?: string | undefined; channels: string[] }) {
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  const [channel, setChannel] = useState(initialChannel ?? '');
  const [score, setScore] = useState<ScoreFilter>('all');
  const [pages, setPages] = useState<Pages>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const survey = useLoad(`survey-${surveyId}`, () => dashboardApi(api).survey(surveyId));

  // The response list's `to` is exclusive and takes instants: the day after the period's last day.
  const baseParams = () => {
    const params = new URLSearchParams({ touchpoint, from: period.from, to: addDays(period.to, 1), limit: String(PAGE_SIZE) });
    if (channel) params.set('channel', channel);
    const range = SCORE_FILTERS[score];
    if (range) {
      params.set('metric', range.metric);
      params.set('min', String(range.min));
      params.set('max', String(range.max));
    }
    return params;
  };
  const key = baseParams().toString();

  useEffect(() => {
    let current = true;
    setPages({ kind: 'loading' });
    dashboardApi(api)
      .responses(surveyId, new URLSearchParams(key))
      .then(
        (page) => current && setPages({ kind: 'ready', responses: page.responses, nextCursor: page.nextCursor, loadingMore: false }),
        (error: unknown) => {
          console.error('Could not load comments', error);
          if (current) setPages({ kind: 'failed' });
        },
      );
    return () => {
      current = false;
    };
  }, [surveyId, key, attempt]);

  const loadMore = async () => {
    if (pages.kind !== 'ready' || !pages.nextCursor) return;
    setPages({ ...pages, loadingMore: true });
    const params = new URLSearchParams(key);
    params.set('cursor', pages.nextCursor);
    try {
      const page = await dashboardApi(api).responses(surveyId, params);
      setPages({ kind: 'ready', responses: [...pages.responses, ...page.responses], nextCursor: page.nextCursor, loadingMore: false });
    } catch (error) {
      console.error('Could not load older comments', error);
      setPages({ ...pages, loadingMore: false });
    }
  };

  if (survey.state.kind === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (survey.state.kind === 'failed') return <LoadFailed message={t('dashboard.comments.failed')} onRetry={survey.retry} />;
  const questions = commentQuestions(survey.state.value.definition, locale);
  if (questions.length === 0) return <p>{t('dashboard.comments.noQuestions')}</p>;
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const comments = pages.kind === 'ready' ? commentsOf(pages.responses, questions) : [];

  return (
    <div className="comments">
      <div className="field-inline comments-filters">
        <label htmlFor={`${id}-channel`}>{t('dashboard.filters.channel')}</label>
        <select id={`${id}-channel`} value={channel} onChange={(event) => setChannel(event.target.value)}>
          <option value="">{t('dashboard.filters.allChannels')}</option>
          {channels.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-score`}>{t('dashboard.comments.score')}</label>
        <select id={`${id}-score`} value={score} onChange={(event) => setScore(event.target.value as ScoreFilter)}>
          {(Object.keys(SCORE_FILTERS) as ScoreFilter[]).map((filter) => (
            <option key={filter} value={filter}>
              {t(`dashboard.comments.score.${filter}`)}
            </option>
          ))}
        </select>
      </div>
      {pages.kind === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
      {pages.kind === 'failed' && <LoadFailed message={t('dashboard.comments.failed')} onRetry={() => setAttempt((n) => n + 1)} />}
      {pages.kind === 'ready' && comments.length === 0 && <p>{t('dashboard.comments.empty')}</p>}
      {comments.length > 0 && (
        <ul className="comment-list">
          {comments.map((comment) => (
            <li key={`${comment.responseId}-${comment.question.name}`} className="comment">
              {questions.length > 1 && <p className="comment-question">{comment.question.title}</p>}
              <blockquote>{comment.text}</blockquote>
              <p className="hint">
                {t('dashboard.comments.meta', { date: dateFormat.format(new Date(comment.submittedAt)), channel: comment.channel ?? t('dashboard.comments.noChannel') })}
                {comment.metrics.nps !== undefined && ` · NPS ${comment.metrics.nps}`}
                {comment.metrics.csat !== undefined && ` · CSAT ${comment.metrics.csat}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      {pages.kind === 'ready' && pages.nextCursor && (
        <button type="button" className="button button-secondary button-small" onClick={loadMore} disabled={pages.loadingMore}>
          {t('dashboard.comments.more')}
        </button>
      )}
    </div>
  );
}
