import { useEffect, useId, useRef, useState } from 'react';
import { CASE_VIEWS, type CaseList, type CaseView } from '@shared/cases/case-api.schema';
import type { CaseCategory } from '@shared/cases/case-category.schema';
import type { CaseTeam } from '@shared/cases/case-teams.schema';
import { CASE_STATUSES } from '@shared/cases/case-states';
import { CASE_PRIORITIES } from '@shared/cases/sla-policy.schema';
import type { Touchpoint } from '@shared/touchpoints/touchpoint.schema';
import { useLocale, useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Link } from '../lib/Link';
import { navigate, useLocation } from '../lib/navigation';
import { Loaded } from '../lib/Loaded';
import { problemMessage } from '../lib/problem-message';
import { useLoad } from '../lib/use-load';
import { touchpointsApi } from '../touchpoints/touchpoints-api';
import { BulkAssign } from './BulkAssign';
import { caseCategoriesApi, categoryName } from './case-categories';
import { memberNames, personName, teamName } from './case-labels';
import { casesApi, inboxQueryFrom, inboxSearch, type InboxQuery } from './cases-api';
import { mostUrgentReading } from './clock-reading';
import { ClockBadge } from './ClockText';
import { useNow } from './use-now';

const calls = casesApi(api);
/** How often the first page is fetched again: new cases arrive, and cases fall into "due soon" and "breached". */
const REFRESH_MS = 30_000;
const touchpoints = touchpointsApi(api);
const categories = caseCategoriesApi(api);

interface Lookups {
  teams: CaseTeam[];
  touchpoints: Touchpoint[];
  /** Archived ones too: older cases still carry them and are named by them. */
  categories: CaseCategory[];
}

/** The case inbox: a view per tab, filters, pages by cursor, and bulk assignment of the selected cases. */
export function CaseInbox() {
  const t = useT();
  const lookups = useLoad('case teams, touchpoints and categories', async (): Promise<Lookups> => {
    const [teams, list, taxonomy] = await Promise.all([calls.teams(), touchpoints.list(), categories.list(true)]);
    return { teams, touchpoints: list, categories: taxonomy };
  });
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.cases')}</h1>
      <Loaded load={lookups} failed={t('cases.loadFailed')}>
        {(value) => <InboxBody lookups={value} />}
      </Loaded>
    </section>
  );
}

