import type { CDPSession, Page } from 'playwright';

/** The fields of the protocol's Input.dispatchKeyEvent these specs use. */
interface KeyEvent {
  type: 'rawKeyDown' | 'keyDown' | 'keyUp';
  code: string;
  key: string;
  text?: string;
  unmodifiedText?: string;
  modifiers: number;
  /** Seconds since the epoch: becomes the event's `timeStamp`, which the capture measures gaps by. */
  timestamp?: number;
}

/**
 * Physical keys with what the US and the Russian (ЙЦУКЕН) layouts type on them, plain and with
 * Shift, row by row as shared/scanners.md lists them. The specs' own copy, so the app's US
 * table is checked against the document rather than against itself.
 */
const ROWS: readonly { codes: readonly string[]; us: string; usShift: string; ru: string; ruShift: string }[] = [
  {
    codes: ['Backquote', 'Digit1', 'Digit2', 'Digit3', 'Digit4', 'Digit5', 'Digit6', 'Digit7', 'Digit8', 'Digit9', 'Digit0', 'Minus', 'Equal'],
    us: '`1234567890-=',
    usShift: '~!@#$%^&*()_+',
    ru: 'ё1234567890-=',
    ruShift: 'Ё!"№;%:?*()_+',
  },
  {
    codes: ['KeyQ', 'KeyW', 'KeyE', 'KeyR', 'KeyT', 'KeyY', 'KeyU', 'KeyI', 'KeyO', 'KeyP', 'BracketLeft', 'BracketRight', 'Backslash'],
    us: 'qwertyuiop[]\\',
    usShift: 'QWERTYUIOP{}|',
    ru: 'йцукенгшщзхъ\\',
    ruShift: 'ЙЦУКЕНГШЩЗХЪ/',
  },
  {
    codes: ['KeyA', 'KeyS', 'KeyD', 'KeyF', 'KeyG', 'KeyH', 'KeyJ', 'KeyK', 'KeyL', 'Semicolon', 'Quote'],
    us: "asdfghjkl;'",
    usShift: 'ASDFGHJKL:"',
    ru: 'фывапролджэ',
    ruShift: 'ФЫВАПРОЛДЖЭ',
  },
  {
    codes: ['KeyZ', 'KeyX', 'KeyC', 'KeyV', 'KeyB', 'KeyN', 'KeyM', 'Comma', 'Period', 'Slash'],
    us: 'zxcvbnm,./',
    usShift: 'ZXCVBNM<>?',
    ru: 'ячсмитьбю.',
    ruShift: 'ЯЧСМИТЬБЮ,',
  },
];

export type Layout = 'us' | 'ru';

interface Stroke {
  code: string;
  shift: boolean;
  /** What the OS layout makes of the key: `KeyboardEvent.key`, and the text typed. */
  key: string;
}

const SHIFT_MODIFIER = 8;

/** The keys a US-set scanner presses for `text`, and what a computer on `layout` reports for each. */
function strokesFor(text: string, layout: Layout): Stroke[] {
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points on purpose: a scanner presses one key per character
  return [...text].map((char) => {
    if (char === ' ') return { code: 'Space', shift: false, key: ' ' };
    for (const row of ROWS) {
      for (const [shift, typed] of [
        [false, row.us],
        [true, row.usShift],
      ] as const) {
        const index = typed.indexOf(char);
        const code = row.codes[index];
        if (index < 0 || code === undefined) continue;
        const shown = layout === 'us' ? char : (shift ? row.ruShift : row.ru)[index];
        return { code, shift, key: shown ?? char };
      }
    }
    throw new Error(`a US keyboard has no key for ${JSON.stringify(char)}`);
  });
}

/** Real keyboard events through the DevTools protocol: physical `code`, layout's `key`, Shift as a key of its own. */
function keyEvents(strokes: readonly Stroke[], timestamps: (index: number) => number | undefined): KeyEvent[] {
  const events: KeyEvent[] = [];
  strokes.forEach((stroke, i) => {
    const timestamp = timestamps(i);
    const at = timestamp === undefined ? {} : { timestamp };
    const modifiers = stroke.shift ? SHIFT_MODIFIER : 0;
    if (stroke.shift) events.push({ type: 'rawKeyDown', code: 'ShiftLeft', key: 'Shift', modifiers, ...at });
    const text = stroke.code === 'Enter' ? '\r' : stroke.key;
    events.push({ type: 'keyDown', code: stroke.code, key: stroke.key, text, unmodifiedText: text, modifiers, ...at });
    events.push({ type: 'keyUp', code: stroke.code, key: stroke.key, modifiers, ...at });
    if (stroke.shift) events.push({ type: 'keyUp', code: 'ShiftLeft', key: 'Shift', modifiers: 0, ...at });
  });
  return events;
}

const ENTER: Stroke = { code: 'Enter', shift: false, key: 'Enter' };

async function session(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

/**
 * A keyboard-mode scanner's burst: every key `gapMs` after the previous one by the events' own
 * timestamps (what the capture measures), sent in one go so a busy test machine cannot stretch them.
 */
export async function scannerTypes(page: Page, text: string, layout: Layout, gapMs = 4): Promise<void> {
  const cdp = await session(page);
  const start = Date.now() / 1000;
  const events = keyEvents([...strokesFor(text, layout), ENTER], (i) => start + (i * gapMs) / 1000);
  await Promise.all(events.map((event) => cdp.send('Input.dispatchKeyEvent', event)));
  await cdp.detach();
}

/**
 * A person typing: one key every `gapMs`, on the page's fake clock (call `page.clock.install()`
 * first). The gap is in the events' own timestamps, which the capture measures, and the fake clock
 * runs the capture's timers through it, so a busy machine neither stretches nor shrinks it.
 */
export async function personTypes(page: Page, text: string, layout: Layout, gapMs = 150): Promise<void> {
  const cdp = await session(page);
  // The fake clock does not move the wall clock: a second call continues after the first one's keys.
  let at = Math.max(Date.now() / 1000, (personTypedAt.get(page) ?? 0) + gapMs / 1000);
  for (const stroke of strokesFor(text, layout)) {
    const stamp = at;
    for (const event of keyEvents([stroke], () => stamp)) await cdp.send('Input.dispatchKeyEvent', event);
    personTypedAt.set(page, stamp);
    await page.clock.runFor(gapMs);
    at += gapMs / 1000;
  }
  await cdp.detach();
}

/** The timestamp of the last key `personTypes` pressed on a page. */
const personTypedAt = new WeakMap<Page, number>();
