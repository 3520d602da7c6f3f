import { useState } from 'react';
import type { Role } from '@shared/auth/auth.schema';
import type { StandardVersion } from '@shared/standards/standard.schema';
import { fetchCurrentUser } from '../auth/session-api';
import { useLocale, useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Link } from '../lib/Link';
import { LoadFailed } from '../lib/LoadFailed';
import { useLoad } from '../lib/use-load';
import { touchpointsApi } from '../touchpoints/touchpoints-api';
import { StandardDiffView } from './StandardDiffView';
import { StandardEditor } from './StandardEditor';
import { targetParts } from '../touchpoints/target-text';
import { commitmentText, reasonText } from './standard-text';
import { standardsApi } from './standards-api';
import { TOUCHPOINT_HISTORY_SECTIONS } from './touchpoint-history-slots';
import './standards.css';

const MAY_EDIT: readonly Role[] = ['admin', 'designer'];

/** Two versions to compare: the one before `latest` and `latest` (the same one when there is only one). */
const pairEndingAt = (latest: number) => ({ from: Math.max(1, latest - 1), to: latest });

/** Compares any two versions of the standard, side by side in one table. */
function VersionCompare({ touchpoint, versions, pair, onPair }: { touchpoint: string; versions: StandardVersion[]; pair: { from: number; to: number }; onPair: (pair: { from: number; to: number }) => void }) {
  const t = useT();
  const diff = useLoad(`standard-diff-${touchpoint}-${pair.from}-${pair.to}-${versions.length}`, () => standardsApi(api).diff(touchpoint, pair.from, pair.to));
  const select = (which: 'from' | 'to', label: string) => (
    <label className="field compare-pick">
      <span>{label}</span>
      <select value={pair[which]} onChange={(event) => onPair({ ...pair, [which]: Number(event.target.value) })}>
        {versions.map((version) => (
          <option key={version.version} value={version.version}>
            {t('standards.versionN', { n: version.version })}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="panel" aria-labelledby="standard-compare">
      <h2 id="standard-compare">{t('standards.compare')}</h2>
      <div className="compare-picks">
        {select('from', t('standards.compare.from'))}
        {select('to', t('standards.compare.to'))}
      </div>
      {diff.state.kind === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
      {diff.state.kind === 'failed' && <LoadFailed message={t('standards.loadFailed')} onRetry={diff.retry} />}
      {diff.state.kind === 'ready' && <StandardDiffView diff={diff.state.value} />}
    </section>
  );
}

/** One touchpoint's service standard: the version in force, its history (who, when, why), a diff of any two versions, and an editor for designers. */
export function StandardPage({ touchpointKey }: { touchpointKey: string }) {
  const t = useT();
  const { locale } = useLocale();
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const { state, retry, replace } = useLoad(`standard-${touchpointKey}`, async () => {
    const [touchpoint, versions, user] = await Promise.all([touchpointsApi(api).get(touchpointKey), standardsApi(api).versions(touchpointKey), fetchCurrentUser(api)]);
    const mayEdit = user !== null && MAY_EDIT.includes(user.role);
    return { touchpoint, versions, mayEdit, policies: mayEdit ? await standardsApi(api).slaPolicies() : null };
  });
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const [notice, setNotice] = useState('');

  if (state.kind === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (state.kind === 'failed') return <LoadFailed message={t('standards.loadFailed')} onRetry={retry} />;
  const { touchpoint, versions, mayEdit, policies } = state.value;
  // Versions never take effect in the future, so the latest is the one in force.
  const current = versions.at(-1) ?? null;
  const shownPair = pair ?? (current ? pairEndingAt(current.version) : null);

  const saved = (version: StandardVersion) => {
    replace({ ...state.value, versions: [...versions, version], touchpoint: { ...touchpoint, target: version.target } });
    setPair(pairEndingAt(version.version));
    setNotice(t('standards.notice.saved', { n: version.version }));
  };

  return (
    <section className="page standard-page" aria-labelledby="page-title">
      <p>
        <Link to="/touchpoints">{t('standards.back')}</Link>
      </p>
      <h1 id="page-title">{t('standards.title', { name: touchpoint.name })}</h1>
      <p role="status" className="touchpoints-notice">
        {notice}
      </p>
      {current === null ? (
        <p>{t('standards.none')}</p>
      ) : (
        <section className="panel" aria-labelledby="standard-current">
          <h2 id="standard-current">{t('standards.current', { n: current.version, since: dateFormat.format(new Date(current.effectiveFrom)) })}</h2>
          <h3>{t('standards.commitments')}</h3>
          {current.commitments.length === 0 ? (
            <p>{t('standards.commitments.none')}</p>
          ) : (
            <ul className="commitment-list">
              {current.commitments.map((commitment) => (
                <li key={commitment.name}>
                  {commitmentText(t, commitment)}
                  {commitment.text && <span className="hint"> — {commitment.text}</span>}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('touchpoints.form.targets')}</h3>
          <p>{targetParts(t, current.target).join(' · ') || t('standards.targets.none')}</p>
          <h3>{t('standards.slaPolicy')}</h3>
          <p>{current.slaPolicy?.policy.name ?? t('standards.slaPolicy.none')}</p>
        </section>
      )}
      <section className="panel" aria-labelledby="standard-history">
        <h2 id="standard-history">{t('standards.history')}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('standards.history.version')}</th>
              <th scope="col">{t('standards.history.effective')}</th>
              <th scope="col">{t('standards.history.by')}</th>
              <th scope="col">{t('standards.history.why')}</th>
            </tr>
          </thead>
          <tbody>
            {[...versions].reverse().map((version) => (
              <tr key={version.version}>
                <th scope="row">{t('standards.versionN', { n: version.version })}</th>
                <td>{dateFormat.format(new Date(version.effectiveFrom))}</td>
                <td>{version.createdBy ?? t('standards.history.system')}</td>
                <td>{reasonText(t, version)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {shownPair && <VersionCompare touchpoint={touchpointKey} versions={versions} pair={shownPair} onPair={setPair} />}
      {TOUCHPOINT_HISTORY_SECTIONS.map((Section, index) => (
        <Section key={index} touchpoint={touchpointKey} />
      ))}
      {mayEdit && <StandardEditor key={current?.version ?? 0} touchpoint={touchpointKey} latest={current} policies={policies} onSaved={saved} />}
    </section>
  );
}
