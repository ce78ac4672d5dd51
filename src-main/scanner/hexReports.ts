import type { Result } from '../../src-shared/errors';
import { codedError } from '../../src-shared/errors';

/** One report as `scanners --listen --raw` prints it: lowercase hex bytes separated by spaces. */
export function formatHexReport(report: Uint8Array): string {
  return [...report].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
}

const MAX_REPORT_BYTES = 4096;

/**
 * Reads a capture: one report a line, hex bytes with or without spaces (or `:`/`,`/`0x`), blank
 * lines and `#` comments ignored. A bad line is an error naming its number, never a guess.
 */
export function parseHexReports(text: string): Result<Uint8Array[]> {
  const reports: Uint8Array[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    const digits = line.replace(/0x/gi, '').replace(/[\s:,]/g, '');
    if (!/^[0-9a-fA-F]*$/.test(digits) || digits.length % 2 !== 0 || digits.length / 2 > MAX_REPORT_BYTES) {
      return {
        ok: false,
        error: codedError('input', 'scanner.badHexLine', { line: index + 1 }),
      };
    }
    const report = new Uint8Array(digits.length / 2);
    for (let i = 0; i < report.length; i += 1) report[i] = Number.parseInt(digits.slice(i * 2, i * 2 + 2), 16);
    reports.push(report);
  }
  return { ok: true, value: reports };
}
