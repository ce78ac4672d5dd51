import type { HourBucket } from '../../src-shared/journal/types';

export interface HourBar {
  hour: number;
  accrued: number;
  redeemed: number;
  /** Bar heights in chart units, 0 for none; a non-zero amount is never drawn thinner than `minBar`. */
  accruedHeight: number;
  redeemedHeight: number;
}

export interface HourChartModel {
  bars: HourBar[];
  /** The largest hourly amount, the top of the scale; 0 when the day has nothing. */
  max: number;
}

/**
 * The hours worth drawing: the shop's usual day (8–20) widened to any hour that had operations, so
 * the chart stays readable and an operation at night is never cut off.
 */
export function hourChart(hours: readonly HourBucket[], height: number, minBar = 3): HourChartModel {
  const busy = hours.filter((bucket) => bucket.accrued.bonuses > 0 || bucket.redeemed.bonuses > 0).map((bucket) => bucket.hour);
  const first = Math.min(8, ...busy);
  const last = Math.max(20, ...busy);
  const shown = hours.filter((bucket) => bucket.hour >= first && bucket.hour <= last);
  const max = Math.max(0, ...shown.map((bucket) => Math.max(bucket.accrued.bonuses, bucket.redeemed.bonuses)));
  const scale = (amount: number): number => (amount <= 0 || max === 0 ? 0 : Math.max(minBar, Math.round((amount / max) * height)));
  return {
    max,
    bars: shown.map((bucket) => ({
      hour: bucket.hour,
      accrued: bucket.accrued.bonuses,
      redeemed: bucket.redeemed.bonuses,
      accruedHeight: scale(bucket.accrued.bonuses),
      redeemedHeight: scale(bucket.redeemed.bonuses),
    })),
  };
}
