/** 'device': read in main from the scanner; 'window': typed or pasted into the app's window. */
export type ScanSource = 'device' | 'window';

/**
 * One scan, read twice, is processed once. On Linux a keyboard-mode scanner read through hidraw
 * also types into the window, where the keystroke capture picks the same scan up; whichever copy
 * arrives first wins. The same text from the same source is a deliberate rescan and passes.
 */
export class ScanGate {
  private last: { text: string; source: ScanSource; at: number } | null = null;

  constructor(private readonly windowMs = 1500) {}

  accept(text: string, source: ScanSource, at: number): boolean {
    const last = this.last;
    if (last && last.text === text && last.source !== source && at - last.at <= this.windowMs) return false;
    this.last = { text, source, at };
    return true;
  }
}
