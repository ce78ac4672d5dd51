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
  it('shows only the hours with operations, scaled to the busiest, small amounts still visible', () => {
    const chart = hourChart(day({ 10: [200, 50], 15: [1, 0] }));
    expect(chart.bars.map((bar) => bar.hour)).toEqual([10, 15]);
    expect(chart.max).toBe(200);
    expect(chart.bars[0]).toMatchObject({ accruedPercent: 100, redeemedPercent: 25 });
    expect(chart.bars[1]).toMatchObject({ accruedPercent: 2, redeemedPercent: 0 });
  });

  it('keeps a night hour, in order, and is empty on an empty day', () => {
    expect(hourChart(day({ 23: [0, 5], 2: [10, 0] })).bars.map((bar) => bar.hour)).toEqual([2, 23]);
    const empty = hourChart(day({}));
    expect(empty).toEqual({ max: 0, bars: [] });
  });
});
