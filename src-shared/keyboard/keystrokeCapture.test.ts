import { describe, expect, it } from 'vitest';
import type { CapturedScan, KeyInput } from './keystrokeCapture';
import { DEFAULT_MAX_KEY_GAP_MS, KeystrokeCapture } from './keystrokeCapture';
import { ManualScheduler } from './scheduler';
import { usKeyForChar } from './usLayout';

const QR = '{"type":"Skidkabot","vendor":4,"client":83532824,"secret":31766}';
/** What the page's `key` says for each US character when the OS layout is Russian (ЙЦУКЕН). */
const RU_KEY: Record<string, string> = {
  '{': 'Х', '"': 'Э', ':': 'Ж', ',': 'б', '}': 'Ъ', t: 'е', y: 'н', p: 'з', e: 'у', S: 'Ы', k: 'л', i: 'ш', d: 'в',
  a: 'ф', b: 'и', o: 'щ', v: 'м', n: 'т', r: 'к', c: 'с', l: 'д', s: 'ы',
};

type KeyEvent = KeyInput;

/** Keydowns of a US-set keyboard-mode scanner typing `text` on a Russian layout, `gap` ms apart. */
function scannerKeys(text: string, start: number, gap: number, suffix: string[] = ['Enter']): KeyEvent[] {
  const events: KeyEvent[] = [];
  let at = start;
  const base = { ctrlKey: false, altKey: false, metaKey: false };
  for (const char of text) {
    const found = usKeyForChar(char);
    if (!found) throw new Error(char);
    // Browsers fire a keydown for Shift itself before the shifted key.
    if (found.shift) events.push({ ...base, code: 'ShiftLeft', key: 'Shift', shiftKey: true, timeStamp: at });
    events.push({ ...base, code: found.key.code, key: RU_KEY[char] ?? char, shiftKey: found.shift, timeStamp: at + 1 });
    at += gap;
  }
  for (const code of suffix) {
    events.push({ ...base, code, key: code, shiftKey: false, timeStamp: at });
    at += gap;
  }
  return events;
}

function setup() {
  const scheduler = new ManualScheduler(1000);
  const scans: CapturedScan[] = [];
  const released: string[] = [];
  const capture = new KeystrokeCapture({ scheduler, onScan: (s) => scans.push(s), onRelease: (t) => released.push(t) });
  /** Delivers events at their timestamps; returns which were swallowed. */
  const press = (events: KeyEvent[]): boolean[] =>
    events.map((event) => {
      scheduler.advance(Math.max(0, event.timeStamp - scheduler.now()));
      return capture.key(event);
    });
  return { scheduler, scans, released, capture, press };
}

