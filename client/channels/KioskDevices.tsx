import { useId, useState, type FormEvent } from 'react';
import type { CreatedKioskDevice, KioskDevice, SurveyLinkQuery } from '@shared/channels/channel.schema';
import { useT } from '../i18n/i18n-context';
import { api, ApiError } from '../lib/api-client';
import { Loaded } from '../lib/Loaded';
import { useLoad } from '../lib/use-load';
import { channelsApi } from './channels-api';

/**
 * The survey's kiosk tablets: register one for the touchpoint and channel picked above (its link,
 * credential included, is shown once, to open on the tablet), and revoke one that is lost or retired.
 */
export function KioskDevices({ surveyId, tags }: { surveyId: string; tags: SurveyLinkQuery }) {
  const t = useT();
  const nameId = useId();
  const kiosks = useLoad(`kiosks|${surveyId}`, () => channelsApi(api).kiosks(surveyId));
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedKioskDevice | null>(null);
  const [error, setError] = useState('');
  const ready = tags.touchpoint !== undefined && tags.channel !== undefined;

  const listed = (update: (list: KioskDevice[]) => KioskDevice[]) => {
    if (kiosks.state.kind === 'ready') kiosks.replace(update(kiosks.state.value));
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!tags.touchpoint || !tags.channel) return;
    setError('');
    try {
      const device = await channelsApi(api).createKiosk({ name, surveyId, touchpoint: tags.touchpoint, channel: tags.channel });
      setCreated(device);
      setName('');
      listed((list) => [device, ...list]);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : t('channels.kiosk.failed'));
    }
  };

  const revoke = async (device: KioskDevice) => {
    if (!window.confirm(t('channels.kiosk.revokeConfirm', { name: device.name }))) return;
    try {
      const revoked = await channelsApi(api).revokeKiosk(device.id);
      listed((list) => list.map((item) => (item.id === revoked.id ? revoked : item)));
      if (created?.id === revoked.id) setCreated(null);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : t('channels.kiosk.failed'));
    }
  };

  return (
    <div className="kiosk-devices">
      <h3>{t('channels.kiosk.title')}</h3>
      <p className="hint">{t('channels.kiosk.lead')}</p>
      <form className="kiosk-devices-form" onSubmit={(event) => void create(event)}>
        <label htmlFor={nameId}>{t('channels.kiosk.name')}</label>
        <input id={nameId} value={name} required maxLength={80} onChange={(event) => setName(event.target.value)} />
        <button type="submit" className="button button-primary" disabled={!ready}>
          {t('channels.kiosk.create')}
        </button>
        {!ready && <span className="hint">{t('channels.kiosk.needsTags')}</span>}
      </form>
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
      {created && (
        <div className="kiosk-devices-created" role="status">
          <p>{t('channels.kiosk.createdLink', { name: created.name })}</p>
          <input readOnly value={created.kioskUrl} aria-label={t('channels.kiosk.linkLabel')} onFocus={(event) => event.target.select()} />
        </div>
      )}
      <Loaded load={kiosks} failed={t('channels.kiosk.loadFailed')} empty={{ isEmpty: (list) => list.length === 0, message: t('channels.kiosk.empty') }}>
        {(list) => (
          <table className="data-table">
            <caption className="visually-hidden">{t('channels.kiosk.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('channels.kiosk.name')}</th>
                <th scope="col">{t('channels.touchpoint')}</th>
                <th scope="col">{t('channels.channel')}</th>
                <th scope="col">{t('channels.kiosk.state')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((device) => (
                <tr key={device.id}>
                  <td>{device.name}</td>
                  <td>{device.touchpoint}</td>
                  <td>{device.channel}</td>
                  <td>
                    {device.revokedAt ? (
                      t('channels.kiosk.revoked')
                    ) : (
                      <button type="button" className="button button-secondary" onClick={() => void revoke(device)}>
                        {t('channels.kiosk.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </div>
  );
}
