import { readPosReport } from './posReport';
import type { PosLayout, ReportLayout } from './reportLayout';
import { BOOT_KEYBOARD_LAYOUT, HONEYWELL_POS_LAYOUT, NEWLAND_POS_LAYOUT } from './reportLayout';

/**
 * A layout fits a report when its byte count covers data without NUL bytes and everything after
 * that data, up to the end of the data area, is zero padding.
 */
function fits(report: Uint8Array, layout: PosLayout): boolean {
  const reading = readPosReport(report, layout);
  if (reading.kind !== 'data' || reading.data.includes(0)) return false;
  const paddingStart = layout.data.offset + reading.data.length;
  return report.subarray(paddingStart, layout.data.offset + layout.data.size).every((byte) => byte === 0);
}

/**
 * Guesses the layout from one report when the device's descriptor is out of reach (a capture
 * file, an unknown model): 8 or 9 bytes with a zero reserved byte is a boot keyboard report; a
 * 64-byte one is read the Honeywell way (AIM identifier at bytes 2–4, data from 5) or the Newland way
 * (data from byte 2), whichever its byte count and padding agree with; Honeywell's when both do and
 * byte 2 is `]`. Null: not a report we can read.
 */
export function detectLayout(report: Uint8Array): ReportLayout | null {
  if (report.length === 8 && report[1] === 0) return BOOT_KEYBOARD_LAYOUT;
  if (report.length === 9 && report[2] === 0) {
    return { kind: 'keyboard', source: 'boot keyboard with report ID', reportId: report[0] ?? null };
  }
  if (report.length < 64) return null;
  const reportId = report[0] ?? null;
  const honeywell = { ...HONEYWELL_POS_LAYOUT, reportId };
  const newland = { ...NEWLAND_POS_LAYOUT, reportId };
  const honeywellFits = fits(report, honeywell);
  const newlandFits = fits(report, newland);
  if (honeywellFits && (!newlandFits || report[2] === 0x5d)) return honeywell;
  return newland;
}
