import { JsonCloseTracker } from './scanEnd';
import type { Scheduler } from './scheduler';
import { isScanTerminator, usCharForCode } from './usLayout';

/** The parts of a DOM KeyboardEvent (keydown) the capture reads. */
export interface KeyInput {
  code: string;
  /** `KeyboardEvent.key`: what the OS layout makes of the key; given back as typed if the keys were a person's. */
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** `KeyboardEvent.timeStamp`: when the OS saw the key, so a busy page does not blur the gaps. */
  timeStamp: number;
}

export interface CapturedScan {
  /** The scanned text as a US-set scanner meant it, without its Enter/Tab suffix. */
  text: string;
  /** From the first key to the last one. */
  durationMs: number;
  endedBy: 'json' | 'suffix' | 'gap';
}

export interface KeystrokeCaptureOptions {
  onScan: (scan: CapturedScan) => void;
  /**
   * Keys held back while deciding turned out to be a person's: type `text` (what their layout
   * typed, `Х` for Shift+[ on a Russian one) where the focus is. Called synchronously, before the
   * key that revealed it is let through.
   */
  onRelease: (text: string) => void;
  scheduler: Scheduler;
  /**
   * Longest gap between two keys of a scanner burst. Keyboard-mode scanners send a key every 1–20 ms
   * (one press and one release report per character at the USB polling interval, 1–10 ms, plus a
   * Shift report on some models); people, even fast typists, leave 80–250 ms between keys and only
   * now and then under 50 ms when two keys roll over.
   */
  maxKeyGapMs?: number;
  /** Keys, `{` included, that must come each within the gap before a burst is taken for a scanner. */
  confirmKeys?: number;
  /** Held-back keys are given back when nothing follows within this long (wall clock). */
  releaseAfterMs?: number;
  /** A confirmed scan that neither closes nor gets a suffix ends after this long without keys. */
  idleEndMs?: number;
}

export const DEFAULT_MAX_KEY_GAP_MS = 50;
const DEFAULT_CONFIRM_KEYS = 4;
/** Timers run on the wall clock, which lags the keys' own timestamps on a busy page: keep them generous. */
const DEFAULT_RELEASE_AFTER_MS = 150;
const DEFAULT_IDLE_END_MS = 300;

const MODIFIER_CODES = new Set([
  'ShiftLeft',
  'ShiftRight',
  'ControlLeft',
  'ControlRight',
  'AltLeft',
  'AltRight',
  'MetaLeft',
  'MetaRight',
  'CapsLock',
  'NumLock',
]);

/** Scans are ~64 characters; anything far longer is not one, and must not grow without bound. */
const MAX_SCAN_CHARS = 8192;

type State =
  | { kind: 'idle' }
  /** `{` and the keys after it, held back until the gaps show a scanner or a person; `typed`: as the layout has them. */
  | { kind: 'pending'; text: string; typed: string; keys: number; firstAt: number; lastAt: number }
  /** `overflow`: far too long to be a scan; its keys are still swallowed, the text is dropped. */
  | { kind: 'scan'; text: string; firstAt: number; lastAt: number; overflow: boolean }
  /** Just after a scan: its suffix keys (Enter, Tab, Ctrl+Shift+J) must not reach the page either. */
  | { kind: 'trailing'; lastAt: number };

/**
 * Tells a keyboard-mode scanner's burst from a person typing, in the page, from keydown events.
 * A burst that starts with `{` is a scan wherever the focus is: `key()` says to swallow each of its
 * keys, so the purchase field never receives it. Characters come from the physical key (`code`) and
 * Shift through the US table, so the OS layout and Caps Lock never matter.
 */
export class KeystrokeCapture {
  private state: State = { kind: 'idle' };
  private readonly tracker = new JsonCloseTracker();
  private cancelTimer: (() => void) | null = null;
  private readonly maxKeyGapMs: number;
  private readonly confirmKeys: number;
  private readonly releaseAfterMs: number;
  private readonly idleEndMs: number;

  constructor(private readonly options: KeystrokeCaptureOptions) {
    this.maxKeyGapMs = options.maxKeyGapMs ?? DEFAULT_MAX_KEY_GAP_MS;
    this.confirmKeys = options.confirmKeys ?? DEFAULT_CONFIRM_KEYS;
    this.releaseAfterMs = options.releaseAfterMs ?? DEFAULT_RELEASE_AFTER_MS;
    this.idleEndMs = options.idleEndMs ?? DEFAULT_IDLE_END_MS;
  }

