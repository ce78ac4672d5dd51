import { describe, expect, it } from 'vitest';
import { formatHexReport, parseHexReports } from './hexReports';
import { textContaining } from '../../test-support/matchers';

describe('hex captures', () => {
  it('prints a report as one line and reads it back', () => {
    const report = Uint8Array.of(0x02, 0x38, 0x5d, 0x00, 0xff);
    expect(formatHexReport(report)).toBe('02 38 5d 00 ff');
    const parsed = parseHexReports(`${formatHexReport(report)}\n`);
    expect(parsed.ok && parsed.value).toEqual([report]);
  });

  it('accepts the ways people paste bytes, and skips comments and blank lines', () => {
    const parsed = parseHexReports('# capture\r\n\r\n0253FF\n0x02, 0x53 # trailing\n02:53\n');
    expect(parsed.ok && parsed.value.map((r) => [...r])).toEqual([[0x02, 0x53, 0xff], [0x02, 0x53], [0x02, 0x53]]);
  });

  it('names the line that is not hex', () => {
    const parsed = parseHexReports('02 00\n02 0g\n');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatchObject({ kind: 'input', message: textContaining('Строка 2') });
    expect(parseHexReports('023').ok).toBe(false);
  });
});
