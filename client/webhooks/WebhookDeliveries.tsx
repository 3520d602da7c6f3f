import { useState } from 'react';
import type { WebhookDelivery } from '@shared/webhooks/webhook.schema';
import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Loaded } from '../lib/Loaded';
import { useLoad } from '../lib/use-load';
import { webhooksApi } from './webhooks-api';

const calls = webhooksApi(api);

/** One endpoint's deliveries, newest first, each with its status, attempts, response code and a redeliver button. */
export function WebhookDeliveries({ endpointId }: { endpointId: string }) {
  const t = useT();
  const load = useLoad(`webhook deliveries ${endpointId}`, () => calls.deliveries(endpointId));
  const [error, setError] = useState('');
  const redeliver = async (delivery: WebhookDelivery) => {
    setError('');
    try {
      const again = await calls.redeliver(endpointId, delivery.id);
      if (load.state.kind === 'ready') load.replace(load.state.value.map((d) => (d.id === again.id ? again : d)));
    } catch {
      setError(t('webhooks.redeliverFailed'));
    }
  };
  return (
    <Loaded load={load} failed={t('webhooks.deliveriesFailed')} empty={{ isEmpty: (list) => list.length === 0, message: t('webhooks.noDeliveries') }}>
      {(deliveries) => (
        <>
          {error && <p role="alert">{error}</p>}
          <table className="data-table">
            <caption>{t('webhooks.deliveries')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('webhooks.event')}</th>
                <th scope="col">{t('webhooks.status')}</th>
                <th scope="col">{t('webhooks.attempts')}</th>
                <th scope="col">{t('webhooks.responseCode')}</th>
                <th scope="col">{t('webhooks.lastAttempt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('webhooks.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <tr key={delivery.id}>
                  <td>
                    {delivery.type}
                    <br />
                    <code>{delivery.eventId}</code>
                  </td>
                  <td>
                    {t(`webhooks.status.${delivery.status}`)}
                    {delivery.error && <div className="hint">{delivery.error}</div>}
                  </td>
                  <td>{delivery.attempts}</td>
                  <td>{delivery.responseCode ?? '–'}</td>
                  <td>{delivery.lastAttemptAt ? new Date(delivery.lastAttemptAt).toLocaleString() : '–'}</td>
                  <td>
                    {delivery.status !== 'pending' && (
                      <button type="button" onClick={() => void redeliver(delivery)}>
                        {t('webhooks.redeliver')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Loaded>
  );
}
