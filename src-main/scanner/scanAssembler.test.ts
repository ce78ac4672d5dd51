import { describe, expect, it } from 'vitest';
import { ManualScheduler } from '../../src-shared/keyboard/scheduler';
import type { AssembledScan, DropReason } from './scanAssembler';
import { DEFAULT_SCAN_GAP_MS, ScanAssembler } from './scanAssembler';

function setup() {
  const scheduler = new ManualScheduler(0);
  const scans: AssembledScan[] = [];
  const drops: DropReason[] = [];
  const assembler = new ScanAssembler({ scheduler, onScan: (s) => scans.push(s), onDrop: (r) => drops.push(r) });
  return { scheduler, scans, drops, assembler };
}

describe('ScanAssembler', () => {
  it('ends the moment the JSON object closes, before any suffix', () => {
    const { scans, assembler } = setup();
    assembler.push({ text: '{"a":"}"', at: 1 });
    expect(scans).toEqual([]);
    assembler.push({ text: ',"b":1}', at: 5 });
    expect(scans).toEqual([{ text: '{"a":"}","b":1}', endedBy: 'json', firstAt: 1, lastAt: 5, endedAt: 5, symbology: '' }]);
    assembler.push({ text: '\r\n', at: 6 });
    expect(scans).toHaveLength(1);
  });

  it('ends on a CR, LF or Tab suffix', () => {
    const { scans, assembler } = setup();
    for (const [i, suffix] of ['\r', '\n', '\t'].entries()) {
      assembler.push({ text: `460000000000${i}`, at: i * 10 });
      assembler.push({ text: suffix, at: i * 10 + 1 });
    }
    expect(scans.map((s) => [s.text, s.endedBy])).toEqual([
      ['4600000000000', 'suffix'],
      ['4600000000001', 'suffix'],
      ['4600000000002', 'suffix'],
    ]);
  });

  it('ends when the continuation flag clears', () => {
    const { scans, assembler } = setup();
    assembler.push({ text: '46000', continued: true, symbology: ']E0', at: 1 });
    assembler.push({ text: '00000000', continued: false, symbology: ']E0', at: 2 });
    expect(scans).toEqual([{ text: '4600000000000', endedBy: 'continuation', firstAt: 1, lastAt: 2, endedAt: 2, symbology: ']E0' }]);
  });

  it('waits for the gap only when nothing else can tell the end', () => {
    const { scans, assembler, scheduler } = setup();
    assembler.push({ text: '46000', at: 0 });
    scheduler.advance(DEFAULT_SCAN_GAP_MS - 1);
    assembler.push({ text: '00000000', at: scheduler.now() });
    scheduler.advance(DEFAULT_SCAN_GAP_MS - 1);
    expect(scans).toEqual([]);
    scheduler.advance(1);
    expect(scans.map((s) => [s.text, s.endedBy, s.endedAt - s.lastAt])).toEqual([['4600000000000', 'gap', DEFAULT_SCAN_GAP_MS]]);
  });

  it('strips an AIM prefix and never delivers whitespace alone', () => {
    const { scans, assembler } = setup();
    assembler.push({ text: ' \r\n\t ', at: 0 });
    assembler.push({ text: ']Q1{"a":1}', at: 1 });
    expect(scans.map((s) => s.text)).toEqual(['{"a":1}']);
  });

  it('drops a half-read scan when the device goes away or fails', () => {
    const { scans, drops, assembler, scheduler } = setup();
    assembler.push({ text: '{"type":"Skid', continued: true, at: 0 });
    assembler.abort('device-lost');
    assembler.push({ text: '{"type', at: 1 });
    assembler.abort('device-error');
    scheduler.advance(10_000);
    expect(scans).toEqual([]);
    expect(drops).toEqual(['device-lost', 'device-error']);
  });

  it('drops a scan whose continuation never comes, and reads the next one', () => {
    const { scans, drops, assembler, scheduler } = setup();
    assembler.push({ text: '{"type":"Skid', continued: true, at: 0 });
    scheduler.advance(DEFAULT_SCAN_GAP_MS);
    expect(drops).toEqual(['incomplete']);
    assembler.push({ text: '{"a":1}', continued: false, at: scheduler.now() });
    expect(scans.map((s) => s.text)).toEqual(['{"a":1}']);
  });

  it('after a malformed report, skips the rest of that scan instead of delivering its tail', () => {
    const { scans, drops, assembler, scheduler } = setup();
    assembler.push({ text: '{"type":"Skid', continued: true, at: 0 });
    assembler.malformed();
    assembler.push({ text: 'kabot"}', continued: false, at: 1 });
    expect(scans).toEqual([]);
    expect(drops).toEqual(['malformed']);
    scheduler.advance(1000);
    assembler.push({ text: '{"a":1}', continued: false, at: scheduler.now() });
    expect(scans.map((s) => s.text)).toEqual(['{"a":1}']);
  });

  it('skips the tail of a scan whose first report was malformed, up to its suffix', () => {
    const { scans, assembler } = setup();
    assembler.malformed();
    assembler.push({ text: 'tail"}\r{"a":1}', at: 1 });
    expect(scans.map((s) => s.text)).toEqual(['{"a":1}']);
  });

  it('drops a scan that grows far past any QR code', () => {
    const { scans, drops, assembler } = setup();
    for (let i = 0; i < 100; i += 1) assembler.push({ text: '0'.repeat(100), continued: true, at: i });
    assembler.push({ text: '0', continued: false, at: 100 });
    expect(scans).toEqual([]);
    expect(drops).toEqual(['too-long']);
  });
});
