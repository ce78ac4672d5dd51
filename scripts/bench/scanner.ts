import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { KeyInput } from '../../src-shared/keyboard/keystrokeCapture';
import { KeystrokeCapture } from '../../src-shared/keyboard/keystrokeCapture';
import { ManualScheduler, realScheduler } from '../../src-shared/keyboard/scheduler';
import { usKeyForChar } from '../../src-shared/keyboard/usLayout';
import { IPC_PREFIX } from '../../src-shared/ipc/channelNames';
import type { DemoCustomer } from '../../src-shared/ipc/views';
import { createAppCore } from '../../src-main/app/createApp';
import { FakeHidTransport } from '../../test-support/scanner/fakeHidTransport';
import { SKIDKABOT_QR, keyboardReportsFor, posReportsFor } from '../../test-support/scanner/fixtures/buildReports';
import { HID_POS_DESCRIPTOR } from '../../test-support/scanner/fixtures/descriptors';
import { layoutFromDescriptor } from '../../src-main/scanner/reportDescriptor';
import type { ReportLayout } from '../../src-main/scanner/reportLayout';
import { BOOT_KEYBOARD_LAYOUT, HONEYWELL_POS_LAYOUT, NEWLAND_POS_LAYOUT } from '../../src-main/scanner/reportLayout';
import { ReportStream } from '../../src-main/scanner/reportStream';
import type { ScanEnd } from '../../src-main/scanner/scanAssembler';
import { DEFAULT_SCAN_GAP_MS } from '../../src-main/scanner/scanAssembler';
import { MemorySecretStore } from '../../src-main/settings/secretStore';

const THROUGHPUT_SCANS = 20_000;
const LATENCY_RUNS = 200;
const GAP_RUNS = 15;
const APP_RUNS = 50;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

function throughput(label: string, reports: readonly Uint8Array[], layout: ReportLayout): void {
  const scheduler = new ManualScheduler(0);
  let scans = 0;
  const stream = new ReportStream({ layout, scheduler, onScan: () => (scans += 1), onDrop: () => undefined });
  const start = performance.now();
  for (let i = 0; i < THROUGHPUT_SCANS; i += 1) for (const report of reports) stream.push(report, i);
  const seconds = (performance.now() - start) / 1000;
  const total = reports.length * THROUGHPUT_SCANS;
  console.log(
    `  ${label.padEnd(34)} ${Math.round(total / seconds).toLocaleString('en-US').padStart(11)} reports/s` +
      `  (${reports.length} reports a scan, ${Math.round(scans / seconds).toLocaleString('en-US')} scans/s)`,
  );
}

/**
 * Wall time from handing the last report of a scan to the decoder to the scan event, with the
 * real timers: what each end-of-scan rule adds to the cashier's wait.
 */
async function latency(rule: ScanEnd, sent: readonly Uint8Array[], layout: ReportLayout, runs: number): Promise<void> {
  // The key release after the last key carries nothing: the last report that counts is the one before.
  const reports = [...sent];
  while (reports.length > 1 && reports.at(-1)?.every((byte) => byte === 0)) reports.pop();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    let pushedAt = 0;
    const endedAt = new Promise<number>((resolve, reject) => {
      const stream = new ReportStream({
        layout,
        scheduler: realScheduler,
        onScan: (scan) => (scan.endedBy === rule ? resolve(performance.now()) : reject(new Error(`ended by ${scan.endedBy}`))),
        onDrop: (reason) => reject(new Error(reason)),
      });
      reports.forEach((report, index) => {
        if (index === reports.length - 1) pushedAt = performance.now();
        stream.push(report);
      });
    });
    times.push((await endedAt) - pushedAt);
  }
  const sorted = times.sort((a, b) => a - b);
  const ms = (v: number) => (v < 1 ? `${(v * 1000).toFixed(1)} µs` : `${v.toFixed(1)} ms`);
  console.log(`  ${rule.padEnd(13)} median ${ms(percentile(sorted, 0.5)).padStart(9)}   p95 ${ms(percentile(sorted, 0.95)).padStart(9)}   (${runs} scans)`);
}

function keystrokes(text: string, gapMs: number): KeyInput[] {
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points on purpose: one keystroke per character
  return [...text].map((char, i) => {
    const found = usKeyForChar(char);
    if (!found) throw new Error(char);
    return { code: found.key.code, key: char, shiftKey: found.shift, ctrlKey: false, altKey: false, metaKey: false, timeStamp: i * gapMs };
  });
}

/**
 * The whole path in main, from the last HID POS report on the (fake) bus to the customer view the
 * renderer is sent: report decoding, the scan gate, the QR check and one balance call to the demo
 * simulator on loopback. `npm run bench renderer` adds the rest, from that view to the screen.
 */
