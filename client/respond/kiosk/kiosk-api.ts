import { kioskSettingsSchema, type KioskSettings } from '@shared/channels/channel.schema';
import { KIOSK_HEADER } from '@shared/channels/kiosk-constants';

export type KioskSettingsResult = { kind: 'ready'; settings: KioskSettings } | { kind: 'refused' } | { kind: 'failed'; reason: string };

/** Whether the server refused the device itself (unknown or revoked credential), which no retry mends. */
export const isDeviceRefusal = (status: number): boolean => status === 401 || status === 403;

/** `GET /api/public/kiosk`: the tablet's settings, read with its credential. */
export async function loadKioskSettings(credential: string): Promise<KioskSettingsResult> {
  try {
    const response = await fetch('/api/public/kiosk', { headers: { [KIOSK_HEADER]: credential, Accept: 'application/json' }, credentials: 'omit' });
    if (isDeviceRefusal(response.status)) return { kind: 'refused' };
    if (!response.ok) return { kind: 'failed', reason: `HTTP ${response.status}` };
    const settings = kioskSettingsSchema.safeParse(await response.json());
    return settings.success ? { kind: 'ready', settings: settings.data } : { kind: 'failed', reason: 'unexpected reply' };
  } catch (error) {
    return { kind: 'failed', reason: error instanceof Error ? error.message : 'network error' };
  }
}

/**
 * fetch with the device credential on every request, reporting a device refusal (revoked while
 * running) so the tablet can say so instead of thanking customers whose answers cannot be stored.
 */
export function kioskFetch(credential: string, onDeviceRefused: () => void): (input: string, init: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const response = await fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), [KIOSK_HEADER]: credential } });
    if (isDeviceRefusal(response.status)) onDeviceRefused();
    return response;
  };
}
