import { readFile, stat } from 'node:fs/promises';
import { codedError } from '../../../src-shared/errors';
import { ManualScheduler } from '../../../src-shared/keyboard/scheduler';
import { decodeScan } from '../../../src-shared/scan/decodeScan';
import type { OptionSpec } from '../args';
import { failed, succeeded, type CommandReport, type JsonObject } from '../command';
import { errnoCode } from '../../fs/errnoCode';
import { parseHexReports } from '../../scanner/hexReports';
import type { DecodedScan } from '../../scanner/reportStream';
import { ReportStream } from '../../scanner/reportStream';
import type { DropReason } from '../../scanner/scanAssembler';
import { END_LABELS, MODE_LABELS } from '../../scanner/scanLabels';

/** The option `decode` takes for a capture file. */
export const HID_DUMP_OPTIONS: Record<string, OptionSpec> = {
  'hid-dump': {
    type: 'string',
    valueName: '<файл>',
    description: 'разобрать записанные отчёты сканера (hex, по отчёту в строке, как печатает scanners --listen --raw)',
  },
};

/** A capture of a few scans is a few kB; this is room for thousands. */
const MAX_CAPTURE_BYTES = 16 * 1024 * 1024;

const DROP_LABELS: Record<DropReason, string> = {
  'device-lost': 'сканер отключился',
  'device-error': 'сбой сканера',
  incomplete: 'не пришло продолжение',
  malformed: 'испорченный отчёт',
  'too-long': 'слишком длинный',
};

/** Replays reports through the decoders as if they came 1 ms apart, then lets the last scan end. */
function replay(reports: readonly Uint8Array[]): { scans: DecodedScan[]; drops: DropReason[]; stream: ReportStream } {
  const scheduler = new ManualScheduler(0);
  const scans: DecodedScan[] = [];
  const drops: DropReason[] = [];
  const stream = new ReportStream({ layout: 'auto', scheduler, onScan: (s) => scans.push(s), onDrop: (r) => drops.push(r) });
  for (const report of reports) {
    stream.push(report);
    scheduler.advance(1);
  }
  scheduler.advance(60_000);
  return { scans, drops, stream };
}

/** Pure: a capture's text to the scans it holds, each through the same decoder the till uses. */
export function decodeHidDump(text: string): CommandReport {
  const parsed = parseHexReports(text);
  if (!parsed.ok) return failed(parsed.error);
  if (parsed.value.length === 0) return failed(codedError('input', 'scanner.noReports'));
  const { scans, drops, stream } = replay(parsed.value);
  const layout = stream.layout;
  const lines = [
    `Отчётов: ${parsed.value.length}. Формат: ${layout ? `${layout.kind === 'hid-pos' ? 'HID POS' : 'клавиатура'} (${layout.source})` : 'не распознан'}.`,
  ];
  if (drops.length > 0) lines.push(`Отброшено неполных сканов: ${drops.length} (${drops.map((r) => DROP_LABELS[r]).join(', ')}).`);
  const results: JsonObject[] = [];
  let firstError = null;
  for (const [i, scan] of scans.entries()) {
    const decoded = decodeScan(scan.text);
    lines.push(`Скан ${i + 1} (${MODE_LABELS[scan.mode]}, конец ${END_LABELS[scan.endedBy]}): ${scan.text}`);
    const base: JsonObject = { text: scan.text, mode: scan.mode, endedBy: scan.endedBy, symbology: scan.symbology };
    if (decoded.ok) {
      const { vendor, client, secret } = decoded.value;
      lines.push(`  QR-код Скидкабот: магазин ${vendor}, покупатель ${client}, ключ ${secret}.`);
      results.push({ ...base, ok: true, vendor, client, secret });
    } else {
      lines.push(`  ${decoded.error.message}`);
      results.push({ ...base, ok: false, error: { kind: decoded.error.kind, message: decoded.error.message } });
      firstError ??= decoded.error;
    }
  }
  const data: JsonObject = {
    reports: parsed.value.length,
    layout: layout && { kind: layout.kind, source: layout.source },
    scans: results,
    dropped: drops,
  };
  if (scans.length === 0) {
    return failed(codedError('scan', 'scanner.noFullScan'), data, lines);
  }
  return firstError ? failed(firstError, data, lines) : succeeded(data, lines);
}

/** `decode --hid-dump FILE`: reads the capture (bounded) and decodes it. */
export async function decodeHidDumpFile(file: string): Promise<CommandReport> {
  try {
    if ((await stat(file)).size > MAX_CAPTURE_BYTES) {
      return failed(codedError('input', 'scanner.dumpTooLarge', { file }));
    }
    return decodeHidDump(await readFile(file, 'utf8'));
  } catch (error) {
    const code = errnoCode(error);
    const why = code === 'ENOENT' ? 'missing' : code === 'EISDIR' ? 'folder' : 'unreadable';
    return failed(codedError('input', 'scanner.dumpUnreadable', { file, why }));
  }
}
