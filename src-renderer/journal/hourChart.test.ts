import { describe, expect, it } from 'vitest';
import type { HourBucket } from '../../src-shared/journal/types';
import { hourChart } from './hourChart';

function day(amounts: Record<number, [number, number]>): HourBucket[] {
  return Array.from({ length: 24 }, (_, hour) => {
    const [accrued, redeemed] = amounts[hour] ?? [0, 0];
    return { hour, accrued: { count: accrued > 0 ? 1 : 0, bonuses: accrued }, redeemed: { count: redeemed > 0 ? 1 : 0, bonuses: redeemed } };
  });
}

describe('hourChart', () => {
  it('draws the usual shop day, scaled to the busiest hour, with small amounts still visible', () => {
    const chart = hourChart(day({ 10: [200, 50], 15: [1, 0] }), 100);
    expect(chart.bars.map((bar) => bar.hour)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(chart.max).toBe(200);
    expect(chart.bars.find((bar) => bar.hour === 10)).toMatchObject({ accruedHeight: 100, redeemedHeight: 25 });
    expect(chart.bars.find((bar) => bar.hour === 15)).toMatchObject({ accruedHeight: 3, redeemedHeight: 0 });
  });

  it('widens to a night hour that had operations, and is flat on an empty day', () => {
    expect(hourChart(day({ 2: [10, 0], 23: [0, 5] }), 100).bars.map((bar) => bar.hour)).toEqual(Array.from({ length: 22 }, (_, i) => i + 2));
    const empty = hourChart(day({}), 100);
    expect(empty.max).toBe(0);
    expect(empty.bars.every((bar) => bar.accruedHeight === 0 && bar.redeemedHeight === 0)).toBe(true);
  });
});
