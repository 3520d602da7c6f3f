import { useEffect, useId, useState, type FormEvent } from 'react';
import type { CaseContact, CaseRecordView } from '@shared/cases/case-api.schema';
import type { CaseCategory } from '@shared/cases/case-category.schema';
import type { CaseTeam } from '@shared/cases/case-teams.schema';
import { CASE_MOVES, type CaseMove } from '@shared/cases/case-states';
import { useLocale, useT } from '../i18n/i18n-context';
import { api, ApiError } from '../lib/api-client';
import { Link } from '../lib/Link';
import { Loaded } from '../lib/Loaded';
import { useAction } from '../lib/use-action';
import { useLoad } from '../lib/use-load';
import { touchpointsApi } from '../touchpoints/touchpoints-api';
import { caseCategoriesApi, categoryName } from './case-categories';
import { memberNames, personName, teamName } from './case-labels';
import { casesApi } from './cases-api';
import { CaseTimeline } from './CaseTimeline';
import { CategoryOptions } from './CategoryOptions';
import { StageClocks } from './StageClocks';

const calls = casesApi(api);
const touchpointCalls = touchpointsApi(api);
const categoryCalls = caseCategoriesApi(api);

/** How often an open case is fetched again, so timer entries and colleagues' changes appear. */
const REFRESH_MS = 15_000;
/** After a clock runs out, the breach timer's entry is fetched this much later (it fires on the due time). */
const AFTER_BREACH_MS = 2_000;

