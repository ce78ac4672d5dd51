import { codedError } from '../../src-shared/errors';
import { keyedError } from '../../src-shared/appError';
import type { Result } from '../../src-shared/errors';
import { decodeScan } from '../../src-shared/scan/decodeScan';
import { interpretReading, trimScan } from '../../src-shared/scan/interpretReading';
import type {
  ScanOrigin,
  ScanReport,
  ScanResult,
  ScannerDeviceView,
  ScannerEvent,
  ScannerListView,
  ScannerRedirected,
} from '../../src-shared/ipc/scannerViews';
import type { AppState, CheckoutView } from '../../src-shared/ipc/views';
import type { Scheduler } from '../../src-shared/keyboard/scheduler';
import type { PinnedScannerSettings } from '../../src-shared/settings/settings';
import type { Platform, ScannerCandidate } from '../scanner/deviceCatalog';
import { matchesPin } from '../scanner/deviceCatalog';
import type { HidTransport } from '../scanner/hidTransport';
import { ScanGate } from '../scanner/scanGate';
import type { ScanEvent, ScannerStatus } from '../scanner/scannerService';
import { ScannerService } from '../scanner/scannerService';
import { udevInstallCommands, udevRuleInstalled } from '../scanner/udevRule';

/** What the process offers for reading USB scanners: node-hid in Electron, a fake bus in tests. */
export interface ScannerHost {
  transport: HidTransport;
  platform: Platform;
  /** Hot-plug look interval; the service's default when not given. */
  pollMs?: number;
  /** The service's clock and timers; tests move them by hand. */
  scheduler?: Scheduler;
  /** Linux: the udev rule shipped with the app, for the manager to install. */
  udevRuleFile?: string;
  /** Linux: whether the rule is installed; looks in udev's folders when not given. */
  udevInstalled?: () => Promise<boolean>;
  /** Linux: the app runs from an AppImage, whose files root cannot read. */
  fromAppImage?: boolean;
}

export interface ScannerBridgeOptions {
  /** Null: nothing is read in main, scans come only from the window (keystrokes, paste). */
  host: ScannerHost | null;
  pinned: PinnedScannerSettings | null;
  now: () => number;
  checkout: { scan(text: string): Promise<Result<CheckoutView>>; view(): CheckoutView };
  /** Keeps the manager's pin in the settings file. */
  savePin(pinned: PinnedScannerSettings | null): Promise<Result<void>>;
  /** For the status line. */
  onState(state: AppState['scanner']): void;
  /** Each scan's diagnostics and each dropped half-scan, for the renderer. */
  onEvent(event: ScannerEvent): void;
}

/** Where a scan came from, with what the reading measured. */
interface ScanDetails {
  via: ScanReport['via'];
  durationMs: number | null;
  waitMs: number | null;
  endedBy: ScanReport['endedBy'];
}

const KEYSTROKES_STATE: AppState['scanner'] = {
  state: 'ready',
  message: 'Сканер работает как клавиатура: сканы принимаются, когда окно программы активно.',
  key: 'scannerState.typing',
};

function osOf(platform: Platform): ScannerListView['os'] {
  if (platform === 'win32') return 'windows';
  if (platform === 'darwin') return 'macos';
  if (platform === 'linux') return 'linux';
  return 'other';
}

/** What the manager's live test shows of a scan: the verdict and the numbers, never the QR secret. */
export function scanResult(text: string): ScanResult {
  const decoded = decodeScan(text);
  if (!decoded.ok) return { ok: false, error: decoded.error };
  const asSent = interpretReading(trimScan(text)).kind === 'payload';
  return { ok: true, vendor: decoded.value.vendor, client: decoded.value.client, repaired: !asSent };
}

/**
 * Joins the scanner service to the checkout: device scans and the window's scans pass one ScanGate
 * (a Linux keyboard-mode scanner is read in main and types into the window too), the service's
 * state goes to the status line, and every scan and dropped half-scan is reported for diagnostics.
 */
export class ScannerBridge {
  private readonly service: ScannerService | null;
  private readonly gate = new ScanGate();
  private pinned: PinnedScannerSettings | null;
  private serviceStatus: ScannerStatus | null = null;
  /** A keystroke scan came in since the service last changed its mind: a keyboard-mode scanner is at work. */
  private keystrokesSeen = false;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(private readonly options: ScannerBridgeOptions) {
    this.pinned = options.pinned;
    const host = options.host;
    this.service = host
      ? new ScannerService({
          transport: host.transport,
          platform: host.platform,
          pollMs: host.pollMs,
          scheduler: host.scheduler,
          pinned: options.pinned,
        })
      : null;
  }

  /** Starts reading. The status line shows the service's state from here on. */
  start(): void {
    const service = this.service;
    if (!service) return;
    this.unsubscribe.push(
      service.onStatus((status) => {
        this.serviceStatus = status;
        this.keystrokesSeen = false;
        this.publishState();
      }),
      service.onScan((scan) => void this.fromDevice(scan.text, detailsOf(scan))),
      service.onDrop((drop) => this.options.onEvent({ kind: 'dropped', at: this.options.now(), error: keyedError('scan', drop.key, drop.message) })),
    );
    this.serviceStatus = service.status();
    this.publishState();
    service.start();
  }

