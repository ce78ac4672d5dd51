import { describe, expect, it } from 'vitest';
import { BOOT_KEYBOARD_DESCRIPTOR, HID_POS_DESCRIPTOR, HID_POS_DESCRIPTOR_NO_IDS } from '../../test-support/scanner/fixtures/descriptors';
import { readFixture } from '../../test-support/scanner/fixtures/readFixture';
import { readPosReport } from './posReport';
import {
  USAGE_BARCODE_SCANNER,
  USAGE_KEYBOARD,
  layoutFromDescriptor,
  parseReportDescriptor,
  posLayoutFromDescriptor,
} from './reportDescriptor';
import { HONEYWELL_POS_LAYOUT } from './reportLayout';

describe('parseReportDescriptor', () => {
  it('lays out the HID POS input report: 1 + 1 + 3 + 56 + 2 bytes and the continuation bit, 64 with the ID', () => {
    const parsed = parseReportDescriptor(HID_POS_DESCRIPTOR);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.applications).toEqual([USAGE_BARCODE_SCANNER]);
    expect(parsed.value.usesReportIds).toBe(true);
    const report2 = parsed.value.inputs.filter((e) => e.reportId === 2);
    const last = report2.at(-1);
    expect(last && (last.bitOffset + last.bitSize) / 8).toBe(64);
  });

  it('derives exactly the Honeywell layout from the descriptor', () => {
    expect(layoutFromDescriptor(HID_POS_DESCRIPTOR)).toEqual({ ...HONEYWELL_POS_LAYOUT, source: 'report descriptor' });
  });

  it('reads the Honeywell capture through the layout it derived', () => {
    const layout = layoutFromDescriptor(HID_POS_DESCRIPTOR);
    if (layout?.kind !== 'hid-pos') throw new Error('no HID POS layout');
    const readings = readFixture('honeywell-pos-multi.hex').map((r) => readPosReport(r, layout));
    expect(readings.map((r) => r.kind === 'data' && r.continued)).toEqual([true, false]);
  });

  it('handles a descriptor without report IDs or byte count', () => {
    const parsed = parseReportDescriptor(HID_POS_DESCRIPTOR_NO_IDS);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(posLayoutFromDescriptor(parsed.value)).toEqual({
      kind: 'hid-pos',
      source: 'report descriptor',
      reportId: null,
      length: null,
      data: { offset: 1, size: 62 },
      symbology: { offset: 0, size: 1 },
      continued: { offset: 63, mask: 0x01 },
    });
  });

  it('recognises a boot keyboard and its report without ID', () => {
    const parsed = parseReportDescriptor(BOOT_KEYBOARD_DESCRIPTOR);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.applications).toEqual([USAGE_KEYBOARD]);
    expect(layoutFromDescriptor(BOOT_KEYBOARD_DESCRIPTOR)).toEqual({ kind: 'keyboard', source: 'report descriptor', reportId: null });
  });

  it('gives a keyboard behind a report ID its ID', () => {
    const withId = Uint8Array.of(...BOOT_KEYBOARD_DESCRIPTOR.subarray(0, 6), 0x85, 0x01, ...BOOT_KEYBOARD_DESCRIPTOR.subarray(6));
    expect(layoutFromDescriptor(withId)).toEqual({ kind: 'keyboard', source: 'report descriptor', reportId: 1 });
  });

  it('reads 4-byte usages that carry their own page, and skips long items', () => {
    const descriptor = Uint8Array.of(
      0x0b, 0x02, 0x00, 0x8c, 0x00, // Usage (0x008C0002), extended
      0xa1, 0x01,
      0xfe, 0x02, 0x10, 0xaa, 0xbb, // long item, skipped
      0x75, 0x08, 0x95, 0x10,
      0x0b, 0xfe, 0x00, 0x8c, 0x00, // Usage (0x008C00FE)
      0x81, 0x02,
      0xc0,
    );
    expect(layoutFromDescriptor(descriptor)).toMatchObject({ kind: 'hid-pos', reportId: null, data: { offset: 0, size: 16 } });
  });

  it('refuses truncated and absurd descriptors without throwing', () => {
    expect(parseReportDescriptor(HID_POS_DESCRIPTOR.subarray(0, 2)).ok).toBe(false);
    expect(parseReportDescriptor(Uint8Array.of(0x75, 0x08, 0x97, 0xff, 0xff, 0xff, 0x7f, 0x81, 0x02)).ok).toBe(false);
    expect(parseReportDescriptor(Uint8Array.of(0x19, 0x00, 0x2a, 0xff, 0xff)).ok).toBe(false);
    expect(layoutFromDescriptor(Uint8Array.of(0x05, 0x01, 0x09, 0x02, 0xa1, 0x01, 0xc0))).toBeNull();
  });
});
