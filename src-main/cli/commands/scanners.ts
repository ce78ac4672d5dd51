import { codedError } from '../../../src-shared/errors';
import type { Scheduler } from '../../../src-shared/keyboard/scheduler';
import { decodeScan } from '../../../src-shared/scan/decodeScan';
import { failed, succeeded, type CliCommand, type CommandReport, type JsonObject } from '../command';
import type { PinnedScanner, Platform, ScannerCandidate } from '../../scanner/deviceCatalog';
import { classifyDevices, pickScanner } from '../../scanner/deviceCatalog';
import { formatHexReport } from '../../scanner/hexReports';
import type { HidTransport, NodeHidTransportOptions } from '../../scanner/hidTransport';
import { createNodeHidTransport } from '../../scanner/hidTransport';
import { END_LABELS, MODE_LABELS } from '../../scanner/scanLabels';
import type { ScanEvent } from '../../scanner/scannerService';
import { ScannerService } from '../../scanner/scannerService';
import { defaultDataDir } from '../../settings/dataDir';
import { SettingsStore } from '../../settings/settingsStore';

export interface ScannersCommandDeps {
  transport: (options: NodeHidTransportOptions) => HidTransport;
  platform: Platform;
  scheduler?: Scheduler;
  /**
   * Where `--listen` prints while it runs: the command's report is printed once, before, and the
   * CLI's CommandEnv offers no stream of its own.
   */
  write: (text: string) => Promise<void>;
  /** The scanner the manager pinned in the app's settings: the command chooses as the till would. */
  pinned: (env: NodeJS.ProcessEnv) => Promise<PinnedScanner | null>;
}

const defaultDeps: ScannersCommandDeps = {
  transport: createNodeHidTransport,
  platform: process.platform,
  write: (text) => new Promise((resolve) => process.stdout.write(text, () => resolve())),
  pinned: async (env) => (await new SettingsStore(defaultDataDir(env)).load()).settings.scanner.pinned,
};

function deviceJson(c: ScannerCandidate, chosen: boolean): JsonObject {
  const d = c.device;
  return {
    id: c.id,
    vendorId: d.vendorId,
    productId: d.productId,
    serialNumber: d.serialNumber,
    manufacturer: d.manufacturer,
    product: d.product,
    path: d.path,
    vendorName: c.vendorName,
    mode: c.mode,
    readable: c.readable,
    autoPick: c.autoPick,
    chosen,
    description: c.description,
  };
}

/** Pure: the classified devices for a person and for a script. */
export function scannersReport(candidates: readonly ScannerCandidate[], platform: Platform, pinned: PinnedScanner | null = null): CommandReport {
  const chosen = pickScanner(candidates, pinned);
  const lines = candidates.length === 0 ? ['Сканеры не найдены. Подключите сканер к USB и повторите.'] : [`Найдено устройств: ${candidates.length}`];
  for (const [i, c] of candidates.entries()) {
    lines.push(`${i + 1}. ${c.description}`);
    const details = [c.device.serialNumber && `серийный номер ${c.device.serialNumber}`, c.device.path && `путь ${c.device.path}`];
    if (c === chosen) details.push('программа выберет его');
    const shown = details.filter((part): part is string => Boolean(part));
    if (shown.length > 0) lines.push(`   ${shown.join(', ')}`);
  }
  if (platform === 'linux' && candidates.length > 0) {
    lines.push('', 'Если сканер не открывается: установите правило udev из assets/udev (см. README там же).');
  }
  return succeeded({ devices: candidates.map((c) => deviceJson(c, c === chosen)) }, lines);
}

function scanLine(scan: ScanEvent): string {
  const decoded = decodeScan(scan.text);
  const verdict = decoded.ok ? `QR-код Скидкабот: магазин ${decoded.value.vendor}, покупатель ${decoded.value.client}` : decoded.error.message;
  return [
    `Скан (${MODE_LABELS[scan.mode]}, конец ${END_LABELS[scan.endedBy]}, ${scan.durationMs} мс, добавлено ожиданием ${scan.latencyMs} мс): ${scan.text}`,
    `  ${verdict}`,
  ].join('\n');
}

