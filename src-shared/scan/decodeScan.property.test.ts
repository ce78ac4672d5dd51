import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeScan, MAX_SCAN_LENGTH } from './decodeScan';
import { SCAN_MESSAGES } from './interpretReading';
import { typeThrough, type TypingSetup } from '../../test-support/scan/keyboardTyping';
import type { ScanPayload } from './payload';

const SETUPS: TypingSetup[] = (['us', 'ru'] as const).flatMap((os) =>
  (['us', 'uk'] as const).flatMap((scanner) => [false, true].map((capsLock) => ({ os, scanner, capsLock }))),
);

const payloadArb = fc.record({ vendor: fc.maxSafeNat(), client: fc.maxSafeNat(), secret: fc.maxSafeNat() });

/** The QR's JSON as a bot could print it: any key order, optional blanks. */
const qrJsonArb = fc
  .tuple(
    payloadArb,
    fc.shuffledSubarray(['type', 'vendor', 'client', 'secret'] as const, { minLength: 4, maxLength: 4 }),
    fc.constantFrom('', ' '),
  )
  .map(([payload, keys, blank]) => ({
    payload,
    json: `{${keys.map((k) => `"${k}":${blank}${k === 'type' ? '"Skidkabot"' : String(payload[k])}`).join(`,${blank}`)}}`,
  }));

const framingArb = fc.record({
  aim: fc.constantFrom('', ']Q1', ']Q3'),
  suffix: fc.constantFrom('', '\r', '\n', '\r\n', '\t'),
});

function expectWellFormed(result: ReturnType<typeof decodeScan>): void {
  if (result.ok) {
    for (const value of Object.values(result.value)) {
      expect(Number.isSafeInteger(value) && value >= 0).toBe(true);
    }
  } else {
    expect(result.error.kind).toBe('scan');
    expect(result.error.message.length).toBeGreaterThan(0);
  }
}

describe('decodeScan round trip', () => {
  it('reads back any payload typed through any layout, scanner country and Caps Lock', () => {
    fc.assert(
      fc.property(qrJsonArb, fc.constantFrom(...SETUPS), framingArb, ({ payload, json }, setup, { aim, suffix }) => {
        const typed = typeThrough(`${aim}${json}`, setup) + suffix;
        expect(decodeScan(typed)).toEqual({ ok: true, value: payload satisfies ScanPayload });
      }),
      { numRuns: 500 },
    );
  });
});

describe('decodeScan never throws', () => {
  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => expectWellFormed(decodeScan(text))),
      { numRuns: 2000 },
    );
  });

  it('on random text from the characters scans are made of', () => {
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points on purpose: an alphabet of single characters
    const scanChars = fc.constantFrom(...'{}[]":,.-+eE0123456789 \r\n\tSkidkabotypevndrclis]Q1ХЭЖбЪензу"\\/№;');
    fc.assert(
      fc.property(fc.string({ unit: scanChars, maxLength: 120 }), (text) => expectWellFormed(decodeScan(text))),
      { numRuns: 2000 },
    );
  });

  it('on mutated valid scans', () => {
    const edit = fc.record({
      at: fc.nat(),
      op: fc.constantFrom('insert', 'delete', 'replace'),
      ch: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(qrJsonArb, fc.constantFrom(...SETUPS), fc.array(edit, { minLength: 1, maxLength: 6 }), ({ json }, setup, edits) => {
        let text = typeThrough(json, setup);
        for (const { at, op, ch } of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + (op === 'delete' ? '' : ch) + text.slice(op === 'insert' ? i : i + 1);
        }
        expectWellFormed(decodeScan(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('on huge inputs, refusing them as too long', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_SCAN_LENGTH + 1, max: 1_000_000 }), fc.string({ minLength: 1, maxLength: 8 }), (length, unit) => {
        const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
        expect(decodeScan(text)).toMatchObject({ ok: false, error: { kind: 'scan', message: SCAN_MESSAGES.tooLong } });
      }),
      { numRuns: 30 },
    );
  });

  it('on inputs right at the cap, built to be awkward', () => {
    const awkward = fc.constantFrom('[', '{', '"', ' ', 'Х', 'Э', ']Q1', '{"a":', '\\', '0');
    fc.assert(
      fc.property(awkward, fc.string({ maxLength: 4 }), (unit, tail) => {
        const body = unit.repeat(Math.floor((MAX_SCAN_LENGTH - tail.length) / unit.length));
        expectWellFormed(decodeScan(body + tail));
      }),
      { numRuns: 100 },
    );
  });
});
