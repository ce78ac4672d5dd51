import type { AppError } from '../../src-shared/errors';
import { checkVendor, decodeScan } from '../../src-shared/scan/decodeScan';

/**
 * What one QR seen by the camera is to the till. The same decoder and the same shop check as main
 * applies to a scanner's read, so the manager's test read and the cashier's camera agree with it; a
 * refusal keeps the whole error, so the screen says it in its language from the error's key.
 */
export type CameraRead =
  | { kind: 'customer'; vendor: number; client: number }
  | { kind: 'other-shop'; error: AppError }
  | { kind: 'not-skidkabot'; error: AppError };

export function classifyCameraRead(text: string, shopCode: number | null): CameraRead {
  const decoded = decodeScan(text);
  if (!decoded.ok) return { kind: 'not-skidkabot', error: decoded.error };
  const { vendor, client } = decoded.value;
  // With no shop set up yet there is nothing to check against: main refuses the scan and says why.
  const wrongShop = shopCode === null ? null : checkVendor(decoded.value, shopCode);
  return wrongShop ? { kind: 'other-shop', error: wrongShop } : { kind: 'customer', vendor, client };
}

/** What the camera loop does with the QR codes of one decoded frame. */
export type ReadAction =
  /** Hand the text to main as a scan (scan.submit); `done`: it was this shop's customer, the camera scan ends. */
  | { action: 'submit'; text: string; done: boolean }
  | { action: 'none' };

/**
 * Turns the camera's stream of frames into scans. A QR held in view is decoded ten times a second; it
 * is one scan, sent once, and again only after it has left the view for `goneMs` (a customer who
 * shows the same code a second time means it). A wrong QR is sent too, so the cashier sees the same
 * message as from a scanner, while the camera keeps looking for the right one.
 */
export class CameraReadFilter {
  private readonly lastSeen = new Map<string, number>();

  constructor(private readonly options: { goneMs: number; maxRemembered?: number }) {}

  next(texts: readonly string[], shopCode: number | null, now: number): ReadAction {
    const fresh: string[] = [];
    for (const text of texts) {
      const seen = this.lastSeen.get(text);
      if (seen === undefined || now - seen > this.options.goneMs) fresh.push(text);
      this.remember(text, now);
    }
    // This shop's customer wins over a stray code in the same frame.
    const reads = fresh.map((text) => ({ text, read: classifyCameraRead(text, shopCode) }));
    const customer = reads.find((r) => r.read.kind === 'customer');
    if (customer) return { action: 'submit', text: customer.text, done: true };
    const first = reads[0];
    return first ? { action: 'submit', text: first.text, done: false } : { action: 'none' };
  }

  private remember(text: string, now: number): void {
    this.lastSeen.delete(text);
    this.lastSeen.set(text, now);
    // A camera pointed at a shelf of codes must not grow this without end; the oldest go first.
    const max = this.options.maxRemembered ?? 32;
    for (const key of this.lastSeen.keys()) {
      if (this.lastSeen.size <= max) break;
      this.lastSeen.delete(key);
    }
  }
}
