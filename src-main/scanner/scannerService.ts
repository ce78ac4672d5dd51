import type { Result } from '../../src-shared/errors';
import { codedError } from '../../src-shared/errors';
import { translate, type MessageKey, type MessageParams } from '../../src-shared/messages/messages';
import type { Scheduler } from '../../src-shared/keyboard/scheduler';
import { realScheduler } from '../../src-shared/keyboard/scheduler';
import type { PinnedScanner, Platform, ScannerCandidate } from './deviceCatalog';
import { HONEYWELL_REDIRECT_TO_POS, classifyDevices, matchesPin, pickScanner } from './deviceCatalog';
import type { HidHandle, HidTransport } from './hidTransport';
import { layoutFromDescriptor } from './reportDescriptor';
import type { ReportLayout } from './reportLayout';
import type { DropReason, ScanEnd } from './scanAssembler';
import type { ScanMode } from './reportStream';
import { ReportStream } from './reportStream';

export interface ScannerStatus {
  state: 'ready' | 'searching' | 'error';
  /** Russian, for the status line: what is going on and what to do. */
  message: string;
  /** The same words as a key, so an English screen shows them in English. */
  key: MessageKey;
  params?: MessageParams;
}

export interface ScanEvent {
  text: string;
  mode: ScanMode;
  /** From the first report of the scan to this event. */
  durationMs: number;
  /** From the last report to this event: what the end-of-scan rule added (0 unless it was the gap). */
  latencyMs: number;
  endedBy: ScanEnd;
  /** AIM symbology identifier when the scanner sent one (`]Q1` for QR). */
  symbology: string;
  /** The candidate the scan came from. */
  deviceId: string;
}

export interface ScanDropEvent {
  reason: DropReason;
  /** Russian, for the cashier. */
  message: string;
  /** The same words as a key, so an English screen shows them in English. */
  key: MessageKey;
}

export interface ScannerServiceOptions {
  transport: HidTransport;
  platform: Platform;
  scheduler?: Scheduler;
  /** Hot-plug check interval. Enumeration is slow and disturbs the bus: seconds, never a tight loop. */
  pollMs?: number;
  gapMs?: number;
  pinned?: PinnedScanner | null;
  /**
   * The transport detaches the kernel driver (Linux libusb): keyboard-mode keys reach no window.
   * Off by default: through hidraw a keyboard-mode scanner on Linux is read here AND types into the
   * window, where the page's keystroke capture swallows the `{…}` burst before any field sees it
   * (the same capture that serves Windows), and ScanGate lets only the first of the two copies
   * through. Detaching is kept as an option because it is process-wide, hides usage pages and
   * leaves the scanner dead to other programs until replugged if the app crashes.
   */
  keyboardGrabbed?: boolean;
}

export const DEFAULT_POLL_MS = 1500;
/** A device that failed to open, or failed right after opening, is retried after this long. */
const RETRY_FAILED_MS = 10_000;
/**
 * A device that fails this soon after opening, twice in a row, is failing to open rather than being
 * unplugged, and waits RETRY_FAILED_MS before the next try.
 */
const EARLY_FAILURE_MS = 3000;

const DROP_MESSAGES: Record<DropReason, MessageKey> = {
  'device-lost': 'scanDrop.deviceLost',
  'device-error': 'scanDrop.deviceError',
  incomplete: 'scanDrop.incomplete',
  malformed: 'scanDrop.malformed',
  'too-long': 'scanDrop.tooLong',
};

interface Session {
  candidate: ScannerCandidate;
  handle: HidHandle;
  stream: ReportStream;
  layout: ReportLayout | null;
  openedAt: number;
  ended: boolean;
}

type Listener<T> = (value: T) => void;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The scanner's name for the status line; '' when the device names no one. */
function shortName(c: ScannerCandidate): string {
  return c.vendorName ?? c.device.product ?? c.device.manufacturer ?? '';
}

