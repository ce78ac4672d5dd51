import type { PosLayout } from './reportLayout';
import { posReportMinLength } from './reportLayout';

export type PosReportReading =
  | { kind: 'data'; data: Uint8Array; symbology: string; continued: boolean }
  /** Another report of the device (status, another report ID): not part of any scan. */
  | { kind: 'other' }
  /** Claims to be a data report but cannot be one: the scan it belongs to is not trustworthy. */
  | { kind: 'malformed'; reason: string };

function ascii(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) if (byte >= 0x20 && byte < 0x7f) text += String.fromCharCode(byte);
  return text;
}

/** Reads one HID POS input report through a layout (Honeywell, Newland, or one from the descriptor). */
export function readPosReport(report: Uint8Array, layout: PosLayout): PosReportReading {
  if (report.length === 0) return { kind: 'malformed', reason: 'empty report' };
  if (layout.reportId !== null && report[0] !== layout.reportId) return { kind: 'other' };
  if (report.length < posReportMinLength(layout)) {
    return { kind: 'malformed', reason: `report of ${report.length} bytes, expected ${posReportMinLength(layout)}` };
  }
  const area = report.subarray(layout.data.offset, layout.data.offset + layout.data.size);
  let data: Uint8Array;
  if (layout.length) {
    const count = report[layout.length.offset] ?? 0;
    if (count > layout.data.size) return { kind: 'malformed', reason: `byte count ${count} over ${layout.data.size}` };
    data = area.subarray(0, count);
  } else {
    let end = area.length;
    while (end > 0 && area[end - 1] === 0) end -= 1;
    data = area.subarray(0, end);
  }
  const symbology = layout.symbology
    ? ascii(report.subarray(layout.symbology.offset, layout.symbology.offset + layout.symbology.size))
    : '';
  const continued = layout.continued ? ((report[layout.continued.offset] ?? 0) & layout.continued.mask) !== 0 : false;
  return { kind: 'data', data, symbology, continued };
}
