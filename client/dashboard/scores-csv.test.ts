import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { metricsResponseSchema } from '@shared/scoring/metrics.schema';
import { scoresCsv } from './scores-csv';

const metrics = metricsResponseSchema.parse({
  asOf: '2025-03-31T10:00:00.000Z',
  touchpoints: [
    {
      touchpoint: 'branch',
      n: 40,
      sample: 'low',
      csat: null,
      nps: { n: 40, sample: 'low', score: 25, promoters: 20, passives: 10, detractors: 10, ci95: [-0.696, 50.696] },
      ces: null,
      servqual: {
        n: 12,
        sample: 'insufficient',
        expectation: 6,
        perception: 5.5,
        gap: -0.5,
        gapCi95: [-1, 0],
        dimensions: { empathy: { n: 12, expectation: 6, perception: 5.5, gap: -0.5 } },
      },
      kano: null,
      index: 62.5,
      indexComponents: { nps: 62.5 },
      targets: [],
    },
  ],
});

describe('scoresCsv', () => {
  it('writes one row per touchpoint with every metric, its n and interval', () => {
    const text = scoresCsv({ metrics, period: { from: '2025-03-02', to: '2025-03-31' }, channel: 'phone', names: new Map([['branch', 'Branch, main street']]) });
    const [header, row] = parse(text, { bom: true }) as string[][];
    const record = Object.fromEntries(header!.map((name, i) => [name, row![i]]));
    expect(record).toMatchObject({
      touchpoint: 'branch',
      name: 'Branch, main street',
      from: '2025-03-02',
      to: '2025-03-31',
      channel: 'phone',
      segment: '',
      n: '40',
      sample: 'low',
      nps: '25',
      nps_ci95_low: '-0.696',
      nps_ci95_high: '50.696',
      nps_promoters: '20',
      nps_detractors: '10',
      csat_satisfied_pct: '',
      servqual_gap: '-0.5',
      servqual_empathy_gap: '-0.5',
      servqual_tangibles_gap: '',
      index: '62.5',
    });
  });
});
