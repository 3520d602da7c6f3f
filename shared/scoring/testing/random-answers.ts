import { KANO_ANSWERS, SERVQUAL_DIMENSIONS } from '../../survey-definition/metric-vocabulary';
import type { MetricAnswers } from '../metric-answers';

export { seededRandom } from '../../testing/seeded-random';

export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[randomInt(random, 0, values.length - 1)] as T;
}

function maybe<T>(random: () => number, value: T): T | undefined {
  return random() < 0.8 ? value : undefined;
}

function ratings(random: () => number, min: number, max: number, most: number): number[] {
  return Array.from({ length: randomInt(random, 0, most) }, () => randomInt(random, min, max));
}

// Awkward ids on purpose: dots, dollars, prototype names, non-ASCII.
const FEATURES = ['live-chat', 'live.chat', '$price', '__proto__', 'constructor', 'Lieferung ü', 'x'];

export function shuffled<T>(random: () => number, values: readonly T[]): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(random, 0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A plausible response's metric answers, including partial SERVQUAL pairs and half-answered Kano features. */
export function randomMetricAnswers(random: () => number): MetricAnswers {
  const items = Array.from({ length: randomInt(random, 0, 6) }, (_, i) => ({
    item: `i${i}`,
    dimension: pick(random, SERVQUAL_DIMENSIONS),
    expectation: maybe(random, randomInt(random, 1, 7)),
    perception: maybe(random, randomInt(random, 1, 7)),
  }));
  const features = shuffled(random, FEATURES)
    .slice(0, randomInt(random, 0, 3))
    .map((feature) => ({
      feature,
      functional: maybe(random, pick(random, KANO_ANSWERS)),
      dysfunctional: maybe(random, pick(random, KANO_ANSWERS)),
    }));
  return {
    csat: ratings(random, 1, 5, 3),
    nps: ratings(random, 0, 10, 2),
    ces: ratings(random, 1, 7, 2),
    servqual: items,
    kano: features,
  };
}
