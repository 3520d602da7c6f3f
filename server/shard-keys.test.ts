import { readdirSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';

// Collections that stay small whatever the traffic (staff, questionnaires, settings, per-touchpoint
// state): one shard holds them. Every other model declares the shard key README "Scaling out" gives.
const UNSHARDED = new Set([
  'User', 'Credential', 'Survey', 'SurveyVersion', 'Touchpoint', 'Setting', 'EmailTemplate',
  'Distribution', 'AlertState', 'Alert', 'RollupEpoch', 'KioskDevice', 'CaseTeam', 'SlaPolicy', 'CaseCounter', 'CaseCategory', 'CaseIntakeRules',
  'WebhookEndpoint', 'ShortLink', 'StandardVersion', 'ImprovementAction', 'ReportDefinition', 'ServiceReport', 'Theme', 'ThemeState',
]);

/** Every `*.model.ts` under server/, so a new model is checked without being listed here. */
function modelFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'embedded-store' ? [] : modelFiles(full);
    return entry.name.endsWith('.model.ts') ? [full] : [];
  });
}

beforeAll(async () => {
  for (const file of modelFiles(import.meta.dirname)) await import(file);
});

describe('shard keys', () => {
  it('every model is either sharded by a declared key or named as a small collection', () => {
    const undecided = mongoose.modelNames().filter((name) => !mongoose.model(name).schema.get('shardKey') && !UNSHARDED.has(name));
    expect(undecided).toEqual([]);
    expect(mongoose.modelNames().filter((name) => mongoose.model(name).schema.get('shardKey')).sort()).toEqual(
      ['Case', 'CaseFold', 'CaseOrigin', 'CaseRollup', 'Contact', 'DistributionRecipient', 'Response', 'ResponseToken', 'Rollup', 'SendLog', 'ThemeRollup', 'WebhookDelivery'],
    );
  });

  it('every unique index of a sharded model begins with its shard key, as a sharded cluster requires', () => {
    const blocking: string[] = [];
    for (const name of mongoose.modelNames()) {
      const schema = mongoose.model(name).schema;
      const shardKey = Object.keys((schema.get('shardKey') as Record<string, unknown> | undefined) ?? {});
      if (shardKey.length === 0) continue;
      for (const [fields, options] of schema.indexes()) {
        if (!options?.unique) continue;
        const prefix = Object.keys(fields).slice(0, shardKey.length);
        if (prefix.join() !== shardKey.join()) blocking.push(`${name} unique ${JSON.stringify(fields)} (shard key ${JSON.stringify(shardKey)})`);
      }
    }
    expect(blocking).toEqual([]);
  });
});
