import { useId, useState, type FormEvent } from 'react';
import { WEBHOOK_EVENTS, type CreatedWebhookEndpoint, type WebhookEventType } from '@shared/webhooks/webhook.schema';
import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { problemMessage } from '../lib/problem-message';
import { Loaded } from '../lib/Loaded';
import { useLoad } from '../lib/use-load';
import { WebhookDeliveries } from './WebhookDeliveries';
import { webhooksApi } from './webhooks-api';
import '../lib/section-ui.css';

const calls = webhooksApi(api);

/** Admins register webhook endpoints, see each one's deliveries and redeliver; links to the API reference. */
export function WebhooksPage() {
  const t = useT();
  const id = useId();
  const load = useLoad('webhook endpoints', () => calls.list());
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>(['response.created']);
  const [created, setCreated] = useState<CreatedWebhookEndpoint | null>(null);
  const [error, setError] = useState('');
  const [open, setOpen] = useState<string | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError('');
    try {
      const endpoint = await calls.create({ url, events });
      setCreated(endpoint);
      setUrl('');
      if (load.state.kind === 'ready') load.replace([...load.state.value, endpoint]);
    } catch (err) {
      setError(problemMessage(err, t));
    }
  };
  const toggle = (name: WebhookEventType) => setEvents(events.includes(name) ? events.filter((e) => e !== name) : [...events, name]);

  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.webhooks')}</h1>
      <p className="page-lead">
        {t('webhooks.lead')} <a href="/ops/api-docs">{t('webhooks.apiReference')}</a>
      </p>
      <form className="panel" onSubmit={(event) => void create(event)} aria-labelledby={`${id}-new`}>
        <h2 id={`${id}-new`}>{t('webhooks.new')}</h2>
        <div className="field">
          <label htmlFor={`${id}-url`}>{t('webhooks.url')}</label>
          <input id={`${id}-url`} type="url" required value={url} onChange={(event) => setUrl(event.target.value)} placeholder={t('webhooks.urlPlaceholder')} />
        </div>
        <fieldset>
          <legend>{t('webhooks.events')}</legend>
          {WEBHOOK_EVENTS.map((name) => (
            <label key={name} className="checkbox-field">
              <input type="checkbox" checked={events.includes(name)} onChange={() => toggle(name)} /> {name}
            </label>
          ))}
        </fieldset>
        {error && <p role="alert">{error}</p>}
        <button type="submit" className="button button-primary" disabled={events.length === 0}>
          {t('webhooks.create')}
        </button>
      </form>
      {created && (
        <div className="panel" role="status">
          <p>{t('webhooks.secretOnce')}</p>
          <code aria-label={t('webhooks.secret')}>{created.secret}</code>
        </div>
      )}
      <Loaded load={load} failed={t('webhooks.loadFailed')} empty={{ isEmpty: (list) => list.length === 0, message: t('webhooks.none') }}>
        {(endpoints) => (
          <ul className="card-grid">
            {endpoints.map((endpoint) => (
              <li key={endpoint.id} className="panel">
                <h2>
                  <code>{endpoint.url}</code>
                </h2>
                <p>
                  {endpoint.events.join(', ')} · {endpoint.enabled ? t('webhooks.enabled') : t('webhooks.disabled')}
                  {endpoint.failingSince && <span className="badge"> {t('webhooks.failing')}</span>}
                </p>
                <button type="button" aria-expanded={open === endpoint.id} onClick={() => setOpen(open === endpoint.id ? null : endpoint.id)}>
                  {t('webhooks.showDeliveries')}
                </button>
                {open === endpoint.id && <WebhookDeliveries endpointId={endpoint.id} />}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}