function scanJson(scan: ScanEvent): JsonObject {
  const decoded = decodeScan(scan.text);
  return {
    event: 'scan',
    text: scan.text,
    mode: scan.mode,
    endedBy: scan.endedBy,
    durationMs: scan.durationMs,
    latencyMs: scan.latencyMs,
    symbology: scan.symbology,
    decoded: decoded.ok
      ? { ok: true, vendor: decoded.value.vendor, client: decoded.value.client }
      : { ok: false, error: { kind: decoded.error.kind, message: decoded.error.message } },
  };
}

/**
 * `scanners`: the scanners this machine sees and what the app can do with each. `--listen` reads the
 * chosen one until stopped, printing each scan with its mode and timing; `--raw` adds every report
 * as one hex line and turns the rest into `#` comments, so the output is a capture that
 * `decode --hid-dump` replays.
 */
export function createScannersCommand(deps: ScannersCommandDeps = defaultDeps): CliCommand {
  return {
    name: 'scanners',
    summary: 'показать подключённые сканеры; --listen — читать сканы для проверки',
    synopsis: '[--listen [--raw] [--grab]]',
    options: {
      listen: { type: 'boolean', description: 'читать сканы, пока не остановят (Ctrl+C)' },
      raw: { type: 'boolean', description: 'с --listen: печатать и каждый отчёт HID строкой hex' },
      grab: {
        type: 'boolean',
        description: 'с --listen, Linux: отключить сканер-клавиатуру от системы, чтобы скан не печатался в терминал',
      },
    },
    async run(args, env) {
      const listen = args.values.listen === true;
      const raw = args.values.raw === true;
      const grab = args.values.grab === true;
      const json = args.values.json === true;
      if ((raw || grab) && !listen) return failed(codedError('input', 'cli.listenOnly'));
      if (grab && deps.platform !== 'linux') return failed(codedError('input', 'cli.grabLinux'));
      const transport = deps.transport({ linuxDriver: grab ? 'libusb' : 'hidraw' });
      let candidates: ScannerCandidate[];
      try {
        candidates = classifyDevices(await transport.list(), deps.platform, { keyboardGrabbed: grab });
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return failed(codedError('internal', 'scanner.usbListFailed', { detail }));
      }
      const pinned = await deps.pinned(env.env);
      const report = scannersReport(candidates, deps.platform, pinned);
      if (!listen) return report;

      const comment = raw ? '# ' : '';
      const say = (text: string) => deps.write(text.split('\n').map((line) => `${comment}${line}\n`).join(''));
      const emit = (event: JsonObject) => deps.write(`${JSON.stringify(event)}\n`);
      const service = new ScannerService({ transport, platform: deps.platform, scheduler: deps.scheduler, keyboardGrabbed: grab, pinned });
      service.onStatus((status) => void (json ? emit({ event: 'status', ...status }) : say(status.message)));
      service.onScan((scan) => void (json ? emit(scanJson(scan)) : say(scanLine(scan))));
      service.onDrop((drop) => void (json ? emit({ event: 'dropped', ...drop }) : say(drop.message)));
      if (raw) {
        service.onReport(({ report: bytes }) => void (json ? emit({ event: 'report', hex: formatHexReport(bytes) }) : deps.write(`${formatHexReport(bytes)}\n`)));
      }
      return {
        ...report,
        lines: [...report.lines, '', 'Слушаем сканер. Отсканируйте код; остановить: Ctrl+C.'].map((line) => (line ? `${comment}${line}` : line)),
        keepRunning: async () => {
          service.start();
          try {
            await env.untilStopped();
          } finally {
            await service.stop();
          }
        },
      };
    },
  };
}

export const scannersCommand = createScannersCommand();
