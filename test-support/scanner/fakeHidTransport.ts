import type { HidDeviceInfo, HidHandle, HidHandleEvent, HidListener, HidTransport } from '../../src-main/scanner/hidTransport';
import { HidHandleListeners } from '../../src-main/scanner/hidTransport';

class FakeHandle implements HidHandle {
  readonly listeners = new HidHandleListeners();
  closed = false;

  constructor(private readonly device: FakeHidDevice) {}

  on<E extends HidHandleEvent>(event: E, listener: HidListener<E>): () => void {
    return this.listeners.on(event, listener);
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- async so that a failure rejects, as node-hid's does
  async getFeatureReport(reportId: number, length: number): Promise<Uint8Array> {
    this.assertOpen();
    const reply = this.device.featureReplies.get(reportId);
    if (!reply) throw new Error(`no feature report ${reportId}`);
    return reply.slice(0, length);
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- async so that a failure rejects, as node-hid's does
  async sendFeatureReport(data: Uint8Array): Promise<number> {
    this.assertOpen();
    if (this.device.featureError) throw this.device.featureError;
    this.device.featureReports.push(Uint8Array.from(data));
    return data.length;
  }

  getReportDescriptor(): Promise<Uint8Array | null> {
    return Promise.resolve(this.device.descriptor);
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    this.device.handles.delete(this);
    this.listeners.emit('close');
    this.listeners.clear();
    return Promise.resolve();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('device closed');
  }
}

/** One simulated HID interface: what it lists as, and the reports it sends while open. */
export class FakeHidDevice {
  readonly handles = new Set<FakeHandle>();
  /** Feature reports the app sent, in order. */
  readonly featureReports: Uint8Array[] = [];
  /** What `getFeatureReport(id)` answers. */
  readonly featureReplies = new Map<number, Uint8Array>();
  /** Set to make `open` fail (no udev rule, device busy). */
  openError: Error | null = null;
  featureError: Error | null = null;
  opens = 0;

  constructor(
    readonly info: HidDeviceInfo,
    readonly descriptor: Uint8Array | null = null,
  ) {}

  get isOpen(): boolean {
    return this.handles.size > 0;
  }

  /** Delivers reports to every open handle, as node-hid's `data` events would. */
  send(...reports: Uint8Array[]): void {
    for (const report of reports) for (const handle of [...this.handles]) handle.listeners.emit('data', Uint8Array.from(report));
  }

  /** The device fails mid-read (node-hid's "could not read from HID device"). */
  fail(message = 'could not read from HID device'): void {
    for (const handle of [...this.handles]) handle.listeners.emit('error', new Error(message));
  }
}

/** A device as node-hid lists it: the fields given, no names and interface 0 for the rest. */
export function hidDeviceInfo(info: Partial<HidDeviceInfo> & Pick<HidDeviceInfo, 'vendorId' | 'productId'>, path: string): HidDeviceInfo {
  return { path, serialNumber: null, manufacturer: null, product: null, usagePage: null, usage: null, interface: 0, ...info };
}

/** A USB bus in memory: plug, unplug and replay recorded reports to test the whole path from bytes. */
export class FakeHidTransport implements HidTransport {
  private readonly plugged: FakeHidDevice[] = [];
  lists = 0;
  listError: Error | null = null;

  plug(info: Partial<HidDeviceInfo> & Pick<HidDeviceInfo, 'vendorId' | 'productId'>, descriptor?: Uint8Array): FakeHidDevice {
    const path = `/dev/hidraw-fake-${info.vendorId.toString(16)}-${info.productId.toString(16)}-${this.plugged.length}`;
    const device = new FakeHidDevice(hidDeviceInfo(info, path), descriptor ?? null);
    this.plugged.push(device);
    return device;
  }

  /** Pulls the device out: open handles fail the way node-hid's do, and it leaves the listing. */
  unplug(device: FakeHidDevice): void {
    this.vanish(device);
    device.fail();
  }

  /** The device leaves the listing while its open handles stay silent, as some OSes do. */
  vanish(device: FakeHidDevice): void {
    const index = this.plugged.indexOf(device);
    if (index >= 0) this.plugged.splice(index, 1);
  }

  /** Plugs the same device back in (a new OS path, as after a real replug). */
  replug(device: FakeHidDevice): FakeHidDevice {
    return this.plug({ ...device.info, path: `${device.info.path ?? 'fake'}-again` }, device.descriptor ?? undefined);
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- async so that a failure rejects, as node-hid's does
  async list(): Promise<HidDeviceInfo[]> {
    this.lists += 1;
    if (this.listError) throw this.listError;
    return this.plugged.map((device) => ({ ...device.info }));
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- async so that a failure rejects, as node-hid's does
  async open(info: HidDeviceInfo): Promise<HidHandle> {
    const device = this.plugged.find((d) => d.info.path === info.path);
    if (!device) throw new Error(`cannot open device with path ${info.path ?? '(none)'}`);
    device.opens += 1;
    if (device.openError) throw device.openError;
    const handle = new FakeHandle(device);
    device.handles.add(handle);
    return handle;
  }
}