function InboxBody({ lookups }: { lookups: Lookups }) {
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  const now = useNow();
  const query = inboxQueryFrom(useLocation().search);
  const [selected, setSelected] = useState<string[]>([]);
  const [moreError, setMoreError] = useState('');
  const key = `cases ${inboxSearch(query)}`;
  const list = useLoad(key, () => calls.list(query));
  // Once more pages are shown, a refresh (of the first page) would take them away from the reader.
  const morePages = useRef(false);
  const { refresh } = list;
  useEffect(() => {
    morePages.current = false;
    const timer = setInterval(() => morePages.current || refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [key, refresh]);
  const names = memberNames(lookups.teams);
  const set = (patch: InboxQuery) => {
    setSelected([]);
    navigate(`/cases${inboxSearch({ ...query, ...patch, cursor: undefined })}`, { replace: true });
  };
  const loadMore = async (page: CaseList) => {
    if (!page.nextCursor) return;
    setMoreError('');
    try {
      const next = await calls.list({ ...query, cursor: page.nextCursor });
      morePages.current = true;
      list.replace({ cases: [...page.cases, ...next.cases], nextCursor: next.nextCursor });
    } catch (error) {
      setMoreError(problemMessage(error, t));
    }
  };
  const toggle = (ref: string) => setSelected(selected.includes(ref) ? selected.filter((r) => r !== ref) : [...selected, ref]);

  return (
    <>
      <div role="group" aria-label={t('cases.views')} className="case-views">
        {CASE_VIEWS.map((view: CaseView) => (
          <button key={view} type="button" className="button button-secondary" aria-pressed={(query.view ?? 'all') === view} onClick={() => set({ view })}>
            {t(`cases.view.${view}`)}
          </button>
        ))}
      </div>
      <div className="case-filters" role="group" aria-label={t('cases.filters')}>
        <FilterSelect
          id={`${id}-status`}
          label={t('cases.status')}
          value={query.status}
          options={CASE_STATUSES.map((status) => [status, t(`cases.status.${status}`)])}
          onChange={(status) => set({ status: status as InboxQuery['status'] })}
        />
        <FilterSelect id={`${id}-touchpoint`} label={t('cases.touchpoint')} value={query.touchpoint} options={lookups.touchpoints.map((tp) => [tp.key, tp.name])} onChange={(touchpoint) => set({ touchpoint })} />
        <FilterSelect
          id={`${id}-priority`}
          label={t('cases.priority')}
          value={query.priority}
          options={CASE_PRIORITIES.map((priority) => [priority, t(`cases.priority.${priority}`)])}
          onChange={(priority) => set({ priority: priority as InboxQuery['priority'] })}
        />
        <FilterSelect
          id={`${id}-category`}
          label={t('cases.category')}
          value={query.category}
          options={lookups.categories.map((category) => [category.key, categoryName(category.key, lookups.categories, locale)])}
          onChange={(category) => set({ category })}
        />
        <FilterSelect id={`${id}-team`} label={t('cases.team')} value={query.teamId} options={lookups.teams.map((team) => [team.id, team.name])} onChange={(teamId) => set({ teamId })} />
      </div>
      <BulkAssign selected={selected} teams={lookups.teams} onDone={list.refresh} onClear={() => setSelected([])} />
      <Loaded load={list} failed={t('cases.listFailed')} empty={{ isEmpty: (page) => page.cases.length === 0, message: t('cases.none') }}>
        {(page) => (
          <>
            <table className="data-table case-table">
              <caption className="visually-hidden">{t(`cases.view.${query.view ?? 'all'}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t('cases.select')}</span>
                  </th>
                  <th scope="col">{t('cases.ref')}</th>
                  <th scope="col">{t('cases.summary')}</th>
                  <th scope="col">{t('cases.status')}</th>
                  <th scope="col">{t('cases.priority')}</th>
                  <th scope="col">{t('cases.category')}</th>
                  <th scope="col">{t('cases.team')}</th>
                  <th scope="col">{t('cases.assignee')}</th>
                  <th scope="col">{t('cases.due')}</th>
                </tr>
              </thead>
              <tbody>
                {page.cases.map((c) => (
                  <tr key={c.ref}>
                    <td>
                      <input type="checkbox" checked={selected.includes(c.ref)} onChange={() => toggle(c.ref)} aria-label={t('cases.selectOne', { ref: c.ref })} />
                    </td>
                    <td data-label={t('cases.ref')}>
                      <Link to={`/cases/${c.ref}`}>{c.ref}</Link>
                    </td>
                    <td data-label={t('cases.summary')}>{c.summary}</td>
                    <td data-label={t('cases.status')}>{t(`cases.status.${c.status}`)}</td>
                    <td data-label={t('cases.priority')}>{t(`cases.priority.${c.priority}`)}</td>
                    <td data-label={t('cases.category')}>{c.category ? categoryName(c.category, lookups.categories, locale) : t('cases.uncategorised')}</td>
                    <td data-label={t('cases.team')}>{teamName(c.teamId, lookups.teams, t)}</td>
                    <td data-label={t('cases.assignee')}>{personName(c.assigneeId, names, t)}</td>
                    <td data-label={t('cases.due')}>
                      <ClockBadge reading={mostUrgentReading(c.clocks, c.paused, now)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {page.nextCursor && (
              <button type="button" className="button button-secondary" onClick={() => void loadMore(page)}>
                {t('cases.more')}
              </button>
            )}
            {moreError && <p role="alert">{moreError}</p>}
          </>
        )}
      </Loaded>
    </>
  );
}

/** One inbox filter: "any" (undefined) or one of `options` ([value, label] pairs). */
function FilterSelect(props: { id: string; label: string; value: string | undefined; options: Array<[string, string]>; onChange: (value: string | undefined) => void }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value || undefined)}>
        <option value="">{t('cases.any')}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