  /** Feeds one keydown; true means: swallow it (preventDefault), it belongs to a scan. */
  key(input: KeyInput): boolean {
    if (MODIFIER_CODES.has(input.code)) {
      if (this.state.kind === 'trailing' && input.timeStamp - this.state.lastAt > this.maxKeyGapMs) this.state = { kind: 'idle' };
      return this.state.kind !== 'idle';
    }
    const chord = input.ctrlKey || input.altKey || input.metaKey;
    const char = chord ? undefined : usCharForCode(input.code, input.shiftKey);
    switch (this.state.kind) {
      case 'idle':
        return this.fromIdle(char, input);
      case 'pending':
        return this.fromPending(this.state, char, input);
      case 'scan':
        return this.fromScan(this.state, char, chord, input);
      case 'trailing':
        if (input.timeStamp - this.state.lastAt <= this.maxKeyGapMs && (chord || (char !== undefined && isScanTerminator(char)))) {
          this.state = { kind: 'trailing', lastAt: input.timeStamp };
          return true;
        }
        this.state = { kind: 'idle' };
        return this.fromIdle(char, input);
    }
  }

  /** Stops the timers and forgets a half-read burst (the page is going away). */
  dispose(): void {
    this.clearTimer();
    this.state = { kind: 'idle' };
    this.tracker.reset();
  }

  private fromIdle(char: string | undefined, input: KeyInput): boolean {
    if (char !== '{') return false;
    const at = input.timeStamp;
    this.tracker.reset();
    this.tracker.push(char);
    this.state = { kind: 'pending', text: char, typed: typedBy(input), keys: 1, firstAt: at, lastAt: at };
    this.armTimer(this.releaseAfterMs, () => this.release());
    return true;
  }

  private fromPending(state: Extract<State, { kind: 'pending' }>, char: string | undefined, input: KeyInput): boolean {
    const at = input.timeStamp;
    if (at - state.lastAt > this.maxKeyGapMs || char === undefined || isScanTerminator(char)) {
      this.release();
      return this.fromIdle(char, input);
    }
    const text = state.text + char;
    const closed = this.tracker.push(char);
    if (closed) {
      this.finish({ text, firstAt: state.firstAt }, at, 'json');
      return true;
    }
    if (state.keys + 1 >= this.confirmKeys) {
      this.state = { kind: 'scan', text, firstAt: state.firstAt, lastAt: at, overflow: false };
      this.armTimer(this.idleEndMs, () => this.endOnIdle());
    } else {
      this.state = { ...state, text, typed: state.typed + typedBy(input), keys: state.keys + 1, lastAt: at };
    }
    return true;
  }

  private fromScan(state: Extract<State, { kind: 'scan' }>, char: string | undefined, chord: boolean, input: KeyInput): boolean {
    const at = input.timeStamp;
    if (at - state.lastAt > this.idleEndMs) {
      this.endOnIdle();
      return this.fromIdle(char, input);
    }
    // A chord (a configured Ctrl+Shift+J suffix) or a key that types nothing is not part of the text.
    if (chord || char === undefined) return true;
    if (isScanTerminator(char)) {
      this.finish(state, at, 'suffix');
      return true;
    }
    const next = { ...state, lastAt: at };
    if (!state.overflow) {
      next.text = state.text + char;
      next.overflow = next.text.length > MAX_SCAN_CHARS;
      if (this.tracker.push(char)) {
        this.finish(next, at, 'json');
        return true;
      }
    }
    this.state = next;
    this.armTimer(this.idleEndMs, () => this.endOnIdle());
    return true;
  }

  private finish(
    scan: { text: string; firstAt: number; overflow?: boolean },
    lastAt: number,
    endedBy: CapturedScan['endedBy'],
  ): void {
    this.clearTimer();
    this.state = { kind: 'trailing', lastAt };
    if (!scan.overflow) this.options.onScan({ text: scan.text, durationMs: lastAt - scan.firstAt, endedBy });
  }

  private endOnIdle(): void {
    if (this.state.kind !== 'scan') return;
    this.finish(this.state, this.state.lastAt, 'gap');
    this.state = { kind: 'idle' };
  }

  private release(): void {
    if (this.state.kind !== 'pending') return;
    const { typed } = this.state;
    this.clearTimer();
    this.state = { kind: 'idle' };
    this.options.onRelease(typed);
  }

  private armTimer(ms: number, fn: () => void): void {
    this.clearTimer();
    this.cancelTimer = this.options.scheduler.setTimer(() => {
      this.cancelTimer = null;
      fn();
    }, ms);
  }

  private clearTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }
}

/** What a key types in the page: a single character, or nothing for named keys (Shift, Enter). */
function typedBy(input: KeyInput): string {
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points on purpose: a typed key is one code point, a named key (Shift) is a word
  return [...input.key].length === 1 ? input.key : '';
}
