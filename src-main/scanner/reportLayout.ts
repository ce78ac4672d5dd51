/**
 * Where a scanner puts its scanned bytes in each input report. Offsets count the report ID byte
 * first, as node-hid delivers reports from devices that use report IDs.
 */
export interface PosLayout {
  kind: 'hid-pos';
  /** Where the layout came from, for the technician: a vendor name or "report descriptor". */
  source: string;
  /** Byte 0 of a data report, or null when the device sends no report ID. */
  reportId: number | null;
  /** The byte holding how many data bytes this report carries; null: data runs to its zero padding. */
  length: { offset: number } | null;
  data: { offset: number; size: number };
  symbology: { offset: number; size: number } | null;
  /** The bit that says the scan goes on in the next report. */
  continued: { offset: number; mask: number } | null;
}

export interface KeyboardLayout {
  kind: 'keyboard';
  source: string;
  /** Report ID before the 8-byte boot report, or null when there is none. */
  reportId: number | null;
}

export type ReportLayout = PosLayout | KeyboardLayout;

export const HONEYWELL_POS_LAYOUT: PosLayout = {
  kind: 'hid-pos',
  source: 'Honeywell/Access-IS',
  reportId: 2,
  length: { offset: 1 },
  symbology: { offset: 2, size: 3 },
  data: { offset: 5, size: 56 },
  continued: { offset: 63, mask: 0x01 },
};

export const NEWLAND_POS_LAYOUT: PosLayout = {
  kind: 'hid-pos',
  source: 'Newland/Unitech',
  reportId: 2,
  length: { offset: 1 },
  data: { offset: 2, size: 56 },
  symbology: { offset: 62, size: 1 },
  continued: { offset: 63, mask: 0x01 },
};

export const BOOT_KEYBOARD_LAYOUT: KeyboardLayout = { kind: 'keyboard', source: 'boot keyboard', reportId: null };

/** The last byte a layout reads: a shorter report cannot be one of its data reports. */
export function posReportMinLength(layout: PosLayout): number {
  const ends = [layout.data.offset + layout.data.size];
  if (layout.length) ends.push(layout.length.offset + 1);
  if (layout.symbology) ends.push(layout.symbology.offset + layout.symbology.size);
  if (layout.continued) ends.push(layout.continued.offset + 1);
  return Math.max(...ends);
}
