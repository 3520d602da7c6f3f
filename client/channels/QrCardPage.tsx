import { surveyLinkQuerySchema, type SurveyLinkQuery } from '@shared/channels/channel.schema';
import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Link } from '../lib/Link';
import { Loaded } from '../lib/Loaded';
import { useLoad } from '../lib/use-load';
import { channelsApi, qrCodeUrl } from './channels-api';
import './channels.css';

/** Tags from the card page's own query; a malformed one is dropped (the link endpoint refuses it anyway). */
export function cardTags(search: string): SurveyLinkQuery {
  const query = new URLSearchParams(search);
  const parsed = surveyLinkQuerySchema.safeParse({ touchpoint: query.get('touchpoint') ?? undefined, channel: query.get('channel') ?? undefined });
  return parsed.success ? parsed.data : {};
}

/**
 * A card to print for a counter, a receipt or a poster: survey title, QR code (SVG, sharp at any size)
 * and the short link written out for those who type it. The print stylesheet prints the card alone.
 */
export function QrCardPage({ surveyId }: { surveyId: string }) {
  const t = useT();
  const tags = cardTags(window.location.search);
  const link = useLoad(`card|${surveyId}|${window.location.search}`, () => channelsApi(api).link(surveyId, tags));
  return (
    <section className="page qr-card-page" aria-labelledby="page-title">
      <p className="qr-card-tools">
        <Link to={`/surveys/${encodeURIComponent(surveyId)}`}>{t('channels.card.back')}</Link>
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t('channels.card.print')}
        </button>
      </p>
      <Loaded load={link} failed={t('channels.linkFailed')}>
        {({ shortUrl, title }) => (
          <article className="qr-card">
            <h1 id="page-title">{title}</h1>
            <p className="qr-card-ask">{t('channels.card.ask')}</p>
            <img className="qr-card-code" src={qrCodeUrl(surveyId, tags, 'svg')} alt={t('channels.qrAlt', { url: shortUrl })} width={280} height={280} />
            <p className="qr-card-url">{shortUrl.replace(/^https?:\/\//, '')}</p>
          </article>
        )}
      </Loaded>
    </section>
  );
}
