import { describe, expect, it } from 'vitest';
import { ManualScheduler } from '../../../src-shared/keyboard/scheduler';
import { FakeHidTransport } from '../../../test-support/scanner/fakeHidTransport';
import { SKIDKABOT_QR } from '../../../test-support/scanner/fixtures/buildReports';
import { readFixture } from '../../../test-support/scanner/fixtures/readFixture';
import type { PinnedScanner } from '../../scanner/deviceCatalog';
import type { NodeHidTransportOptions } from '../../scanner/hidTransport';
import type { CommandEnv } from '../command';
import { runCli } from '../runCli';
import { memoryIo } from '../../../test-support/cli/memoryIo';
import { decodeHidDump } from './hidDump';
import { createScannersCommand } from './scanners';

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

function setup(platform: NodeJS.Platform = 'linux', pinned: PinnedScanner | null = null) {
  const transport = new FakeHidTransport();
  const written: string[] = [];
  const driverRequests: NodeHidTransportOptions[] = [];
  const command = createScannersCommand({
    transport: (options) => {
      driverRequests.push(options);
      return transport;
    },
    platform,
    scheduler: new ManualScheduler(0),
    write: (text) => {
      written.push(text);
      return Promise.resolve();
    },
    pinned: () => Promise.resolve(pinned),
  });
  let stop: () => void = () => undefined;
  const env: CommandEnv = {
    env: {},
    readStdin: () => Promise.resolve(''),
    untilStopped: () => new Promise<void>((resolve) => (stop = resolve)),
  };
  return { transport, written, driverRequests, command, env, stop: () => stop() };
}

const HONEYWELL_POS = { vendorId: 0x0c2e, productId: 0x0b87, usagePage: 0x8c, usage: 0x02, product: 'Xenon 1900g', serialNumber: 'A1' };

describe('scanners command', () => {
  it('lists devices with the classification of the app and marks the one it would choose', async () => {
    const { transport, command, env } = setup();
    transport.plug(HONEYWELL_POS);
    transport.plug({ vendorId: 0x046d, productId: 0xc31c, usagePage: 0x01, usage: 0x06, product: 'USB Keyboard' });
    const report = await command.run({ values: {}, positionals: [] }, env);
    expect(report.error).toBeNull();
    expect(report.lines[0]).toBe('Найдено устройств: 2');
    expect(report.lines[1]).toContain('Honeywell Xenon 1900g (0c2e:0b87) — режим HID POS');
    expect(report.lines[2]).toContain('программа выберет его');
    expect(report.data.devices).toMatchObject([{ mode: 'hid-pos', chosen: true }, { mode: 'keyboard', chosen: false, autoPick: false }]);
  });

  it('chooses the scanner the manager pinned in the app, as the till would', async () => {
    const newland = { vendorId: 0x1eab, productId: 0x1d06, usagePage: 0x8c, usage: 0x02, product: 'HR22', serialNumber: 'N7' };
    const { transport, command, env } = setup('linux', { vendorId: newland.vendorId, productId: newland.productId, serialNumber: 'N7' });
    transport.plug(HONEYWELL_POS);
    transport.plug(newland);
    const report = await command.run({ values: {}, positionals: [] }, env);
    expect(report.data.devices).toMatchObject([{ vendorId: 0x0c2e, chosen: false }, { vendorId: 0x1eab, chosen: true }]);
  });

  it('says so when there is nothing', async () => {
    const { command, env } = setup('win32');
    const report = await command.run({ values: {}, positionals: [] }, env);
    expect(report.lines).toEqual(['Сканеры не найдены. Подключите сканер к USB и повторите.']);
  });

  it('listens until stopped, printing each scan with mode, timing and what it decodes to', async () => {
    const { transport, command, env, written, stop } = setup();
    const scanner = transport.plug(HONEYWELL_POS);
    const report = await command.run({ values: { listen: true }, positionals: [] }, env);
    const running = report.keepRunning?.();
    await settle();
    scanner.send(...readFixture('honeywell-pos-multi.hex'));
    stop();
    await running;
    const out = written.join('');
    expect(out).toContain('Сканер Honeywell готов (HID POS).');
    expect(out).toContain(`Скан (HID POS, конец по закрывающей скобке, 0 мс, добавлено ожиданием 0 мс): ${SKIDKABOT_QR}`);
    expect(out).toContain('QR-код Скидкабот: магазин 4, покупатель 83532824');
    expect(scanner.isOpen).toBe(false);
  });

  it('with --raw prints a capture that decode --hid-dump replays to the same scan', async () => {
    const { transport, command, env, written, stop } = setup();
    const scanner = transport.plug(HONEYWELL_POS);
    const report = await command.run({ values: { listen: true, raw: true }, positionals: [] }, env);
    const running = report.keepRunning?.();
    await settle();
    scanner.send(...readFixture('honeywell-pos-multi.hex'));
    stop();
    await running;
    const capture = [...report.lines, ...written].join('\n');
    const replayed = decodeHidDump(capture);
    expect(replayed.error).toBeNull();
    expect(replayed.data.scans).toMatchObject([{ text: SKIDKABOT_QR, ok: true, vendor: 4, client: 83532824 }]);
  });

  it('with --json prints one JSON object per event', async () => {
    const { transport, command, env, written, stop } = setup();
    const scanner = transport.plug(HONEYWELL_POS);
    const report = await command.run({ values: { listen: true, json: true }, positionals: [] }, env);
    const running = report.keepRunning?.();
    await settle();
    scanner.send(...readFixture('honeywell-pos-multi.hex'));
    stop();
    await running;
    const events = written.join('').trimEnd().split('\n').map((line) => JSON.parse(line) as { event: string });
    expect(events.map((e) => e.event)).toEqual(['status', 'scan']);
    expect(events[1]).toMatchObject({ text: SKIDKABOT_QR, mode: 'hid-pos', endedBy: 'json', decoded: { ok: true, vendor: 4 } });
  });

  it('asks the transport for the libusb driver only with --grab, and only on Linux', async () => {
    const linux = setup();
    await linux.command.run({ values: { listen: true, grab: true }, positionals: [] }, linux.env);
    expect(linux.driverRequests).toEqual([{ linuxDriver: 'libusb' }]);
    const windows = setup('win32');
    const refused = await windows.command.run({ values: { listen: true, grab: true }, positionals: [] }, windows.env);
    expect(refused.error?.kind).toBe('input');
  });

  it('refuses --raw without --listen with exit code 2, through the CLI runner', async () => {
    const { command } = setup();
    const io = memoryIo();
    expect(await runCli(['scanners', '--raw'], [command], io)).toBe(2);
    expect(io.err).toContain('--raw и --grab работают только вместе с --listen.');
  });
});
