import { describe, expect, it } from 'vitest';
import { CHART_WIDTH, LABEL_WIDTH, rowChartLayout, SCALES, shareScale } from './row-chart';

const RIGHT = CHART_WIDTH - 16;

describe('report row charts', () => {
  it('places values, intervals and targets on the fixed scale, clamping what falls outside', () => {
    const layout = rowChartLayout(
      [
        { label: 'Branch', value: 3, interval: [2.5, 3.5], target: 4, missed: true },
        { label: 'Hotline', value: 5, interval: [4.6, 5.8], target: null },
        { label: 'App', value: null },
      ],
      SCALES.csat,
      'dot',
    );
    const [branch, hotline, app] = layout.rows;
    const span = RIGHT - LABEL_WIDTH;
    expect(branch!.x).toBeCloseTo(LABEL_WIDTH + span / 2);
    expect(branch!.whisker).toEqual([LABEL_WIDTH + (1.5 / 4) * span, LABEL_WIDTH + (2.5 / 4) * span]);
    expect(branch!.targetX).toBeCloseTo(LABEL_WIDTH + (3 / 4) * span);
    expect(branch!.missed).toBe(true);
    expect(hotline!.x).toBe(RIGHT);
    expect(hotline!.whisker![1]).toBe(RIGHT); // 5.8 is off the 1–5 scale: the line stops at its edge
    expect(hotline!.targetX).toBeNull();
    expect(app!.x).toBeNull();
    expect(branch!.bar).toBeNull();
    // One row height apart, and the figure tall enough for every row and the axis.
    expect(hotline!.y - branch!.y).toBe(app!.y - hotline!.y);
    expect(layout.height).toBeGreaterThan(app!.y);
    expect(layout.ticks.map((tick) => tick.value)).toEqual([1, 2, 3, 4, 5]);
  });

  it('draws bars from zero, negative ones to the left of it, with the previous period beside', () => {
    const layout = rowChartLayout(
      [
        { label: 'Up', value: 50, previous: 20 },
        { label: 'Down', value: -50 },
      ],
      SCALES.nps,
      'bar',
    );
    const zero = (LABEL_WIDTH + RIGHT) / 2;
    const quarter = (RIGHT - LABEL_WIDTH) / 4;
    expect(layout.rows[0]!.bar).toEqual({ x: zero, width: quarter });
    expect(layout.rows[0]!.previousBar!.width).toBeCloseTo((RIGHT - LABEL_WIDTH) / 10);
    expect(layout.rows[1]!.bar!.x).toBeCloseTo(zero - quarter);
    expect(layout.rows[1]!.bar!.width).toBeCloseTo(quarter);
    expect(layout.rows[1]!.previousBar).toBeNull();
    expect(layout.rows[0]!.whisker).toBeNull();
  });

  it('scales shares to the largest one, rounded up to 10%', () => {
    expect(shareScale(3)).toEqual({ domain: [0, 10], ticks: [0, 10] });
    expect(shareScale(34.2)).toEqual({ domain: [0, 40], ticks: [0, 10, 20, 30, 40] });
    expect(shareScale(71)).toEqual({ domain: [0, 80], ticks: [0, 20, 40, 60, 80] });
    expect(shareScale(100).domain).toEqual([0, 100]);
  });
});
