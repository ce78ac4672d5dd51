import type { Result } from '../../src-shared/errors';
import { hourlyBuckets, shiftReport } from '../../src-shared/journal/report';
import type { HourBucket, OperationView, ShiftReport } from '../../src-shared/journal/types';
import type { Journal } from './journal';

export interface DayData {
  views: OperationView[];
  report: ShiftReport;
  hours: HourBucket[];
}

/** One day (and register) as the manager screen, the CLI and the export need it: read once, counted once. */
export async function loadDay(journal: Journal, day: string, kassa: number | null): Promise<Result<DayData>> {
  const listed = await journal.list(kassa === null ? { day } : { day, kassa });
  if (!listed.ok) return listed;
  const views = listed.value;
  return { ok: true, value: { views, report: shiftReport(views, day, kassa), hours: hourlyBuckets(views, day, kassa) } };
}