/** A status with its words written from its key, so the Russian and the English say the same. */
function status(state: ScannerStatus['state'], key: MessageKey, params?: MessageParams): ScannerStatus {
  return params === undefined ? { state, message: translate(key), key } : { state, message: translate(key, params), key, params };
}

/**
 * Finds the scanner, keeps it open and turns its reports into scans. Polls the bus at a modest
 * pace for hot-plug: notices an unplugged or failing scanner, picks up a replugged or a second one,
 * reopens without a restart and drops a half-read scan rather than deliver it in part.
 */
export class ScannerService {
  private readonly scheduler: Scheduler;
  private readonly pollMs: number;
  private pinned: PinnedScanner | null;
  private candidates: ScannerCandidate[] = [];
  private session: Session | null = null;
  private currentStatus: ScannerStatus = status('searching', 'scannerState.looking');
  private running = false;
  private polling: Promise<void> | null = null;
  private cancelPoll: (() => void) | null = null;
  private readonly failedAt = new Map<string, number>();
  private readonly earlyFailures = new Map<string, number>();
  private readonly redirected = new Set<string>();
  private readonly listeners = {
    scan: new Set<Listener<ScanEvent>>(),
    status: new Set<Listener<ScannerStatus>>(),
    drop: new Set<Listener<ScanDropEvent>>(),
    report: new Set<Listener<{ report: Uint8Array; deviceId: string }>>(),
  };

  constructor(private readonly options: ScannerServiceOptions) {
    this.scheduler = options.scheduler ?? realScheduler;
    this.pollMs = options.pollMs ?? DEFAULT_POLL_MS;
    this.pinned = options.pinned ?? null;
  }

  onScan(listener: Listener<ScanEvent>): () => void {
    return this.subscribe(this.listeners.scan, listener);
  }

  onStatus(listener: Listener<ScannerStatus>): () => void {
    return this.subscribe(this.listeners.status, listener);
  }

  /** A half-read scan was thrown away: tell the cashier to scan again. */
  onDrop(listener: Listener<ScanDropEvent>): () => void {
    return this.subscribe(this.listeners.drop, listener);
  }

  /** Every raw report of the open device, for `scanners --listen --raw`. */
  onReport(listener: Listener<{ report: Uint8Array; deviceId: string }>): () => void {
    return this.subscribe(this.listeners.report, listener);
  }

  status(): ScannerStatus {
    return this.currentStatus;
  }

  /** The devices found at the last look, best-known first as the OS listed them. */
  devices(): readonly ScannerCandidate[] {
    return this.candidates;
  }

  /** The device being read, with the layout it is read through (null until the first report says). */
  active(): { candidate: ScannerCandidate; layout: ReportLayout | null } | null {
    return this.session && { candidate: this.session.candidate, layout: this.session.stream.layout ?? this.session.layout };
  }

