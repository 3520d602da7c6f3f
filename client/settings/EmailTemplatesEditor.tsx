import { useEffect, useId, useState } from 'react';
import { SEND_KINDS, type SendKind } from '@shared/mail/send-log.schema';
import { TEMPLATE_LOCALES, type EmailTemplate, type EmailTemplateBody, type RenderedEmail, type TemplateLocale } from '@shared/mail/template.schema';
import { useT } from '../i18n/i18n-context';
import { api, problemMessage } from '../lib/api-client';
import { Loaded } from '../lib/Loaded';
import { useLoad } from '../lib/use-load';
import { emailTemplatesApi } from './email-templates-api';

const calls = emailTemplatesApi(api);

/** Settings → Email templates: pick a kind and language, edit subject and bodies, preview with sample values, save or reset. */
export function EmailTemplatesEditor() {
  const t = useT();
  const id = useId();
  const load = useLoad('email templates', () => calls.list());
  const [kind, setKind] = useState<SendKind>('invitation');
  const [locale, setLocale] = useState<TemplateLocale>('en');
  const [draft, setDraft] = useState<EmailTemplateBody>({ subject: '', html: '', text: '' });
  const [preview, setPreview] = useState<RenderedEmail | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const current = load.state.kind === 'ready' ? load.state.value.find((tpl) => tpl.kind === kind && tpl.locale === locale) : undefined;
  useEffect(() => {
    if (current) setDraft({ subject: current.subject, html: current.html, text: current.text });
    setPreview(null);
    setError('');
  }, [current]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError('');
    setStatus('');
    try {
      await action();
    } catch (err) {
      setError(problemMessage(err, t('error.unexpected')));
    } finally {
      setBusy(false);
    }
  };
  const replace = (saved: EmailTemplate) =>
    load.state.kind === 'ready' && load.replace(load.state.value.map((tpl) => (tpl.kind === saved.kind && tpl.locale === saved.locale ? saved : tpl)));

  if (load.state.kind !== 'ready') return <Loaded load={load} failed={t('emailTemplates.loadFailed')} />;

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('emailTemplates.heading')}</h2>
      <p className="hint">{t('emailTemplates.lead')}</p>
      <div className="field-inline">
        <label htmlFor={`${id}-kind`}>{t('emailTemplates.kind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as SendKind)}>
          {SEND_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`emailTemplates.kind.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-locale`}>{t('emailTemplates.locale')}</label>
        <select id={`${id}-locale`} value={locale} onChange={(event) => setLocale(event.target.value as TemplateLocale)}>
          {TEMPLATE_LOCALES.map((l) => (
            <option key={l} value={l}>
              {l === 'en' ? 'English' : '简体中文'}
            </option>
          ))}
        </select>
        {current?.overridden ? <span className="badge">{t('emailTemplates.customised')}</span> : <span className="badge">{t('emailTemplates.default')}</span>}
      </div>
      <p className="hint">{t('emailTemplates.variables', { list: (current?.variables ?? []).map((v) => `{{${v}}}`).join(' ') })}</p>
      <div className="field">
        <label htmlFor={`${id}-subject`}>{t('emailTemplates.subject')}</label>
        <input id={`${id}-subject`} value={draft.subject} onChange={(event) => setDraft({ ...draft, subject: event.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-html`}>{t('emailTemplates.html')}</label>
        <textarea id={`${id}-html`} rows={10} spellCheck={false} value={draft.html} onChange={(event) => setDraft({ ...draft, html: event.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('emailTemplates.text')}</label>
        <textarea id={`${id}-text`} rows={8} value={draft.text} onChange={(event) => setDraft({ ...draft, text: event.target.value })} />
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <p role="status">{status}</p>
      <div className="button-row">
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => void run(async () => setPreview(await calls.preview({ kind, locale, ...draft })))}>
          {t('emailTemplates.preview')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              replace(await calls.save(kind, locale, draft));
              setStatus(t('emailTemplates.saved'));
            })
          }
        >
          {t('emailTemplates.save')}
        </button>
        {current?.overridden && (
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await calls.reset(kind, locale);
                replace({ ...current, ...current.default, overridden: false, updatedAt: null });
                setStatus(t('emailTemplates.wasReset'));
              })
            }
          >
            {t('emailTemplates.reset')}
          </button>
        )}
      </div>
      {preview && (
        <div aria-label={t('emailTemplates.previewHeading')} role="region">
          <h3>{t('emailTemplates.previewHeading')}</h3>
          <p>
            <strong>{t('emailTemplates.subject')}:</strong> {preview.subject}
          </p>
          {/* sandbox with no permissions: a template's HTML can neither run script nor reach this page. */}
          <iframe title={t('emailTemplates.previewHeading')} sandbox="" srcDoc={preview.html} style={{ width: '100%', height: '28rem', border: '1px solid #d0d5dd' }} />
          <pre style={{ whiteSpace: 'pre-wrap' }}>{preview.text}</pre>
        </div>
      )}
    </section>
  );
}
