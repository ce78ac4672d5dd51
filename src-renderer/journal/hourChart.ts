import type { HourBucket } from '../../src-shared/journal/types';

export interface HourBar {
  hour: number;
  accrued: number;
  redeemed: number;
  /** Bar lengths in percent of the row, 0 for none; a non-zero amount is never drawn shorter than `minPercent`. */
  accruedPercent: number;
  redeemedPercent: number;
}

export interface HourChartModel {
  bars: HourBar[];
  /** The largest hourly amount, the end of the scale; 0 when the day has nothing. */
  max: number;
}

/**
 * Only the hours that had operations, in order: a day of three busy hours is three readable rows,
 * not twelve slots of empty space. Each bar is scaled to the busiest hour.
 */
export function hourChart(hours: readonly HourBucket[], minPercent = 2): HourChartModel {
  const shown = hours.filter((bucket) => bucket.accrued.bonuses > 0 || bucket.redeemed.bonuses > 0).sort((a, b) => a.hour - b.hour);
  const max = Math.max(0, ...shown.map((bucket) => Math.max(bucket.accrued.bonuses, bucket.redeemed.bonuses)));
  const scale = (amount: number): number => (amount <= 0 || max === 0 ? 0 : Math.max(minPercent, Math.round((amount / max) * 100)));
  return {
    max,
    bars: shown.map((bucket) => ({
      hour: bucket.hour,
      accrued: bucket.accrued.bonuses,
      redeemed: bucket.redeemed.bonuses,
      accruedPercent: scale(bucket.accrued.bonuses),
      redeemedPercent: scale(bucket.redeemed.bonuses),
    })),
  };
}
