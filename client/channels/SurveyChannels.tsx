import { useId, useState } from 'react';
import type { SurveyLinkQuery } from '@shared/channels/channel.schema';
import { distributionsApi } from '../distributions/distributions-api';
import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Link } from '../lib/Link';
import { Loaded } from '../lib/Loaded';
import { useLoad } from '../lib/use-load';
import { touchpointsApi } from '../touchpoints/touchpoints-api';
import { channelsApi, qrCardPath, qrCodeUrl } from './channels-api';
import { KioskDevices } from './KioskDevices';
import './channels.css';

/**
 * A published survey's links for the places customers meet it: pick a touchpoint and a channel, get the
 * tagged link, its QR code (SVG for print, PNG for everything else), a printable card and kiosk tablets.
 */
export function SurveyChannels({ surveyId }: { surveyId: string }) {
  const t = useT();
  const ids = { touchpoint: useId(), channel: useId() };
  const choices = useLoad('channel-choices', async () => {
    const [touchpoints, channels] = await Promise.all([touchpointsApi(api).list(), distributionsApi(api).channels()]);
    return { touchpoints, channels };
  });
  const [tags, setTags] = useState<SurveyLinkQuery>({});
  const key = `${surveyId}|${tags.touchpoint ?? ''}|${tags.channel ?? ''}`;
  const link = useLoad(`link|${key}`, () => channelsApi(api).link(surveyId, tags));
  const pick = (field: keyof SurveyLinkQuery, value: string) => setTags((current) => ({ ...current, [field]: value || undefined }));

  return (
    <section className="survey-channels" aria-labelledby={`${ids.touchpoint}-title`}>
      <h2 id={`${ids.touchpoint}-title`}>{t('channels.title')}</h2>
      <p className="hint">{t('channels.lead')}</p>
      <Loaded load={choices} failed={t('channels.loadFailed')}>
        {({ touchpoints, channels }) => (
          <div className="survey-channels-tags">
            <label htmlFor={ids.touchpoint}>{t('channels.touchpoint')}</label>
            <select id={ids.touchpoint} value={tags.touchpoint ?? ''} onChange={(event) => pick('touchpoint', event.target.value)}>
              <option value="">{t('channels.none')}</option>
              {touchpoints.map((touchpoint) => (
                <option key={touchpoint.key} value={touchpoint.key}>
                  {touchpoint.name}
                </option>
              ))}
            </select>
            <label htmlFor={ids.channel}>{t('channels.channel')}</label>
            <select id={ids.channel} value={tags.channel ?? ''} onChange={(event) => pick('channel', event.target.value)}>
              <option value="">{t('channels.none')}</option>
              {channels.map((channel) => (
                <option key={channel} value={channel}>
                  {channel}
                </option>
              ))}
            </select>
          </div>
        )}
      </Loaded>
      <Loaded load={link} failed={t('channels.linkFailed')}>
        {({ url, shortUrl }) => (
          <div className="survey-channels-link">
            <img className="survey-channels-qr" src={qrCodeUrl(surveyId, tags, 'svg')} alt={t('channels.qrAlt', { url: shortUrl })} width={160} height={160} />
            <div>
              {/* The short link is what the code and card carry; the signed link it leads to, for pasting where length does not matter. */}
              <p>
                <a href={shortUrl} target="_blank" rel="noopener">
                  {shortUrl}
                </a>
              </p>
              <p className="hint">
                <a href={url} target="_blank" rel="noopener">
                  {url}
                </a>
              </p>
              <p className="survey-channels-actions">
                <Link className="button button-secondary" to={qrCardPath(surveyId, tags)}>
                  {t('channels.card')}
                </Link>
                <a className="button button-secondary" href={qrCodeUrl(surveyId, tags, 'png')} download="survey-qr.png">
                  {t('channels.downloadPng')}
                </a>
                <a className="button button-secondary" href={qrCodeUrl(surveyId, tags, 'svg')} download="survey-qr.svg">
                  {t('channels.downloadSvg')}
                </a>
              </p>
            </div>
          </div>
        )}
      </Loaded>
      <KioskDevices surveyId={surveyId} tags={tags} />
    </section>
  );
}
