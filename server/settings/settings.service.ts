import { DEFAULT_CHANNELS } from '@shared/survey/metric-vocabulary';
import { SettingModel } from './settings.model';

const CHANNELS = 'channels';

export async function getChannels(): Promise<string[]> {
  const doc = await SettingModel.findById(CHANNELS).lean();
  return Array.isArray(doc?.value) ? (doc.value as string[]) : [...DEFAULT_CHANNELS];
}

export async function setChannels(channels: string[]): Promise<string[]> {
  const unique = [...new Set(channels)];
  await SettingModel.updateOne({ _id: CHANNELS }, { $set: { value: unique } }, { upsert: true });
  return unique;
}
