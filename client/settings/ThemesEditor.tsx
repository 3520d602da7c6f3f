import { useId, useState } from 'react';
import { storedThemeSchema, themeListSchema, type StoredTheme, type ThemeRetagStatus } from '@shared/themes/theme-api.schema';
import type { Theme } from '@shared/themes/theme.schema';
import { useLocale, useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Loaded } from '../lib/Loaded';
import { useAction } from '../lib/use-action';
import { useLoad } from '../lib/use-load';

const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
const EMPTY: Theme = { key: '', name: { en: '', 'zh-CN': '' }, keywords: { en: [], 'zh-CN': [] } };

/** Settings → Comment themes (admins): names and keywords in both languages; edits re-tag existing comments. */
export function ThemesEditor() {
  const t = useT();
  const id = useId();
  const load = useLoad('themes', () => api.get('/api/themes', themeListSchema));
  if (load.state.kind !== 'ready') return <Loaded load={load} failed={t('dashboard.loadFailed')} />;
  const { themes, retag } = load.state.value;
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('settings.themes.heading')}</h2>
      <p className="hint">{t('settings.themes.intro')}</p>
      <p role="status">{retagText(retag, t)}</p>
      {themes.map((theme) => (
        <ThemeForm key={theme.key} theme={theme} onSaved={load.refresh} />
      ))}
      <ThemeForm theme={EMPTY} onSaved={load.refresh} />
    </section>
  );
}

function retagText(retag: ThemeRetagStatus, t: ReturnType<typeof useT>): string {
  if (retag.state === 'idle') return t('settings.themes.retagIdle');
  if (retag.state === 'active' && retag.progress) return t('settings.themes.retagActive', { done: retag.progress.done, total: retag.progress.total });
  return t('settings.themes.retagWaiting');
}

/** One theme's form; with an empty key it adds a theme. */
function ThemeForm({ theme, onSaved }: { theme: Theme | StoredTheme; onSaved: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  const isNew = theme.key === '';
  const [key, setKey] = useState(theme.key);
  const [nameEn, setNameEn] = useState(theme.name.en);
  const [nameZh, setNameZh] = useState(theme.name['zh-CN']);
  const [keywordsEn, setKeywordsEn] = useState(theme.keywords.en.join('\n'));
  const [keywordsZh, setKeywordsZh] = useState(theme.keywords['zh-CN'].join('\n'));
  const [status, setStatus] = useState('');
  const { busy, error, run } = useAction();
  const body = { name: { en: nameEn, 'zh-CN': nameZh }, keywords: { en: lines(keywordsEn), 'zh-CN': lines(keywordsZh) } };
  const save = () =>
    run(async () => {
      if (isNew) await api.post('/api/themes', { key, ...body }, storedThemeSchema);
      else await api.put(`/api/themes/${encodeURIComponent(theme.key)}`, body, storedThemeSchema);
      setStatus(t('settings.themes.saved'));
      onSaved();
    });
  const remove = () =>
    run(async () => {
      await api.delete(`/api/themes/${encodeURIComponent(theme.key)}`);
      onSaved();
    });
  return (
    <fieldset className="theme-form">
      <legend>{isNew ? t('settings.themes.add') : theme.name[locale]}</legend>
      {isNew && (
        <div className="field">
          <label htmlFor={`${id}-key`}>{t('settings.themes.key')}</label>
          <input id={`${id}-key`} value={key} onChange={(event) => setKey(event.target.value)} />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-en`}>{t('settings.themes.nameEn')}</label>
        <input id={`${id}-en`} value={nameEn} onChange={(event) => setNameEn(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-zh`}>{t('settings.themes.nameZh')}</label>
        <input id={`${id}-zh`} lang="zh-CN" value={nameZh} onChange={(event) => setNameZh(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kw-en`}>{t('settings.themes.keywordsEn')}</label>
        <textarea id={`${id}-kw-en`} rows={4} value={keywordsEn} onChange={(event) => setKeywordsEn(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kw-zh`}>{t('settings.themes.keywordsZh')}</label>
        <textarea id={`${id}-kw-zh`} lang="zh-CN" rows={4} value={keywordsZh} onChange={(event) => setKeywordsZh(event.target.value)} />
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <p role="status">{status}</p>
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void save()}>
          {isNew ? t('settings.themes.add') : t('settings.themes.save')}
        </button>
        {!isNew && (
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void remove()}>
            {t('settings.themes.delete')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
