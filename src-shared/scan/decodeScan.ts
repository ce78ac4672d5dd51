import { codedError, type AppError, type Result } from '../errors';
import { scanError, interpretReading, trimScan, type Interpretation } from './interpretReading';
import { candidateReadings } from './layoutRepair';
import type { ScanPayload } from './payload';

/** A Skidkabot QR holds about 64 characters; a scanner's QR tops out near 4 300. */
export const MAX_SCAN_LENGTH = 4096;

type Accepted = Exclude<Interpretation, { kind: 'rejected' }>;

function sameOutcome(a: Accepted, b: Accepted): boolean {
  if (a.kind === 'payload' && b.kind === 'payload') {
    return a.payload.vendor === b.payload.vendor && a.payload.client === b.payload.client && a.payload.secret === b.payload.secret;
  }
  return a.kind === 'qr-error' && b.kind === 'qr-error' && a.error.code === b.error.code && a.error.message === b.error.message;
}

/**
 * Settles the readings of one scan. Only a reading that proves itself counts; if two readings prove
 * different things the scan is refused rather than guessed. With none, the rejection of the reading
 * that got furthest explains the problem best (the first such reading on a tie: the text as it came).
 */
export function settleReadings(interpretations: readonly Interpretation[]): Result<ScanPayload> {
  const accepted: Accepted[] = [];
  let best: Extract<Interpretation, { kind: 'rejected' }> | undefined;
  for (const it of interpretations) {
    if (it.kind !== 'rejected') {
      if (!accepted.some((a) => sameOutcome(a, it))) accepted.push(it);
    } else if (best === undefined || it.depth > best.depth) {
      best = it;
    }
  }
  const [only, second] = accepted;
  if (second !== undefined) return { ok: false, error: scanError('ambiguous') };
  if (only?.kind === 'payload') return { ok: true, value: only.payload };
  if (only?.kind === 'qr-error') return { ok: false, error: only.error };
  return { ok: false, error: best?.error ?? scanError('unreadable') };
}

/** Turns whatever a scanner or a paste delivered into a Skidkabot payload or a Russian error. */
export function decodeScan(text: string): Result<ScanPayload> {
  // Length first: nothing below may spend time on a pasted novel.
  if (text.length > MAX_SCAN_LENGTH) return { ok: false, error: scanError('tooLong') };
  const trimmed = trimScan(text);
  if (trimmed === '') return { ok: false, error: scanError('empty') };
  return settleReadings(candidateReadings(trimmed).map(interpretReading));
}

/** The vendor check the vendor asks for, before any server call. */
export function checkVendor(payload: ScanPayload, shopCode: number): AppError | null {
  if (payload.vendor === shopCode) return null;
  return codedError('vendor', 'qr.otherShop', { vendor: payload.vendor, shop: shopCode });
}