  /** A scan read in main. Nothing escapes: the checkout puts every failure in its view. */
  async fromDevice(text: string, details: ScanDetails = { via: 'other', durationMs: null, waitMs: null, endedBy: null }): Promise<void> {
    if (!this.gate.accept(text, 'device', this.options.now())) return;
    this.report(text, details);
    try {
      await this.options.checkout.scan(text);
    } catch {
      // The checkout resolves its failures into the view; a scanner callback has no one to tell.
    }
  }

  /** A scan the window sent (keystroke capture, paste, demo button). The second copy of a scan answers with the view as it is. */
  async fromWindow(text: string, origin?: ScanOrigin): Promise<Result<CheckoutView>> {
    if (!this.gate.accept(text, 'window', this.options.now())) return { ok: true, value: this.options.checkout.view() };
    if (origin?.via === 'keystrokes' && !this.keystrokesSeen) {
      this.keystrokesSeen = true;
      this.publishState();
    }
    this.report(text, { via: origin?.via ?? 'other', durationMs: origin?.durationMs ?? null, waitMs: null, endedBy: null });
    return this.options.checkout.scan(text);
  }

  /** Looks at the bus now and lists what is there. */
  async list(): Promise<ScannerListView> {
    await this.service?.refresh();
    return this.view();
  }

  /** Pins a listed device (its vendor/product ID and serial), or unpins with null. */
  async pin(deviceId: string | null): Promise<Result<ScannerListView>> {
    let pinned: PinnedScannerSettings | null = null;
    if (deviceId !== null) {
      const device = this.service?.devices().find((c) => c.id === deviceId)?.device;
      if (!device) return { ok: false, error: codedError('input', 'scanner.gone') };
      pinned = { vendorId: device.vendorId, productId: device.productId, serialNumber: device.serialNumber };
    }
    const saved = await this.options.savePin(pinned);
    if (!saved.ok) return saved;
    this.pinned = pinned;
    await this.service?.setPinned(pinned);
    return { ok: true, value: await this.view() };
  }

  /** The manager pressed «Переключить на HID POS» for a Honeywell in keyboard mode. */
  async redirectToHidPos(deviceId: string): Promise<Result<ScannerRedirected>> {
    if (!this.service) return { ok: false, error: codedError('input', 'scanner.gone') };
    return this.service.redirectToHidPos(deviceId);
  }

  async close(): Promise<void> {
    for (const off of this.unsubscribe.splice(0)) off();
    await this.service?.stop();
  }

  private publishState(): void {
    const status = this.serviceStatus;
    if (!status) return;
    // Nothing readable on the bus, yet scans arrive as keystrokes (Windows, a no-name scanner): it works.
    const typing = status.state === 'searching' && this.keystrokesSeen;
    this.options.onState(typing ? KEYSTROKES_STATE : status);
  }

  private report(text: string, details: ScanDetails): void {
    this.options.onEvent({ kind: 'scan', at: this.options.now(), ...details, chars: text.length, result: scanResult(text) });
  }

  private async view(): Promise<ScannerListView> {
    const host = this.options.host;
    const platform = host?.platform ?? process.platform;
    const active = this.service?.active()?.candidate.id ?? null;
    const candidates = this.service?.devices() ?? [];
    const silent = new Set(candidates.filter((c) => c.silentWhileKeyboard).map((c) => c.id));
    const devices = candidates.map((c) => deviceView(c, { active, pinned: this.pinned, silent }));
    const udev =
      platform === 'linux'
        ? {
            ruleFile: host?.udevRuleFile ?? null,
            installed: await (host?.udevInstalled ?? udevRuleInstalled)(),
            commands: udevInstallCommands(host?.udevRuleFile ?? null, host?.fromAppImage === true),
          }
        : null;
    return { devices, pinned: this.pinned, os: osOf(platform), udev };
  }
}

function detailsOf(scan: ScanEvent): ScanDetails {
  return {
    via: scan.mode === 'hid-pos' ? 'hid-pos' : 'hid-keyboard',
    durationMs: scan.durationMs,
    waitMs: scan.latencyMs,
    endedBy: scan.endedBy,
  };
}

function deviceView(
  c: ScannerCandidate,
  bus: { active: string | null; pinned: PinnedScannerSettings | null; silent: ReadonlySet<string> },
): ScannerDeviceView {
  return {
    id: c.id,
    description: c.description,
    vendorId: c.device.vendorId,
    productId: c.device.productId,
    serialNumber: c.device.serialNumber,
    mode: c.mode,
    readable: c.readable,
    active: c.id === bus.active,
    pinned: bus.pinned !== null && matchesPin(c, bus.pinned),
    canPin: c.readable && !c.silentWhileKeyboard,
    // Once switched, its HID POS collection speaks: the offer would only confuse.
    canRedirect: c.redirectTarget !== null && bus.silent.has(c.redirectTarget),
  };
}