async function reportToCustomer(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kassa-bench-scanner-'));
  const bus = new FakeHidTransport();
  const scanner = bus.plug({ vendorId: 0x0c2e, productId: 0x0b87, usagePage: 0x8c, usage: 0x02 }, HID_POS_DESCRIPTOR);
  const sender = { isMainFrame: true, url: 'app://kassa/index.html' };
  const core = await createAppCore({
    dataDir,
    secretStore: new MemorySecretStore(),
    demo: true,
    trustedOrigin: 'app://kassa',
    scanner: { transport: bus, platform: 'linux' },
  });
  try {
    const listed = await core.dispatch(`${IPC_PREFIX}demo.customers`, sender, []);
    const qr = listed.ok ? (listed.value as DemoCustomer[])[0]?.qrText : undefined;
    if (!qr) throw new Error('scanner bench: the demo shop has no customers');
    const reports = posReportsFor(qr, 'honeywell');
    const last = reports.pop();
    if (!last) throw new Error('scanner bench: no reports');
    // The service opens the scanner on its first look at the bus, just after the core starts.
    while (!scanner.isOpen) await new Promise((resolve) => setTimeout(resolve, 5));
    const times: number[] = [];
    for (let i = 0; i < APP_RUNS; i += 1) {
      await core.dispatch(`${IPC_PREFIX}checkout.clear`, sender, []);
      const shown = new Promise<number>((resolve) => {
        const off = core.subscribe((event, payload) => {
          if (event !== 'checkout' || (payload as { stage: string }).stage !== 'customer') return;
          off();
          resolve(performance.now());
        });
      });
      scanner.send(...reports);
      const sentAt = performance.now();
      scanner.send(last);
      times.push((await shown) - sentAt);
    }
    const sorted = times.sort((a, b) => a - b);
    console.log(
      `\nHID POS, last report → customer view in main (gate, QR check, loopback balance call): ` +
        `median ${percentile(sorted, 0.5).toFixed(2)} ms   p95 ${percentile(sorted, 0.95).toFixed(2)} ms   (${APP_RUNS} scans)`,
    );
  } finally {
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const honeywell = posReportsFor(SKIDKABOT_QR, 'honeywell');
  const newland = posReportsFor(SKIDKABOT_QR, 'newland');
  const keyboard = keyboardReportsFor(SKIDKABOT_QR);
  const fromDescriptor = layoutFromDescriptor(HID_POS_DESCRIPTOR) ?? HONEYWELL_POS_LAYOUT;

  console.log('Report decoding (Skidkabot QR, 64 bytes):');
  throughput('HID POS, Honeywell layout', honeywell, HONEYWELL_POS_LAYOUT);
  throughput('HID POS, layout from descriptor', honeywell, fromDescriptor);
  throughput('HID POS, Newland layout', newland, NEWLAND_POS_LAYOUT);
  throughput('keyboard mode, boot reports', keyboard, BOOT_KEYBOARD_LAYOUT);

  const descriptorRuns = 100_000;
  const start = performance.now();
  for (let i = 0; i < descriptorRuns; i += 1) layoutFromDescriptor(HID_POS_DESCRIPTOR);
  console.log(`  descriptor → layout               ${(((performance.now() - start) * 1000) / descriptorRuns).toFixed(2)} µs each`);

  console.log('\nAdded latency, last report → scan event, per end-of-scan rule:');
  await latency('json', honeywell, HONEYWELL_POS_LAYOUT, LATENCY_RUNS);
  await latency('continuation', posReportsFor('4600000000000', 'honeywell', ']E0'), HONEYWELL_POS_LAYOUT, LATENCY_RUNS);
  await latency('suffix', keyboardReportsFor('4600000000000'), BOOT_KEYBOARD_LAYOUT, LATENCY_RUNS);
  await latency('gap', keyboardReportsFor('4600000000000', { suffix: 'none' }), BOOT_KEYBOARD_LAYOUT, GAP_RUNS);
  console.log(`  (the gap rule waits ${DEFAULT_SCAN_GAP_MS} ms by design; only scans without brace, suffix or flag meet it)`);

  const keys = keystrokes(SKIDKABOT_QR, 4);
  const scheduler = new ManualScheduler(0);
  let captured = 0;
  const capture = new KeystrokeCapture({ scheduler, onScan: () => (captured += 1), onRelease: () => undefined });
  const rounds = 20_000;
  const began = performance.now();
  for (let r = 0; r < rounds; r += 1) {
    const base = r * 10_000;
    for (const key of keys) capture.key({ ...key, timeStamp: base + key.timeStamp });
  }
  const perKeyNs = ((performance.now() - began) * 1e6) / (rounds * keys.length);
  console.log(`\nKeystroke capture in the page: ${perKeyNs.toFixed(0)} ns a key, ${captured} of ${rounds} scans captured`);

  await reportToCustomer();
}
