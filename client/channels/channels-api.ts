import {
  createdKioskDeviceSchema,
  kioskDeviceListSchema,
  kioskDeviceSchema,
  surveyLinkSchema,
  type CreatedKioskDevice,
  type KioskDevice,
  type SurveyLink,
  type SurveyLinkQuery,
} from '@shared/channels/channel.schema';
import type { ApiClient } from '../lib/api-client';

/** The query of a link preset with touchpoint and channel (empty tags are left out). */
export function linkQuery(tags: SurveyLinkQuery): string {
  const query = new URLSearchParams();
  if (tags.touchpoint) query.set('touchpoint', tags.touchpoint);
  if (tags.channel) query.set('channel', tags.channel);
  const text = query.toString();
  return text ? `?${text}` : '';
}

const surveyPath = (surveyId: string) => `/api/surveys/${encodeURIComponent(surveyId)}`;

/** Where the staff app shows a QR code (an <img> source, so the browser rasterises it itself). */
export function qrCodeUrl(surveyId: string, tags: SurveyLinkQuery, format: 'svg' | 'png'): string {
  return `${surveyPath(surveyId)}/qr.${format}${linkQuery(tags)}`;
}

/** The printable card's page in the staff app. */
export function qrCardPath(surveyId: string, tags: SurveyLinkQuery): string {
  return `/surveys/${encodeURIComponent(surveyId)}/card${linkQuery(tags)}`;
}

export interface KioskDeviceForm {
  name: string;
  surveyId: string;
  touchpoint: string;
  channel: string;
}

/** Links, QR codes and kiosk tablets of one survey; replies are checked against the shared schemas. */
export function channelsApi(api: ApiClient) {
  return {
    link: (surveyId: string, tags: SurveyLinkQuery): Promise<SurveyLink> => api.get(`${surveyPath(surveyId)}/link${linkQuery(tags)}`, surveyLinkSchema),
    kiosks: (surveyId: string): Promise<KioskDevice[]> =>
      api.get(`/api/kiosks?surveyId=${encodeURIComponent(surveyId)}`, kioskDeviceListSchema).then((reply) => reply.kiosks),
    createKiosk: (input: KioskDeviceForm): Promise<CreatedKioskDevice> => api.post('/api/kiosks', input, createdKioskDeviceSchema),
    revokeKiosk: (id: string): Promise<KioskDevice> => api.post(`/api/kiosks/${encodeURIComponent(id)}/revoke`, undefined, kioskDeviceSchema),
  };
}
