import { usCharForUsage } from '../../src-shared/keyboard/usLayout';
import type { KeyboardLayout } from './reportLayout';

const SHIFT_BITS = 0x02 | 0x20;
/** Left/right Ctrl, Alt and GUI: a report carrying one is a chord (a suffix such as Ctrl+Shift+J), not text. */
const CHORD_BITS = 0x01 | 0x10 | 0x04 | 0x40 | 0x08 | 0x80;
/** Usages 0x01–0x03 are error codes (rollover overflow, POST fail), not keys. */
const FIRST_KEY_USAGE = 0x04;

/**
 * Turns boot-keyboard reports (modifiers, reserved, six key usages) into the characters a US-set
 * scanner typed. A key counts once, on the report where it first appears: it stays listed while
 * held, and two keys may appear together when the scanner rolls over.
 */
export class KeyboardReportDecoder {
  private held = new Set<number>();

  constructor(private readonly layout: KeyboardLayout) {}

  /**
   * The characters this report types; '' for releases, modifier-only and chord reports and other
   * report IDs; null for a report cut short, which may have lost a key.
   */
  decode(report: Uint8Array): string | null {
    const offset = this.layout.reportId === null ? 0 : 1;
    if (report.length === 0) return null;
    if (this.layout.reportId !== null && report[0] !== this.layout.reportId) return '';
    if (report.length < offset + 8) return null;
    const modifiers = report[offset] ?? 0;
    const keys = report.subarray(offset + 2, offset + 8);
    // Every slot 0x01 (ErrorRollOver): the keyboard lost track of its keys; keep the last known state.
    if (keys.length > 0 && keys.every((usage) => usage === 0x01)) return '';
    const now = new Set<number>();
    for (const usage of keys) if (usage >= FIRST_KEY_USAGE) now.add(usage);
    const pressed = [...now].filter((usage) => !this.held.has(usage));
    this.held = now;
    if ((modifiers & CHORD_BITS) !== 0) return '';
    const shift = (modifiers & SHIFT_BITS) !== 0;
    return pressed.map((usage) => usCharForUsage(usage, shift) ?? '').join('');
  }

  /** Forgets held keys: the device was reopened. */
  reset(): void {
    this.held = new Set();
  }
}
