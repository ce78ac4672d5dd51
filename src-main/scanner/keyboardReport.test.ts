import { describe, expect, it } from 'vitest';
import { KeyboardReportDecoder } from './keyboardReport';
import { SKIDKABOT_QR, keyboardReportsFor } from '../../test-support/scanner/fixtures/buildReports';
import { readFixture } from '../../test-support/scanner/fixtures/readFixture';
import { BOOT_KEYBOARD_LAYOUT } from './reportLayout';

function typed(reports: Uint8Array[], decoder = new KeyboardReportDecoder(BOOT_KEYBOARD_LAYOUT)): string {
  return reports.map((r) => decoder.decode(r)).join('');
}

const PRINTABLE_ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
const hex = (s: string) => Uint8Array.from(s.split(' ').map((b) => Number.parseInt(b, 16)));

describe('KeyboardReportDecoder', () => {
  it.each([
    ['keyboard-us.hex', `${SKIDKABOT_QR}\r`],
    ['keyboard-shift-alone.hex', `${SKIDKABOT_QR}\r`],
    ['keyboard-right-shift.hex', `${SKIDKABOT_QR}\t`],
    ['keyboard-rollover.hex', `${SKIDKABOT_QR}\r`],
    ['keyboard-ctrl-shift-suffix.hex', SKIDKABOT_QR],
  ])('reads the capture %s', (name, expected) => {
    expect(typed(readFixture(name))).toBe(expected);
  });

  it.each([
    ['Shift in the key report', {}],
    ['Shift alone first', { shiftAlone: true }],
    ['Right Shift', { rightShift: true }],
  ])('types every printable ASCII character (%s)', (_, options) => {
    for (const char of PRINTABLE_ASCII) {
      expect(typed(keyboardReportsFor(char, { ...options, suffix: 'none' })), JSON.stringify(char)).toBe(char);
    }
  });

  it('types a held key once, and again after it was released', () => {
    expect(typed([hex('00 00 04 00 00 00 00 00'), hex('00 00 04 00 00 00 00 00'), hex('00 00 00 00 00 00 00 00'), hex('00 00 04 00 00 00 00 00')])).toBe('aa');
  });

  it('types two keys that appear in one report in report order', () => {
    expect(typed([hex('00 00 05 04 00 00 00 00')])).toBe('ba');
  });

  it('ignores modifier-only reports and chords with Ctrl, Alt or GUI', () => {
    for (const modifiers of [0x01, 0x04, 0x08, 0x10, 0x40, 0x80, 0x03]) {
      expect(typed([hex(`${modifiers.toString(16).padStart(2, '0')} 00 0d 00 00 00 00 00`)])).toBe('');
    }
    expect(typed([hex('02 00 00 00 00 00 00 00'), hex('20 00 00 00 00 00 00 00')])).toBe('');
  });

  it('does not type a key that was held through a chord once the chord ends', () => {
    expect(typed([hex('03 00 0d 00 00 00 00 00'), hex('00 00 0d 00 00 00 00 00'), hex('00 00 00 00 00 00 00 00')])).toBe('');
  });

  it('keeps its state through an ErrorRollOver report', () => {
    expect(typed([hex('00 00 04 00 00 00 00 00'), hex('00 00 01 01 01 01 01 01'), hex('00 00 04 00 00 00 00 00')])).toBe('a');
  });

  it('reads reports behind a report ID and skips other report IDs', () => {
    const decoder = new KeyboardReportDecoder({ kind: 'keyboard', source: 'test', reportId: 1 });
    expect(typed([hex('01 02 00 2f 00 00 00 00 00'), hex('03 00 00 04 00 00 00 00 00')], decoder)).toBe('{');
  });

  it('calls a report cut short malformed rather than guess its keys', () => {
    const decoder = new KeyboardReportDecoder(BOOT_KEYBOARD_LAYOUT);
    expect(decoder.decode(hex('02 00 2f'))).toBeNull();
  });

  it('forgets held keys on reset', () => {
    const decoder = new KeyboardReportDecoder(BOOT_KEYBOARD_LAYOUT);
    decoder.decode(hex('00 00 04 00 00 00 00 00'));
    decoder.reset();
    expect(decoder.decode(hex('00 00 04 00 00 00 00 00'))).toBe('a');
  });
});
