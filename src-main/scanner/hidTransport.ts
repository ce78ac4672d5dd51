import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type * as NodeHidModule from 'node-hid';

/** One HID interface (a top-level collection on Windows and macOS) as the OS lists it. */
export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  /** What `open` needs; null when the OS gave none (then vendor/product ID is used). */
  path: string | null;
  serialNumber: string | null;
  manufacturer: string | null;
  product: string | null;
  /** Unset with Linux's libusb driver: match by vendor/product ID there. */
  usagePage: number | null;
  usage: number | null;
  interface: number;
}

export interface HidHandleEvents {
  /** One input report, report ID first when the device uses report IDs. */
  data: [report: Uint8Array];
  /** The device failed or went away; no more data will come. */
  error: [error: Error];
  close: [];
}

export type HidHandleEvent = keyof HidHandleEvents;
export type HidListener<E extends HidHandleEvent> = (...args: HidHandleEvents[E]) => void;

export interface HidHandle {
  /** Returns a function that removes the listener. */
  on<E extends HidHandleEvent>(event: E, listener: HidListener<E>): () => void;
  getFeatureReport(reportId: number, length: number): Promise<Uint8Array>;
  /** First byte is the report ID. */
  sendFeatureReport(data: Uint8Array): Promise<number>;
  /** The device's report descriptor, or null where this platform gives no access to it. */
  getReportDescriptor(): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

export interface HidOpenOptions {
  /** macOS: share a keyboard-mode device with the OS (needs Input Monitoring; keys still reach the window). */
  nonExclusive?: boolean;
}

/** The USB HID bus as the scanner service needs it; node-hid for real, a fake that replays captures in tests. */
export interface HidTransport {
  /** Enumerates the bus: slow, so callers poll it at a modest pace. */
  list(): Promise<HidDeviceInfo[]>;
  open(device: HidDeviceInfo, options?: HidOpenOptions): Promise<HidHandle>;
}

/** The listener lists behind `HidHandle.on`, shared by the real and the fake handle. */
export class HidHandleListeners {
  private readonly lists: { [E in HidHandleEvent]: Set<HidListener<E>> } = {
    data: new Set(),
    error: new Set(),
    close: new Set(),
  };

  on<E extends HidHandleEvent>(event: E, listener: HidListener<E>): () => void {
    const list = this.lists[event] as Set<HidListener<E>>;
    list.add(listener);
    return () => list.delete(listener);
  }

  emit<E extends HidHandleEvent>(event: E, ...args: HidHandleEvents[E]): void {
    for (const listener of [...(this.lists[event] as Set<HidListener<E>>)]) listener(...args);
  }

  clear(): void {
    for (const list of Object.values(this.lists)) list.clear();
  }
}

type NodeHid = typeof NodeHidModule;
type NodeHidAsync = Awaited<ReturnType<NodeHid['HIDAsync']['open']>>;

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

/**
 * hidapi (node-hid 3.4) has no call for the report descriptor, but Linux publishes it for every
 * hidraw node in sysfs, readable by anyone.
 */
async function readLinuxReportDescriptor(devicePath: string | null): Promise<Uint8Array | null> {
  if (process.platform !== 'linux' || !devicePath?.startsWith('/dev/hidraw')) return null;
  try {
    const node = path.basename(devicePath);
    return new Uint8Array(await readFile(`/sys/class/hidraw/${node}/device/report_descriptor`));
  } catch {
    return null;
  }
}

class NodeHidHandle implements HidHandle {
  private readonly listeners = new HidHandleListeners();
  private closed = false;

  constructor(
    private readonly device: NodeHidAsync,
    private readonly path: string | null,
  ) {
    device.on('data', (data: Buffer) => this.listeners.emit('data', new Uint8Array(data)));
    device.on('error', (error: unknown) => {
      if (!this.closed) this.listeners.emit('error', toError(error));
    });
  }

  on<E extends HidHandleEvent>(event: E, listener: HidListener<E>): () => void {
    return this.listeners.on(event, listener);
  }

  async getFeatureReport(reportId: number, length: number): Promise<Uint8Array> {
    return new Uint8Array(await this.device.getFeatureReport(reportId, length));
  }

  sendFeatureReport(data: Uint8Array): Promise<number> {
    return this.device.sendFeatureReport(Buffer.from(data));
  }

  getReportDescriptor(): Promise<Uint8Array | null> {
    return readLinuxReportDescriptor(this.path);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.device.close();
    } finally {
      this.listeners.emit('close');
      this.listeners.clear();
    }
  }
}

export interface NodeHidTransportOptions {
  /**
   * Linux only. 'hidraw' (default) reads beside the kernel: a keyboard-mode scanner still types into
   * the focused window. 'libusb' detaches the kernel driver from every device it opens, so nothing
   * else sees the keys, at a price: it holds for the whole process (and only takes effect in the
   * first transport the process creates), usage pages go missing, and a crash leaves the scanner
   * detached until it is replugged.
   */
  linuxDriver?: 'hidraw' | 'libusb';
}

/** The real bus through node-hid's async API, loaded on first use so tests never touch the native addon. */
export function createNodeHidTransport(options: NodeHidTransportOptions = {}): HidTransport {
  let loaded: Promise<NodeHid> | null = null;
  const load = (): Promise<NodeHid> => {
    loaded ??= import('node-hid').then((hid) => {
      if (options.linuxDriver === 'libusb') hid.setDriverType('libusb');
      return hid;
    });
    return loaded;
  };
  return {
    async list() {
      const hid = await load();
      return (await hid.devicesAsync()).map((d) => ({
        vendorId: d.vendorId,
        productId: d.productId,
        path: d.path ?? null,
        serialNumber: d.serialNumber || null,
        manufacturer: d.manufacturer?.trim() || null,
        product: d.product?.trim() || null,
        usagePage: d.usagePage ?? null,
        usage: d.usage ?? null,
        interface: d.interface,
      }));
    },
    async open(device, openOptions = {}) {
      const hid = await load();
      const raw = device.path
        ? await hid.HIDAsync.open(device.path, openOptions)
        : await hid.HIDAsync.open(device.vendorId, device.productId, openOptions);
      return new NodeHidHandle(raw, device.path);
    },
  };
}
