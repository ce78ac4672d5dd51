import { dayOfIso, hourOfIso } from './localTime';
import type { HourBucket, KindTotals, OperationView, ShiftReport } from './types';

function onDay(views: readonly OperationView[], day: string, kassa: number | null): OperationView[] {
  return views.filter((view) => dayOfIso(view.at) === day && (kassa === null || view.kassa === kassa));
}

function add(totals: KindTotals, bonuses: number): void {
  totals.count += 1;
  totals.bonuses += bonuses;
}

/**
 * The day's figures for one register (or all when kassa is null). Only applied operations move
 * bonuses; an operation reversed later still counts where it happened, and its reversal is counted
 * apart, so the two sides of a correction stay visible.
 */
export function shiftReport(views: readonly OperationView[], day: string, kassa: number | null): ShiftReport {
  const report: ShiftReport = {
    day,
    kassa,
    accruals: { count: 0, bonuses: 0 },
    redemptions: { count: 0, bonuses: 0 },
    purchases: { count: 0, kopecks: 0 },
    refused: 0,
    unresolved: { count: 0, ids: [] },
    reversals: { count: 0, accrued: 0, redeemed: 0 },
  };
  // A purchase paid partly with bonuses is two operations (redeem, then accrue on the rest) carrying
  // one checkoutId; its total is the same on both, so the largest one seen is the purchase.
  const purchases = new Map<string, number>();
  for (const view of onDay(views, day, kassa)) {
    if (view.unresolved) {
      report.unresolved.count += 1;
      report.unresolved.ids.push(view.id);
    }
    if (view.status === 'refused') report.refused += 1;
    if (view.status !== 'applied') continue;
    if (view.reverses !== null) {
      report.reversals.count += 1;
      if (view.kind === 'accrue') report.reversals.accrued += view.bonuses;
      else report.reversals.redeemed += view.bonuses;
      continue;
    }
    add(view.kind === 'accrue' ? report.accruals : report.redemptions, view.bonuses);
    const key = view.checkoutId ?? view.id;
    purchases.set(key, Math.max(purchases.get(key) ?? 0, view.purchaseKopecks));
  }
  report.purchases.count = purchases.size;
  for (const kopecks of purchases.values()) report.purchases.kopecks += kopecks;
  return report;
}

/** Applied till operations of the day by local hour, for the small chart above the journal list. */
export function hourlyBuckets(views: readonly OperationView[], day: string, kassa: number | null): HourBucket[] {
  const buckets: HourBucket[] = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    accrued: { count: 0, bonuses: 0 },
    redeemed: { count: 0, bonuses: 0 },
  }));
  for (const view of onDay(views, day, kassa)) {
    if (view.status !== 'applied' || view.reverses !== null) continue;
    const bucket = buckets[hourOfIso(view.at)];
    if (bucket) add(view.kind === 'accrue' ? bucket.accrued : bucket.redeemed, view.bonuses);
  }
  return buckets;
}
