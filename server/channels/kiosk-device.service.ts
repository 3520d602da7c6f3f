import type { CreatedKioskDevice, KioskDevice, KioskDeviceInput, KioskSettings } from '@shared/channels/channel.schema';
import { KIOSK_CREDENTIAL_PATTERN, KIOSK_FRAGMENT_KEY, KIOSK_HEADER, KIOSK_PROBLEM_CODES } from '@shared/channels/kiosk-constants';
import type { AppContext } from '../app-context';
import { HttpError, NotFound } from '../lib/errors';
import { hashRandomToken, newRandomToken } from '../lib/random-token';
import { cachedOpenSurvey } from '../surveys/survey-cache';
import { KioskDeviceModel, type KioskDeviceDoc } from './kiosk-device.model';
import { surveyLinkFor } from './survey-link';

function toKioskDevice(doc: KioskDeviceDoc): KioskDevice {
  return {
    id: doc._id.toString(),
    name: doc.name,
    surveyId: doc.surveyId.toString(),
    touchpoint: doc.touchpoint,
    channel: doc.channel,
    thankYouSeconds: doc.thankYouSeconds,
    idleSeconds: doc.idleSeconds,
    createdAt: doc.createdAt.toISOString(),
    revokedAt: doc.revokedAt ? doc.revokedAt.toISOString() : null,
  };
}

/**
 * Registers a tablet and returns its kiosk link, credential in the fragment. The credential is shown
 * this once; a lost link means revoking the device and making a new one.
 */
export async function createKioskDevice(ctx: Pick<AppContext, 'auth' | 'publicUrl'>, input: KioskDeviceInput, userId: string): Promise<CreatedKioskDevice> {
  const link = await surveyLinkFor(ctx, input.surveyId, { touchpoint: input.touchpoint, channel: input.channel }, 'body');
  const credential = newRandomToken();
  const doc = await KioskDeviceModel.create({ ...input, credentialHash: hashRandomToken(credential), createdBy: userId });
  return { ...toKioskDevice(doc.toObject() as KioskDeviceDoc), kioskUrl: `${link.url}#${KIOSK_FRAGMENT_KEY}=${credential}` };
}

export async function listKioskDevices(filter: { surveyId?: string | undefined }): Promise<KioskDevice[]> {
  const docs = await KioskDeviceModel.find(filter.surveyId ? { surveyId: filter.surveyId } : {})
    .sort({ createdAt: -1 })
    .lean<KioskDeviceDoc[]>();
  return docs.map(toKioskDevice);
}

/** Switches a tablet off for good: its next submission or settings read is refused. Revoking twice keeps the first time. */
export async function revokeKioskDevice(id: string, now = new Date()): Promise<KioskDevice> {
  const doc = await KioskDeviceModel.findOneAndUpdate({ _id: id, revokedAt: null }, { $set: { revokedAt: now } }, { returnDocument: 'after' }).lean<KioskDeviceDoc>();
  const found = doc ?? (await KioskDeviceModel.findById(id).lean<KioskDeviceDoc>());
  if (!found) throw new NotFound('There is no such kiosk.');
  return toKioskDevice(found);
}

/**
 * The device a credential belongs to: 401 when no device has it, 403 when it was revoked. Read from the
 * database every time, so a revocation holds from the next request on, in every API process.
 */
export async function authenticateKiosk(credential: string): Promise<KioskDeviceDoc> {
  const doc = KIOSK_CREDENTIAL_PATTERN.test(credential)
    ? await KioskDeviceModel.findOne({ credentialHash: hashRandomToken(credential) }).lean<KioskDeviceDoc>()
    : null;
  if (!doc) throw new KioskRefused(401, KIOSK_PROBLEM_CODES.unknown, 'This kiosk link is not known; ask staff for a new one.');
  if (doc.revokedAt) throw new KioskRefused(403, KIOSK_PROBLEM_CODES.revoked, 'This kiosk has been switched off by staff.');
  return doc;
}

/** The kiosk device a request names by its credential header, or null when it names none (a customer's own phone). */
export async function kioskOf(req: { get(name: string): string | undefined }): Promise<KioskDeviceDoc | null> {
  const credential = req.get(KIOSK_HEADER);
  return credential === undefined ? null : authenticateKiosk(credential);
}

/** A kiosk's submissions go to its own survey only: its credential opens nothing else. */
export async function requireKioskSurvey(device: KioskDeviceDoc, slug: string): Promise<void> {
  const open = await cachedOpenSurvey(slug);
  if (open && open.surveyId !== device.surveyId.toString()) {
    throw new KioskRefused(403, KIOSK_PROBLEM_CODES.otherSurvey, 'This kiosk answers another survey.');
  }
}

/** What the tablet reads at start: its survey, tags and timings. */
export async function kioskSettings(ctx: Pick<AppContext, 'auth' | 'publicUrl'>, device: KioskDeviceDoc): Promise<KioskSettings> {
  const link = await surveyLinkFor(ctx, device.surveyId.toString(), {});
  return {
    name: device.name,
    slug: link.slug,
    touchpoint: device.touchpoint,
    channel: device.channel,
    thankYouSeconds: device.thankYouSeconds,
    idleSeconds: device.idleSeconds,
  };
}

class KioskRefused extends HttpError {
  constructor(status: 401 | 403, code: string, detail: string) {
    super(status, code, status === 401 ? 'Authentication required' : 'Forbidden', detail);
  }
}
