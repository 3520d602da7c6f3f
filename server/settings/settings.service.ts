import { DEFAULT_SEGMENTS } from '@shared/contacts/segment.schema';
import { DEFAULT_CHANNELS } from '@shared/survey-definition/metric-vocabulary';
import { SettingModel } from './settings.model';

const CHANNELS = 'channels';
const SEGMENTS = 'segments';

export async function getChannels(): Promise<string[]> {
  const doc = await SettingModel.findById(CHANNELS).lean();
  return Array.isArray(doc?.value) ? (doc.value as string[]) : [...DEFAULT_CHANNELS];
}

export async function setChannels(channels: string[]): Promise<string[]> {
  const unique = [...new Set(channels)];
  await SettingModel.updateOne({ _id: CHANNELS }, { $set: { value: unique } }, { upsert: true });
  return unique;
}

/** Customer segments contacts may belong to (the defaults until an admin sets the list). */
export async function getSegments(): Promise<string[]> {
  const doc = await SettingModel.findById(SEGMENTS).lean();
  return Array.isArray(doc?.value) ? (doc.value as string[]) : [...DEFAULT_SEGMENTS];
}

export async function setSegments(segments: string[]): Promise<string[]> {
  const unique = [...new Set(segments)];
  await SettingModel.updateOne({ _id: SEGMENTS }, { $set: { value: unique } }, { upsert: true });
  return unique;
}
