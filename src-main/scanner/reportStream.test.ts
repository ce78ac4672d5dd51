import { describe, expect, it } from 'vitest';
import { ManualScheduler } from '../../src-shared/keyboard/scheduler';
import { SKIDKABOT_QR, keyboardReportsFor, posReportsFor } from '../../test-support/scanner/fixtures/buildReports';
import { readFixture } from '../../test-support/scanner/fixtures/readFixture';
import type { ReportLayout } from './reportLayout';
import { HONEYWELL_POS_LAYOUT, NEWLAND_POS_LAYOUT } from './reportLayout';
import type { DecodedScan } from './reportStream';
import { ReportStream } from './reportStream';
import type { DropReason } from './scanAssembler';

function replay(reports: Uint8Array[], layout: ReportLayout | 'auto' = 'auto') {
  const scheduler = new ManualScheduler(0);
  const scans: DecodedScan[] = [];
  const drops: DropReason[] = [];
  const stream = new ReportStream({ layout, scheduler, onScan: (s) => scans.push(s), onDrop: (r) => drops.push(r) });
  for (const report of reports) {
    stream.push(report);
    scheduler.advance(2);
  }
  return { scans, drops, stream, scheduler };
}

const PRINTABLE_ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');

describe('ReportStream', () => {
  it.each([
    ['keyboard-us.hex', 'keyboard'],
    ['keyboard-shift-alone.hex', 'keyboard'],
    ['keyboard-right-shift.hex', 'keyboard'],
    ['keyboard-rollover.hex', 'keyboard'],
    ['keyboard-ctrl-shift-suffix.hex', 'keyboard'],
    ['honeywell-pos-multi.hex', 'hid-pos'],
    ['newland-pos.hex', 'hid-pos'],
  ])('turns the capture %s into the one QR text, ending on the closing brace', (name, mode) => {
    const { scans, drops } = replay(readFixture(name));
    expect(scans.map((s) => [s.text, s.mode, s.endedBy, s.endedAt - s.lastAt])).toEqual([[SKIDKABOT_QR, mode, 'json', 0]]);
    expect(drops).toEqual([]);
  });

  it('reads the Honeywell single report and keeps its AIM symbology', () => {
    const { scans } = replay(readFixture('honeywell-pos-single.hex'), HONEYWELL_POS_LAYOUT);
    expect(scans.map((s) => [s.text, s.symbology])).toEqual([['{"type":"Skidkabot","vendor":4,"client":7,"secret":12}', ']Q1']]);
  });

  it('drops the scan interrupted by unplugging', () => {
    const { scans, drops, stream } = replay(readFixture('honeywell-pos-unplugged.hex'));
    stream.abort('device-lost');
    expect(scans).toEqual([]);
    expect(drops).toEqual(['device-lost']);
  });

  it('ends a product barcode by continuation in HID POS, by suffix or gap in keyboard mode', () => {
    expect(replay(posReportsFor('4600000000000', 'honeywell', ']E0')).scans.map((s) => s.endedBy)).toEqual(['continuation']);
    expect(replay(keyboardReportsFor('4600000000000')).scans.map((s) => s.endedBy)).toEqual(['suffix']);
    const { scans, scheduler } = replay(keyboardReportsFor('4600000000000', { suffix: 'none' }));
    expect(scans).toEqual([]);
    scheduler.advance(1000);
    expect(scans.map((s) => [s.text, s.endedBy])).toEqual([['4600000000000', 'gap']]);
  });

  it.each([
    ['keyboard', () => keyboardReportsFor(PRINTABLE_ASCII)],
    ['Honeywell', () => posReportsFor(PRINTABLE_ASCII, 'honeywell')],
    ['Newland', () => posReportsFor(PRINTABLE_ASCII, 'newland')],
  ])('carries every printable ASCII character (%s)', (_, build) => {
    const { scans } = replay(build());
    expect(scans.map((s) => s.text)).toEqual([PRINTABLE_ASCII.trim()]);
  });

  it('joins a UTF-8 character split between two HID POS reports', () => {
    const text = `${'x'.repeat(55)}я`;
    const { scans } = replay(posReportsFor(text, 'newland'), NEWLAND_POS_LAYOUT);
    expect(scans.map((s) => s.text)).toEqual([text]);
  });

  it('takes a report it cannot place for a broken one: the scan right behind it is dropped, a later one read', () => {
    const [first, second] = readFixture('honeywell-pos-multi.hex');
    if (!first || !second) throw new Error('fixture');
    const { scans, stream, scheduler } = replay([first.subarray(0, 40), second]);
    expect(scans).toEqual([]);
    scheduler.advance(1000);
    stream.push(first);
    stream.push(second);
    expect(scans.map((s) => s.text)).toEqual([SKIDKABOT_QR]);
    expect(stream.layout?.kind).toBe('hid-pos');
  });
});
