import { JsonCloseTracker, cleanScanText } from '../../src-shared/keyboard/scanEnd';
import type { Scheduler } from '../../src-shared/keyboard/scheduler';
import { isScanTerminator } from '../../src-shared/keyboard/usLayout';

export type ScanEnd = 'json' | 'suffix' | 'continuation' | 'gap';

export interface AssembledScan {
  text: string;
  endedBy: ScanEnd;
  /** Arrival of the first and of the last report that carried the scan, and of the scan event. */
  firstAt: number;
  lastAt: number;
  endedAt: number;
  symbology: string;
}

export type DropReason = 'device-lost' | 'device-error' | 'incomplete' | 'malformed' | 'too-long';

export interface Fragment {
  text: string;
  /** HID POS: the report says more follows (true) or that this was the last (false). Keyboard: undefined. */
  continued?: boolean;
  symbology?: string;
  at: number;
}

export interface ScanAssemblerOptions {
  scheduler: Scheduler;
  onScan: (scan: AssembledScan) => void;
  onDrop: (reason: DropReason) => void;
  /** Last resort only: a scan that neither closes, nor has a suffix, nor a continuation flag. */
  gapMs?: number;
}

/**
 * A keyboard-mode scanner sends a report every few ms; 100 ms of silence means it has finished. Only
 * scans without a closing brace, a suffix or a continuation flag (a product barcode in keyboard
 * mode) ever wait for it.
 */
export const DEFAULT_SCAN_GAP_MS = 100;
const MAX_SCAN_CHARS = 8192;

/**
 * Joins the text of successive reports into whole scans and says the moment a scan is complete:
 * when its JSON object closes, on a CR/LF/Tab suffix, when the continuation flag clears, or, as the
 * last resort, after a short silence. A scan cut short (device lost or failing, continuation that
 * never comes, a broken report) is dropped, never delivered in part.
 */
export class ScanAssembler {
  private text = '';
  private symbology = '';
  private firstAt = 0;
  private lastAt = 0;
  private readonly tracker = new JsonCloseTracker();
  private cancelGap: (() => void) | null = null;
  /** After a broken report or an overlong scan: the rest of that scan is skipped, up to its end. */
  private discarding = false;
  private readonly gapMs: number;

  constructor(private readonly options: ScanAssemblerOptions) {
    this.gapMs = options.gapMs ?? DEFAULT_SCAN_GAP_MS;
  }

  /** True while part of a scan has arrived and the rest has not. */
  get open(): boolean {
    return this.text !== '';
  }

  push(fragment: Fragment): void {
    this.clearGap();
    for (const char of fragment.text) {
      if (isScanTerminator(char)) {
        if (this.discarding) this.discarding = false;
        else if (this.open) this.emit('suffix', fragment.at);
        continue;
      }
      if (this.discarding) continue;
      if (!this.open) {
        // Whitespace between scans (a CR/LF after a closed object) never starts one.
        if (char.trim() === '') continue;
        this.firstAt = fragment.at;
        this.symbology = fragment.symbology ?? '';
      }
      this.text += char;
      this.lastAt = fragment.at;
      if (this.tracker.push(char)) this.emit('json', fragment.at);
      else if (this.text.length > MAX_SCAN_CHARS) this.drop('too-long', true);
    }
    if (this.discarding) {
      if (fragment.continued === false) this.discarding = false;
      else this.armGap(() => (this.discarding = false));
      return;
    }
    if (!this.open) return;
    if (fragment.continued === false) this.emit('continuation', fragment.at);
    else if (fragment.continued === true) this.armGap(() => this.drop('incomplete', false));
    else this.armGap(() => this.emit('gap', this.options.scheduler.now()));
  }

  /** The device's report was not readable: whatever of the scan arrived is not trustworthy. */
  malformed(): void {
    if (this.open) this.drop('malformed', true);
    else this.discarding = true;
    this.armGap(() => (this.discarding = false));
  }

  /** The device went away or failed: a half-read scan is dropped. */
  abort(reason: 'device-lost' | 'device-error'): void {
    if (this.open) this.drop(reason, false);
    this.clearGap();
    this.discarding = false;
  }

  dispose(): void {
    this.reset();
    this.discarding = false;
  }

  private emit(endedBy: ScanEnd, at: number): void {
    const scan: AssembledScan = {
      text: cleanScanText(this.text),
      endedBy,
      firstAt: this.firstAt,
      lastAt: this.lastAt,
      endedAt: at,
      symbology: this.symbology,
    };
    this.reset();
    if (scan.text !== '') this.options.onScan(scan);
  }

  private drop(reason: DropReason, skipRest: boolean): void {
    this.reset();
    this.discarding = skipRest;
    this.options.onDrop(reason);
  }

  private reset(): void {
    this.clearGap();
    this.text = '';
    this.symbology = '';
    this.tracker.reset();
  }

  private armGap(fn: () => void): void {
    this.clearGap();
    this.cancelGap = this.options.scheduler.setTimer(() => {
      this.cancelGap = null;
      fn();
    }, this.gapMs);
  }

  private clearGap(): void {
    this.cancelGap?.();
    this.cancelGap = null;
  }
}
