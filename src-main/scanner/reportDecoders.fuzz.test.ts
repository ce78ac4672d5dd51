import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanScanText } from '../../src-shared/keyboard/scanEnd';
import { ManualScheduler } from '../../src-shared/keyboard/scheduler';
import { keyboardReportsFor, posReportsFor } from '../../test-support/scanner/fixtures/buildReports';
import { HID_POS_DESCRIPTOR, HID_POS_DESCRIPTOR_NO_IDS } from '../../test-support/scanner/fixtures/descriptors';
import { layoutFromDescriptor, parseReportDescriptor } from './reportDescriptor';
import type { ReportLayout } from './reportLayout';
import { BOOT_KEYBOARD_LAYOUT, HONEYWELL_POS_LAYOUT, NEWLAND_POS_LAYOUT } from './reportLayout';
import { ReportStream } from './reportStream';
import { ScanAssembler } from './scanAssembler';

const descriptorLayout = layoutFromDescriptor(HID_POS_DESCRIPTOR_NO_IDS);
const LAYOUTS: (ReportLayout | 'auto')[] = [HONEYWELL_POS_LAYOUT, NEWLAND_POS_LAYOUT, BOOT_KEYBOARD_LAYOUT, 'auto'];
if (descriptorLayout) LAYOUTS.push(descriptorLayout);

/** Replays reports 2 ms apart, then lets every gap timer run out; returns the scan texts. */
function replay(reports: readonly Uint8Array[], layout: ReportLayout | 'auto'): string[] {
  const scheduler = new ManualScheduler(0);
  const scans: string[] = [];
  const stream = new ReportStream({ layout, scheduler, onScan: (s) => scans.push(s.text), onDrop: () => undefined });
  for (const report of reports) {
    stream.push(report);
    scheduler.advance(2);
  }
  scheduler.advance(10_000);
  return scans;
}

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });
/** Skidkabot-like JSON objects and product-barcode-like text: the two kinds of payload. */
const payload = fc.oneof(
  fc.dictionary(printable, fc.oneof(printable, fc.integer()), { maxKeys: 6 }).map((o) => JSON.stringify(o)),
  printable.filter((t) => !t.trimStart().startsWith('{')),
);
const encodings = fc.constantFrom('honeywell' as const, 'newland' as const, 'keyboard' as const);

function encode(text: string, kind: 'honeywell' | 'newland' | 'keyboard'): Uint8Array[] {
  return kind === 'keyboard' ? keyboardReportsFor(text) : posReportsFor(text, kind);
}

describe('report decoders under fuzzing', () => {
  it('never throw on random reports, and deliver only non-empty text without CR/LF/Tab', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 80 }), { maxLength: 30 }), fc.constantFrom(...LAYOUTS), (reports, layout) => {
        for (const text of replay(reports, layout)) {
          expect(text).not.toBe('');
          expect(text).not.toMatch(/[\r\n\t]/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('deliver exactly the payload from intact reports', () => {
    fc.assert(
      fc.property(payload, encodings, (text, kind) => {
        const clean = cleanScanText(text);
        expect(replay(encode(text, kind), 'auto')).toEqual(clean === '' ? [] : [clean]);
      }),
      { numRuns: 500 },
    );
  });

  it('never deliver part of a payload when reports are truncated', () => {
    fc.assert(
      fc.property(payload, encodings, fc.boolean(), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }), (text, kind, auto, cuts) => {
        const reports = encode(text, kind);
        const known = kind === 'keyboard' ? BOOT_KEYBOARD_LAYOUT : kind === 'honeywell' ? HONEYWELL_POS_LAYOUT : NEWLAND_POS_LAYOUT;
        const layout = auto ? 'auto' : known;
        const damaged = reports.map((r) => r);
        for (const [which, length] of cuts) {
          const index = which % damaged.length;
          const report = damaged[index];
          const cut = length % (report?.length ?? 1);
          // Cut to 8 or 9 bytes, a HID POS report looks exactly like a keyboard report to a
          // capture read without its layout: ambiguous by nature, not a decoder fault.
          if (report && !(auto && kind !== 'keyboard' && (cut === 8 || cut === 9))) damaged[index] = report.subarray(0, cut);
        }
        for (const scan of replay(damaged, layout)) expect(scan).toBe(cleanScanText(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throw in the assembler, whatever arrives in whatever order', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('push' as const), text: fc.string({ maxLength: 20 }), continued: fc.option(fc.boolean(), { nil: undefined }) }),
      fc.record({ kind: fc.constantFrom('abort' as const, 'malformed' as const) }),
      fc.record({ kind: fc.constant('wait' as const), ms: fc.nat({ max: 500 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const scheduler = new ManualScheduler(0);
        const scans: string[] = [];
        const assembler = new ScanAssembler({ scheduler, onScan: (s) => scans.push(s.text), onDrop: () => undefined });
        for (const o of ops) {
          if (o.kind === 'push') assembler.push({ text: o.text, continued: o.continued, at: scheduler.now() });
          else if (o.kind === 'wait') scheduler.advance(o.ms);
          else if (o.kind === 'abort') assembler.abort('device-lost');
          else assembler.malformed();
        }
        scheduler.advance(10_000);
        expect(scans.every((t) => t !== '' && t === t.trim())).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws parsing random or damaged descriptors', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), fc.nat({ max: 255 }), (random, at, value) => {
        parseReportDescriptor(random);
        layoutFromDescriptor(random);
        const damaged = Uint8Array.from(HID_POS_DESCRIPTOR);
        damaged[at % damaged.length] = value;
        layoutFromDescriptor(damaged);
        layoutFromDescriptor(damaged.subarray(0, at % damaged.length));
      }),
      { numRuns: 2000 },
    );
  });
});
