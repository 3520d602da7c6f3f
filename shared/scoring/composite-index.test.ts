import { describe, expect, it } from 'vitest';
import { DEFAULT_INDEX_WEIGHTS, compositeIndex, indexComponents, indexWeightsSchema } from './composite-index';

describe('indexComponents', () => {
  it('maps every scale onto 0–100, higher better', () => {
    // CSAT (4 − 1)/4 = 75; NPS (30 + 100)/2 = 65; CES (6.1 − 1)/6 = 85; SERVQUAL (−0.6 + 6)/12 = 45
    const components = indexComponents({ csatMean: 4, npsScore: 30, cesMean: 6.1, servqualGap: -0.6 });
    expect(components.csat).toBeCloseTo(75, 12);
    expect(components.nps).toBeCloseTo(65, 12);
    expect(components.ces).toBeCloseTo(85, 12);
    expect(components.servqual).toBeCloseTo(45, 12);
    expect(indexComponents({ csatMean: 1, npsScore: 100, cesMean: 7, servqualGap: 0 })).toEqual({ csat: 0, nps: 100, ces: 100, servqual: 50 });
    expect(indexComponents({})).toEqual({});
  });
});

describe('compositeIndex', () => {
  const components = { csat: 75, nps: 65, ces: 85, servqual: 45 };

  it('is the weighted mean of the components', () => {
    // equal weights: (75 + 65 + 85 + 45)/4 = 67.5
    expect(compositeIndex(components, DEFAULT_INDEX_WEIGHTS)).toBeCloseTo(67.5, 12);
    // 2·75 + 1·65 + 0·85 + 1·45 = 260, / 4 = 65
    expect(compositeIndex(components, { version: 3, csat: 2, nps: 1, ces: 0, servqual: 1 })).toBeCloseTo(65, 12);
  });

  it('drops missing components and renormalises the rest', () => {
    // without NPS and SERVQUAL: (0.5·75 + 0.2·85)/(0.5 + 0.2) = (37.5 + 17)/0.7 = 77.857
    const weights = { version: 1, csat: 0.5, nps: 0.2, ces: 0.2, servqual: 0.1 };
    expect(compositeIndex({ csat: 75, ces: 85 }, weights)).toBeCloseTo(54.5 / 0.7, 12);
    expect(compositeIndex({ nps: 65 }, weights)).toBeCloseTo(65, 12);
  });

  it('is null when nothing weighted is present', () => {
    expect(compositeIndex({}, DEFAULT_INDEX_WEIGHTS)).toBeNull();
    expect(compositeIndex({ ces: 85 }, { version: 1, csat: 1, nps: 0, ces: 0, servqual: 0 })).toBeNull();
  });
});

describe('indexWeightsSchema', () => {
  it('accepts non-negative weights with a version and at least one positive', () => {
    expect(indexWeightsSchema.safeParse({ version: 2, csat: 0.4, nps: 0.3, ces: 0, servqual: 0.3 }).success).toBe(true);
    expect(indexWeightsSchema.safeParse({ version: 2, csat: -1, nps: 1, ces: 1, servqual: 1 }).success).toBe(false);
    expect(indexWeightsSchema.safeParse({ version: 2, csat: 0, nps: 0, ces: 0, servqual: 0 }).success).toBe(false);
    expect(indexWeightsSchema.safeParse({ version: 1.5, csat: 1, nps: 1, ces: 1, servqual: 1 }).success).toBe(false);
    expect(indexWeightsSchema.safeParse({ csat: 1, nps: 1, ces: 1, servqual: 1 }).success).toBe(false);
  });
});