/** One case: what it is about, its moves, assignment, internal notes, live clocks and timeline. */
export function CaseDetailPage({ caseRef }: { caseRef: string }) {
  const t = useT();
  const load = useLoad(`case ${caseRef}`, async () => {
    // Archived ones too: a case filed under one before it was archived still shows its name.
    const [kase, contact, teams, touchpoints, categories] = await Promise.all([calls.get(caseRef), calls.contact(caseRef), calls.teams(), touchpointCalls.list(), categoryCalls.list(true)]);
    return { kase, contact, teams, categories, touchpointNames: new Map(touchpoints.map((tp) => [tp.key, tp.name])) };
  });
  const { refresh } = load;
  useEffect(() => {
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  const back = <Link to="/cases">{t('cases.back')}</Link>;
  return (
    <Loaded load={load} failed={t('cases.caseFailed')} failedExtra={back} notFound={<p role="alert">{t('cases.notFound', { ref: caseRef })} {back}</p>}>
      {(value) => <CaseBody {...value} onChange={(kase) => load.replace({ ...value, kase })} onStale={load.refresh} />}
    </Loaded>
  );
}

interface BodyProps {
  kase: CaseRecordView;
  contact: CaseContact['contact'];
  teams: CaseTeam[];
  categories: CaseCategory[];
  touchpointNames: ReadonlyMap<string, string>;
  onChange: (kase: CaseRecordView) => void;
  onStale: () => void;
}

/** "Name <email> · phone", with what the contact has. */
const contactCard = (contact: NonNullable<CaseContact['contact']>) => [contact.name ? `${contact.name} <${contact.email}>` : contact.email, contact.phone].filter(Boolean).join(' · ');

function CaseBody({ kase, contact, teams, categories, touchpointNames, onChange, onStale }: BodyProps) {
  const t = useT();
  const { locale } = useLocale();
  const names = memberNames(teams);
  const categoryLabel = (key: string) => categoryName(key, categories, locale);
  const fields: Array<[string, string]> = [
    [t('cases.status'), t(`cases.status.${kase.status}`)],
    [t('cases.priority'), t(`cases.priority.${kase.priority}`)],
    [t('cases.team'), teamName(kase.teamId, teams, t)],
    [t('cases.assignee'), personName(kase.assigneeId, names, t)],
    [t('cases.contact'), contact ? contactCard(contact) : t('cases.noContact')],
    [t('cases.touchpoint'), touchpointNames.get(kase.touchpoint) ?? kase.touchpoint],
    [t('cases.channel'), kase.channel],
    [t('cases.segment'), kase.segment],
    [t('cases.category'), kase.category ? categoryLabel(kase.category) : t('cases.noCategory')],
    [t('cases.source'), t(`cases.source.${kase.source}`)],
  ];
  return (
    <section className="page case-page" aria-labelledby="page-title">
      <p>
        <Link to="/cases">{t('cases.back')}</Link>
      </p>
      <h1 id="page-title">
        {kase.ref} · {kase.summary}
      </h1>
      <dl className="case-facts">
        {fields.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {kase.description && <p className="case-description">{kase.description}</p>}
      <CaseMoves kase={kase} onChange={onChange} onStale={onStale} />
      <StageClocks kase={kase} onBreach={() => setTimeout(onStale, AFTER_BREACH_MS)} />
      <div className="case-columns">
        <CaseAssign kase={kase} teams={teams} onChange={onChange} />
        <CaseCategorySelect kase={kase} categories={categories} onChange={onChange} />
        <CaseWriting kind="message" kase={kase} onChange={onChange} />
        <CaseWriting kind="note" kase={kase} onChange={onChange} />
      </div>
      <CaseTimeline timeline={kase.timeline} names={names} categoryLabel={categoryLabel} />
    </section>
  );
}

/** The moves the case's state allows, as buttons; a refused move (409) names the moves allowed now. */
function CaseMoves({ kase, onChange, onStale }: Pick<BodyProps, 'kase' | 'onChange' | 'onStale'>) {
  const t = useT();
  const action = useAction();
  const [refused, setRefused] = useState<CaseMove[] | null>(null);
  const make = (move: CaseMove) =>
    action.run(async () => {
      setRefused(null);
      try {
        onChange(await calls.move(kase.ref, move));
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          // Someone else moved it: show what is allowed now and fetch the case as it is.
          setRefused((error.problem.allowed_moves ?? []).filter((m): m is CaseMove => (CASE_MOVES as readonly string[]).includes(m)));
          onStale();
          return;
        }
        throw error;
      }
    });
  return (
    <section className="panel" aria-labelledby="case-moves">
      <h2 id="case-moves">{t('cases.moves')}</h2>
      {kase.allowedMoves.length === 0 ? (
        <p>{t('cases.noMoves')}</p>
      ) : (
        <div className="button-row">
          {kase.allowedMoves.map((move) => (
            <button key={move} type="button" className="button button-primary" disabled={action.busy} onClick={() => void make(move)}>
              {t(`cases.move.${move}`)}
            </button>
          ))}
        </div>
      )}
      {refused && (
        <p role="alert">
          {t('cases.moveRefused', { moves: refused.length === 0 ? t('cases.noMoves') : refused.map((m) => t(`cases.move.${m}`)).join(', ') })}
        </p>
      )}
      {action.error && <p role="alert">{action.error}</p>}
    </section>
  );
}

function CaseAssign({ kase, teams, onChange }: { kase: CaseRecordView; teams: CaseTeam[]; onChange: (kase: CaseRecordView) => void }) {
  const t = useT();
  const id = useId();
  const action = useAction();
  const [teamId, setTeamId] = useState(kase.teamId);
  const [assignee, setAssignee] = useState(kase.assigneeId ?? '');
  const members = teams.find((team) => team.id === teamId)?.members ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      onChange(await calls.assign(kase.ref, { assigneeId: assignee || null, ...(teamId !== kase.teamId ? { teamId } : {}) }));
    });
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('cases.assign')}</h2>
      <div className="field">
        <label htmlFor={`${id}-team`}>{t('cases.team')}</label>
        <select
          id={`${id}-team`}
          value={teamId}
          onChange={(e) => {
            setTeamId(e.target.value);
            setAssignee('');
          }}
        >
          {!teams.some((team) => team.id === kase.teamId) && <option value={kase.teamId}>{t('cases.otherTeam')}</option>}
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-assignee`}>{t('cases.assignee')}</label>
        <select id={`${id}-assignee`} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
          <option value="">{t('cases.unassigned')}</option>
          {members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </select>
      </div>
      {action.error && <p role="alert">{action.error}</p>}
      <button type="submit" className="button button-secondary" disabled={action.busy}>
        {t('cases.assignSave')}
      </button>
    </form>
  );
}

/** The case's root cause: the usable categories, plus the one it carries if that was archived since. */
function CaseCategorySelect({ kase, categories, onChange }: { kase: CaseRecordView; categories: CaseCategory[]; onChange: (kase: CaseRecordView) => void }) {
  const t = useT();
  const id = useId();
  const action = useAction();
  const [category, setCategory] = useState(kase.category ?? '');
  const options = categories.filter((c) => !c.archived || c.key === kase.category);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      onChange(await calls.setCategory(kase.ref, category || null));
    });
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('cases.category')}</h2>
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('cases.category')}</label>
        <select id={`${id}-category`} value={category} onChange={(e) => setCategory(e.target.value)}>
          <option value="">{t('cases.noCategory')}</option>
          <CategoryOptions categories={options} />
        </select>
        <p className="hint">{t('cases.categoryHint')}</p>
      </div>
      {action.error && <p role="alert">{action.error}</p>}
      <button type="submit" className="button button-secondary" disabled={action.busy || category === (kase.category ?? '')}>
        {t('cases.categorySave')}
      </button>
    </form>
  );
}

/**
 * What staff write on a case: an internal note (staff only) or a message to the customer (emailed, and
 * shown on the customer's case page). Two forms, so one is never mistaken for the other.
 */
function CaseWriting({ kase, onChange, kind }: { kase: CaseRecordView; onChange: (kase: CaseRecordView) => void; kind: 'note' | 'message' }) {
  const t = useT();
  const id = useId();
  const action = useAction();
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      onChange(await (kind === 'note' ? calls.note(kase.ref, text) : calls.message(kase.ref, text)));
      setText('');
    });
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(kind === 'note' ? 'cases.note' : 'cases.message')}</h2>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t(kind === 'note' ? 'cases.noteText' : 'cases.messageText')}</label>
        <textarea id={`${id}-text`} rows={3} required maxLength={5000} value={text} onChange={(e) => setText(e.target.value)} />
        <p className="hint">{t(kind === 'note' ? 'cases.noteHint' : 'cases.messageHint')}</p>
      </div>
      {action.error && <p role="alert">{action.error}</p>}
      <button type="submit" className="button button-secondary" disabled={action.busy || text.trim() === ''}>
        {t(kind === 'note' ? 'cases.noteAdd' : 'cases.messageSend')}
      </button>
    </form>
  );
}
