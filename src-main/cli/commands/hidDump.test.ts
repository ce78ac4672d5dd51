import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SKIDKABOT_QR, keyboardReportsFor } from '../../../test-support/scanner/fixtures/buildReports';
import { FIXTURE_DIR } from '../../../test-support/scanner/fixtures/readFixture';
import { formatHexReport } from '../../scanner/hexReports';
import { decodeHidDump, decodeHidDumpFile } from './hidDump';
import { textContaining } from '../../../test-support/matchers';

const fixture = (name: string) => readFileSync(new URL(name, FIXTURE_DIR), 'utf8');

describe('decode --hid-dump', () => {
  it.each([
    ['keyboard-us.hex', 'keyboard'],
    ['keyboard-rollover.hex', 'keyboard'],
    ['keyboard-ctrl-shift-suffix.hex', 'keyboard'],
    ['honeywell-pos-multi.hex', 'hid-pos'],
    ['newland-pos.hex', 'hid-pos'],
  ])('replays %s to the customer the QR names', (name, mode) => {
    const report = decodeHidDump(fixture(name));
    expect(report.error).toBeNull();
    expect(report.data).toMatchObject({ layout: { kind: mode }, scans: [{ text: SKIDKABOT_QR, ok: true, vendor: 4, client: 83532824, secret: 31766 }] });
    expect(report.lines.at(-1)).toBe('  QR-код Скидкабот: магазин 4, покупатель 83532824, ключ 31766.');
  });

  it('says which scan is not a Skidkabot QR, with the decoder message', () => {
    const report = decodeHidDump(keyboardReportsFor('4600000000000').map(formatHexReport).join('\n'));
    expect(report.error?.kind).toBe('scan');
    expect(report.data.scans).toMatchObject([{ text: '4600000000000', ok: false, endedBy: 'suffix' }]);
  });

  it('reports a capture cut off by unplugging as holding no complete scan', () => {
    const report = decodeHidDump(fixture('honeywell-pos-unplugged.hex'));
    expect(report.error).toMatchObject({ kind: 'scan', message: textContaining('ни одного полного скана') });
    expect(report.data.dropped).toEqual(['incomplete']);
  });

  it('refuses files that are not captures', async () => {
    expect(decodeHidDump('# nothing\n').error?.kind).toBe('input');
    expect(decodeHidDump('hello\n').error?.message).toContain('Строка 1');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hid-dump-'));
    try {
      expect((await decodeHidDumpFile(path.join(dir, 'missing.hex'))).error?.message).toContain('не найден');
      expect((await decodeHidDumpFile(dir)).error?.message).toContain('это папка');
      const file = path.join(dir, 'capture.hex');
      await writeFile(file, fixture('honeywell-pos-single.hex'));
      expect((await decodeHidDumpFile(file)).data.scans).toMatchObject([{ ok: true, client: 7 }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
