import { describe, expect, it } from 'vitest';
import { readPosReport } from './posReport';
import { SKIDKABOT_QR } from '../../test-support/scanner/fixtures/buildReports';
import { readFixture } from '../../test-support/scanner/fixtures/readFixture';
import { HONEYWELL_POS_LAYOUT, NEWLAND_POS_LAYOUT } from './reportLayout';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('readPosReport', () => {
  it('reads a single Honeywell report: AIM identifier apart, byte count honoured, continuation clear', () => {
    const [report] = readFixture('honeywell-pos-single.hex');
    const reading = report && readPosReport(report, HONEYWELL_POS_LAYOUT);
    expect(reading?.kind === 'data' && { text: text(reading.data), symbology: reading.symbology, continued: reading.continued }).toEqual({
      text: '{"type":"Skidkabot","vendor":4,"client":7,"secret":12}',
      symbology: ']Q1',
      continued: false,
    });
  });

  it('reads the two Honeywell reports of the 64-byte QR: 56 bytes continued, then 8', () => {
    const readings = readFixture('honeywell-pos-multi.hex').map((r) => readPosReport(r, HONEYWELL_POS_LAYOUT));
    expect(readings.map((r) => (r.kind === 'data' ? [r.data.length, r.continued] : r.kind))).toEqual([
      [56, true],
      [8, false],
    ]);
    expect(readings.map((r) => (r.kind === 'data' ? text(r.data) : '')).join('')).toBe(SKIDKABOT_QR);
  });

  it('reads the Newland layout: data from byte 2', () => {
    const readings = readFixture('newland-pos.hex').map((r) => readPosReport(r, NEWLAND_POS_LAYOUT));
    expect(readings.map((r) => (r.kind === 'data' ? text(r.data) : '')).join('')).toBe(`${SKIDKABOT_QR}\r\n`);
    expect(readings.map((r) => r.kind === 'data' && r.continued)).toEqual([true, false]);
  });

  it('sets aside reports with another report ID', () => {
    const report = new Uint8Array(64);
    report[0] = 0x04;
    expect(readPosReport(report, HONEYWELL_POS_LAYOUT)).toEqual({ kind: 'other' });
  });

  it('calls a truncated report or an impossible byte count malformed', () => {
    const [first] = readFixture('honeywell-pos-multi.hex');
    if (!first) throw new Error('fixture');
    expect(readPosReport(first.subarray(0, 40), HONEYWELL_POS_LAYOUT).kind).toBe('malformed');
    const lying = Uint8Array.from(first);
    lying[1] = 57;
    expect(readPosReport(lying, HONEYWELL_POS_LAYOUT).kind).toBe('malformed');
  });

  it('without a byte count, reads data up to its zero padding', () => {
    const layout = { ...HONEYWELL_POS_LAYOUT, length: null };
    const report = new Uint8Array(64);
    report.set([0x02, 0x00, 0x5d, 0x45, 0x30, 0x34, 0x36], 0);
    const reading = readPosReport(report, layout);
    expect(reading.kind === 'data' && text(reading.data)).toBe('46');
  });
});