describe('KeystrokeCapture', () => {
  it('decodes a US-set scanner typing on a Russian layout by physical key, and swallows every key', () => {
    const { scans, released, press } = setup();
    const events = scannerKeys(QR, 1000, 4);
    expect(events.some((e) => e.key === 'Х')).toBe(true);
    const swallowed = press(events);
    expect(scans).toEqual([{ text: QR, durationMs: (QR.length - 1) * 4, endedBy: 'json' }]);
    // All but the very first Shift: nothing is known yet when it comes, and a Shift types nothing.
    expect(swallowed.slice(1).every(Boolean)).toBe(true);
    expect(released).toEqual([]);
  });

  it('is not fooled by Caps Lock: letters come from code and Shift alone', () => {
    const { scans, press } = setup();
    const caps: KeyEvent = { code: 'CapsLock', key: 'CapsLock', shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, timeStamp: 999 };
    press([caps, ...scannerKeys(QR, 1000, 3).map((e) => ({ ...e, key: e.key.toUpperCase() }))]);
    expect(scans.map((s) => s.text)).toEqual([QR]);
  });

  it('swallows a Ctrl+Shift+J suffix after the scan so the page never sees the chord', () => {
    const { scans, press } = setup();
    const events = scannerKeys(QR, 1000, 4, []);
    const last = events.at(-1)?.timeStamp ?? 0;
    const chord: KeyEvent = { code: 'KeyJ', key: 'J', shiftKey: true, ctrlKey: true, altKey: false, metaKey: false, timeStamp: last + 4 };
    const swallowed = press([...events, chord]);
    expect(swallowed.at(-1)).toBe(true);
    expect(scans).toHaveLength(1);
  });

  it('ends a truncated scan on its Enter suffix', () => {
    const { scans, press } = setup();
    press(scannerKeys('{"type":"Skid', 1000, 5));
    // From the brace (1001) to the Enter (1065).
    expect(scans).toEqual([{ text: '{"type":"Skid', durationMs: 64, endedBy: 'suffix' }]);
  });

  it('ends a scan that neither closes nor has a suffix after the idle time', () => {
    const { scans, press, scheduler } = setup();
    press(scannerKeys('{"type":"Skid', 1000, 5, []));
    expect(scans).toEqual([]);
    scheduler.advance(1000);
    expect(scans.map((s) => [s.text, s.endedBy])).toEqual([['{"type":"Skid', 'gap']]);
  });

  it('reads two scans in a row', () => {
    const { scans, press } = setup();
    press([...scannerKeys(QR, 1000, 2), ...scannerKeys(QR, 3000, 2)]);
    expect(scans.map((s) => s.text)).toEqual([QR, QR]);
  });

  it('does not take a person typing `{` slowly for a scanner: the key is given back as their layout typed it, the rest passes', () => {
    const { scans, released, press } = setup();
    const person = scannerKeys('{abc', 1000, 220, []);
    const swallowed = press(person);
    expect(scans).toEqual([]);
    expect(released).toEqual(['Х']);
    // Only the brace (and the Shift pressed with it) was held back; it came back before the next key.
    expect(swallowed).toEqual([false, true, false, false, false]);
  });

  it('gives the held keys back at once when the next key comes too late, before that key is typed', () => {
    const { released, press, capture } = setup();
    const order: string[] = [];
    const events = scannerKeys('{"', 1000, 10, []);
    press(events);
    const lastAt = events.at(-1)?.timeStamp ?? 0;
    const late: KeyEvent = { code: 'KeyA', key: 'ф', shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, timeStamp: lastAt + DEFAULT_MAX_KEY_GAP_MS + 1 };
    // The wall-clock timer has not fired yet (a busy page): the key's own timestamp decides.
    order.push(capture.key(late) ? 'swallowed' : 'typed');
    expect(released).toEqual(['ХЭ']);
    expect(order).toEqual(['typed']);
  });

  it('lets a person with quick fingers through: two fast keys are not enough', () => {
    const { scans, released, press, scheduler } = setup();
    const events = [...scannerKeys('{a', 1000, 20, []), ...scannerKeys('b', 1200, 20, [])];
    press(events);
    scheduler.advance(1000);
    expect(scans).toEqual([]);
    expect(released).toEqual(['Хф']);
  });

  it('gives a brace typed on a US layout back as a brace', () => {
    const { released, press, scheduler } = setup();
    press(scannerKeys('{', 1000, 4, []).map((e) => ({ ...e, key: e.code === 'BracketLeft' ? '{' : e.key })));
    scheduler.advance(1000);
    expect(released).toEqual(['{']);
  });

  it('never touches keys that do not start with a brace: digits in the purchase field, shortcuts', () => {
    const { scans, press } = setup();
    const typing = scannerKeys('1234,50', 1000, 3);
    const shortcut: KeyEvent = { code: 'KeyS', key: 's', shiftKey: false, ctrlKey: true, altKey: false, metaKey: false, timeStamp: 2000 };
    expect(press([...typing, shortcut]).some(Boolean)).toBe(false);
    expect(scans).toEqual([]);
  });

  it('gives a brace back when a chord or Escape follows it', () => {
    const { released, press } = setup();
    const escape: KeyEvent = { code: 'Escape', key: 'Escape', shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, timeStamp: 1005 };
    const swallowed = press([...scannerKeys('{', 1000, 4, []), escape]);
    expect(released).toEqual(['Х']);
    expect(swallowed.at(-1)).toBe(false);
  });

  it('forgets a half-read burst when disposed', () => {
    const { scans, released, press, scheduler, capture } = setup();
    press(scannerKeys('{"type', 1000, 4, []));
    capture.dispose();
    scheduler.advance(5000);
    expect(scans).toEqual([]);
    expect(released).toEqual([]);
    expect(scheduler.pendingTimers()).toBe(0);
  });
});
