import type { Scheduler } from '../../src-shared/keyboard/scheduler';
import { KeyboardReportDecoder } from './keyboardReport';
import { readPosReport } from './posReport';
import type { ReportLayout } from './reportLayout';
import { detectLayout } from './detectLayout';
import type { AssembledScan, DropReason } from './scanAssembler';
import { ScanAssembler } from './scanAssembler';

export type ScanMode = 'hid-pos' | 'keyboard';

export interface DecodedScan extends AssembledScan {
  mode: ScanMode;
}

export interface ReportStreamOptions {
  /** The device's layout, or 'auto' to read it off the first report (captures, unknown models). */
  layout: ReportLayout | 'auto';
  scheduler: Scheduler;
  onScan: (scan: DecodedScan) => void;
  onDrop: (reason: DropReason) => void;
  gapMs?: number;
}

/**
 * Raw reports of one device in, whole scans out: the report decoder the layout calls for, feeding
 * one scan assembler. Never throws on what a device sends.
 */
export class ReportStream {
  private currentLayout: ReportLayout | null;
  private keyboard: KeyboardReportDecoder | null = null;
  /** Bytes of a HID POS scan are UTF-8 and a character may straddle two reports. */
  private text = new TextDecoder('utf-8');
  private readonly assembler: ScanAssembler;

  constructor(private readonly options: ReportStreamOptions) {
    this.currentLayout = options.layout === 'auto' ? null : options.layout;
    this.assembler = new ScanAssembler({
      scheduler: options.scheduler,
      gapMs: options.gapMs,
      onScan: (scan) => this.options.onScan({ ...scan, mode: this.currentLayout?.kind ?? 'keyboard' }),
      onDrop: (reason) => this.options.onDrop(reason),
    });
  }

  get layout(): ReportLayout | null {
    return this.currentLayout;
  }

  push(report: Uint8Array, at = this.options.scheduler.now()): void {
    const layout = this.currentLayout ?? detectLayout(report);
    if (!layout) {
      // Unplaceable before the layout is known: possibly the cut first report of a scan, whose
      // tail must not pass for a whole one.
      this.assembler.malformed();
      return;
    }
    this.currentLayout = layout;
    if (layout.kind === 'keyboard') {
      this.keyboard ??= new KeyboardReportDecoder(layout);
      const typed = this.keyboard.decode(report);
      if (typed === null) this.assembler.malformed();
      else if (typed !== '') this.assembler.push({ text: typed, at });
      return;
    }
    const reading = readPosReport(report, layout);
    if (reading.kind === 'other') return;
    if (reading.kind === 'malformed') {
      this.text = new TextDecoder('utf-8');
      this.assembler.malformed();
      return;
    }
    const last = !reading.continued;
    const text = this.text.decode(reading.data, { stream: !last });
    if (last) this.text = new TextDecoder('utf-8');
    this.assembler.push({ text, continued: reading.continued, symbology: reading.symbology, at });
  }

  /** The device went away or failed: drop a half-read scan and forget held keys. */
  abort(reason: 'device-lost' | 'device-error'): void {
    this.assembler.abort(reason);
    this.keyboard?.reset();
    this.text = new TextDecoder('utf-8');
  }

  dispose(): void {
    this.assembler.dispose();
  }
}
