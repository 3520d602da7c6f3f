import { describe, expect, it } from 'vitest';
import type { Comparison } from '@shared/scoring/metrics.schema';
import { en } from '../i18n/en';
import { formatMessage } from '../i18n/locale';
import { zhCN } from '../i18n/zh-CN';
import type { Translate } from '../i18n/i18n-context';
import { createScoreText } from './score-text';

const english: Translate = (key, params) => formatMessage(en[key], params);
const chinese: Translate = (key, params) => formatMessage(zhCN[key], params);
const text = createScoreText(english, 'en');

const nps = { n: 40, sample: 'low' as const, score: 25, promoters: 20, passives: 10, detractors: 10, ci95: [-0.6955, 50.6955] as [number, number] };
const change = (overrides: Partial<Comparison>): Comparison => ({ metric: 'nps', delta: 12.5, pValue: 0.0123, significant: true, test: 'nps-difference-z', statistic: 2.5, ...overrides });

describe('score wording', () => {
  it('shows NPS with its interval to 0.1 point, in both languages', () => {
    expect(text.nps(nps)).toBe('25 (95% CI -0.7 to 50.7)');
    expect(createScoreText(chinese, 'zh-CN').nps(nps)).toBe('25（95% 置信区间 -0.7 至 50.7）');
  });

  it('names the sample plainly', () => {
    expect(text.sample('insufficient', 12)).toBe('Insufficient sample (n=12)');
    expect(text.sample('low', 56)).toBe('Low sample (n=56)');
    expect(text.sample('ok', 240)).toBe('n=240');
  });

  it('gives a target verdict only with enough responses', () => {
    expect(text.target({ metric: 'nps', target: 30, value: 25, n: 40, minN: 30, status: 'missed' })).toBe('NPS ≥ 30: missed (25)');
    expect(text.target({ metric: 'csat-satisfied', target: 85, value: 90, n: 40, minN: 30, status: 'met' })).toBe('CSAT satisfied ≥ 85%: met');
    expect(text.target({ metric: 'csat-satisfied', target: 85, value: 72.44, n: 40, minN: 30, status: 'missed' })).toBe('CSAT satisfied ≥ 85%: missed (72.4%)');
    expect(text.target({ metric: 'nps', target: 30, value: 80, n: 12, minN: 30, status: 'insufficient' })).toBe('NPS ≥ 30: no verdict, 12 of 30 responses needed');
    expect(text.target({ metric: 'ces', target: 5, value: null, n: 0, minN: 30, status: 'no-data' })).toBe('CES ≥ 5: no verdict, no data');
  });

  it('calls a change significant only when the named test says so', () => {
    expect(text.change(change({}))).toBe('NPS: +12.5 points, a significant change (z-test of the NPS difference, p = 0.012)');
    expect(text.change(change({ significant: false, pValue: 0.31 }))).toBe('NPS: no detectable change (z-test of the NPS difference, p = 0.31)');
    expect(text.change(change({ metric: 'csat', test: 'welch-t', delta: -0.25, pValue: 0.0004 }))).toBe("CSAT mean: -0.25, a significant change (Welch's t-test, p < 0.001)");
    expect(text.change(change({ significant: false, pValue: null, reason: 'insufficient-n' }))).toBe('NPS: no detectable change; too few responses to test');
    expect(text.change(change({ significant: false, pValue: null, delta: null, reason: 'no-data' }))).toBe('NPS: no data to compare with');
    expect(text.change(change({ metric: 'csat-satisfied', test: 'two-proportion-z', significant: false, pValue: null, statistic: null, reason: 'zero-variance' }))).toBe(
      'CSAT satisfied: no detectable change (two-proportion z-test)',
    );
  });
});