  /** Starts reading and watching the bus. */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.poll();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.cancelPoll?.();
    this.cancelPoll = null;
    await this.closeSession('device-lost');
  }

  /** Looks at the bus now (the manager opened the «Сканер» section, or the CLI asked). */
  async refresh(): Promise<readonly ScannerCandidate[]> {
    await this.poll();
    return this.candidates;
  }

  /** The manager's choice by vendor/product ID and serial; null lets the app choose. */
  async setPinned(pinned: PinnedScanner | null): Promise<void> {
    this.pinned = pinned;
    this.failedAt.clear();
    // Unpinning hands the choice back to the app: it moves to the scanner it would pick itself.
    const session = this.session;
    if (session) {
      const keep = pinned ? matchesPin(session.candidate, pinned) : pickScanner(this.candidates, null)?.id === session.candidate.id;
      if (!keep) await this.closeSession('device-lost');
    }
    await this.poll();
  }

  /**
   * Honeywell left in keyboard mode: sends feature report [0xFE, 0x01] to its HID POS collection
   * so scans arrive there, layout-proof. Only on the manager's request.
   */
  async redirectToHidPos(candidateId: string): Promise<Result<{ message: string }>> {
    const keyboard = this.candidates.find((c) => c.id === candidateId);
    const target = keyboard?.redirectTarget ? this.candidates.find((c) => c.id === keyboard.redirectTarget) : undefined;
    if (!keyboard || !target) {
      return { ok: false, error: codedError('input', 'scanner.cannotRedirect') };
    }
    let handle: HidHandle | null = null;
    try {
      handle = this.session?.candidate.id === target.id ? this.session.handle : await this.options.transport.open(target.device);
      await handle.sendFeatureReport(HONEYWELL_REDIRECT_TO_POS);
    } catch (error) {
      return {
        ok: false,
        error: codedError('internal', 'scanner.commandRefused', { detail: errorText(error) }),
      };
    } finally {
      if (handle && this.session?.handle !== handle) await handle.close().catch(() => undefined);
    }
    this.redirected.add(target.id);
    if (this.session && this.session.candidate.id !== target.id) await this.closeSession('device-lost');
    await this.poll();
    return { ok: true, value: { message: 'Сканер переключён на HID POS. Отсканируйте QR, чтобы проверить.' } };
  }

  private subscribe<T>(set: Set<Listener<T>>, listener: Listener<T>): () => void {
    set.add(listener);
    return () => set.delete(listener);
  }

  private setStatus(next: ScannerStatus): void {
    if (this.currentStatus.state === next.state && this.currentStatus.message === next.message) return;
    this.currentStatus = next;
    for (const listener of this.listeners.status) listener(this.currentStatus);
  }

  private schedulePoll(): void {
    this.cancelPoll?.();
    this.cancelPoll = this.running ? this.scheduler.setTimer(() => void this.poll(), this.pollMs) : null;
  }

  /** One look at the bus at a time; a caller arriving meanwhile waits for the look in progress. */
  private poll(): Promise<void> {
    this.polling ??= this.look().finally(() => {
      this.polling = null;
      this.schedulePoll();
    });
    return this.polling;
  }

  private async look(): Promise<void> {
    let devices;
    try {
      devices = await this.options.transport.list();
    } catch (error) {
      this.setStatus(status('error', 'scannerState.usbFailed', { detail: errorText(error) }));
      return;
    }
    this.candidates = classifyDevices(devices, this.options.platform, {
      keyboardGrabbed: this.options.keyboardGrabbed,
      redirected: this.redirected,
    });
    const session = this.session;
    if (session) {
      const open = session.candidate.device;
      const present = open.path
        ? devices.some((d) => d.path === open.path && d.vendorId === open.vendorId)
        : this.candidates.some((c) => c.id === session.candidate.id);
      if (!present) await this.lose(session, 'device-lost');
      else if (this.preferred(session.candidate)?.id === session.candidate.id) return;
      else await this.closeSession('device-lost');
    }
    if (!this.running) return;
    const now = this.scheduler.now();
    const skip = new Set([...this.failedAt].filter(([, at]) => now - at < RETRY_FAILED_MS).map(([id]) => id));
    const target = pickScanner(this.candidates, this.pinned, skip);
    if (!target) {
      // A recent failure keeps its own message (the udev rule, replugging) on the status line.
      if (skip.size === 0) {
        const idle = this.nothingToRead();
        this.setStatus(idle);
      }
      return;
    }
    await this.openSession(target);
  }

  /** Whether the open device should give way: the pinned scanner or a HID POS one appeared. */
  private preferred(current: ScannerCandidate): ScannerCandidate | null {
    const live = this.candidates.find((c) => c.id === current.id);
    if (!live) return null;
    const best = pickScanner(this.candidates, this.pinned);
    if (!best) return live;
    const pinnedBetter = this.pinned && matchesPin(best, this.pinned) && !matchesPin(current, this.pinned);
    const switchedOn = best.mode === 'hid-pos' && this.redirected.has(best.id) && current.mode !== 'hid-pos';
    return pinnedBetter || switchedOn ? best : live;
  }

  /** Nothing to open. A known scanner that only types (Windows) is still a working scanner: its keys reach the window. */
  private nothingToRead(): ScannerStatus {
    const typing = this.candidates.find((c) => c.autoPick && c.mode === 'keyboard' && !c.readable);
    if (typing) {
      return status('ready', 'scannerState.typing', { name: shortName(typing) });
    }
    if (this.pinned) {
      return status('searching', 'scannerState.pinnedMissing');
    }
    return status('searching', 'scannerState.notFound');
  }

  private async openSession(candidate: ScannerCandidate): Promise<void> {
    let handle: HidHandle;
    try {
      handle = await this.options.transport.open(candidate.device);
    } catch (error) {
      this.failedAt.set(candidate.id, this.scheduler.now());
      const key = this.options.platform === 'linux' ? 'scannerState.noAccessLinux' : 'scannerState.openFailed';
      this.setStatus(status('error', key, { detail: errorText(error) }));
      return;
    }
    if (!this.running) {
      await handle.close().catch(() => undefined);
      return;
    }
    this.failedAt.delete(candidate.id);
    const descriptor = await handle.getReportDescriptor().catch(() => null);
    const layout = (descriptor && layoutFromDescriptor(descriptor)) ?? candidate.fallbackLayout;
    const session: Session = {
      candidate,
      handle,
      layout,
      openedAt: this.scheduler.now(),
      ended: false,
      stream: new ReportStream({
        layout: layout ?? 'auto',
        scheduler: this.scheduler,
        gapMs: this.options.gapMs,
        onScan: (scan) => {
          const now = this.scheduler.now();
          const event: ScanEvent = {
            text: scan.text,
            mode: scan.mode,
            durationMs: now - scan.firstAt,
            latencyMs: now - scan.lastAt,
            endedBy: scan.endedBy,
            symbology: scan.symbology,
            deviceId: candidate.id,
          };
          for (const listener of this.listeners.scan) listener(event);
        },
        onDrop: (reason) => {
          for (const listener of this.listeners.drop) listener({ reason, message: translate(DROP_MESSAGES[reason]), key: DROP_MESSAGES[reason] });
        },
      }),
    };
    this.session = session;
    handle.on('data', (report) => {
      if (session.ended) return;
      for (const listener of this.listeners.report) listener({ report, deviceId: candidate.id });
      session.stream.push(report, this.scheduler.now());
    });
    handle.on('error', () => void this.lose(session, 'device-error'));
    this.setStatus(status('ready', 'scannerState.ready', { name: shortName(candidate), mode: candidate.mode }));
  }

  /** The open device went away or failed: drop its half-read scan, close it, look again soon. */
  private async lose(session: Session, reason: 'device-lost' | 'device-error'): Promise<void> {
    if (session.ended) return;
    const id = session.candidate.id;
    const early = reason === 'device-error' && this.scheduler.now() - session.openedAt < EARLY_FAILURE_MS;
    const failures = early ? (this.earlyFailures.get(id) ?? 0) + 1 : 0;
    if (failures > 0) this.earlyFailures.set(id, failures);
    else this.earlyFailures.delete(id);
    const flaky = failures >= 2;
    if (flaky) this.failedAt.set(id, this.scheduler.now());
    await this.closeSession(reason);
    if (flaky) this.setStatus(status('error', 'scannerState.flaky'));
    else if (reason === 'device-lost') this.setStatus(status('searching', 'scannerState.unplugged'));
    else this.setStatus(status('searching', 'scannerState.reconnecting'));
    this.schedulePoll();
  }

  private async closeSession(reason: 'device-lost' | 'device-error'): Promise<void> {
    const session = this.session;
    if (!session || session.ended) return;
    session.ended = true;
    this.session = null;
    session.stream.abort(reason);
    session.stream.dispose();
    await session.handle.close().catch(() => undefined);
  }
}
