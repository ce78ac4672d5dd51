import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { _electron, chromium } from 'playwright';
import type { Browser, ElectronApplication, Page } from 'playwright';
import type { Result } from '../src-shared/errors';
import { IPC_PREFIX } from '../src-shared/ipc/channelNames';
import type { ChannelArgs, ChannelReply, KassaApi } from '../src-shared/ipc/contract';
import type { InvokeChannel } from '../src-shared/ipc/channelNames';
import type { Scheduler } from '../src-shared/keyboard/scheduler';
import { createAppCore } from '../src-main/app/createApp';
import type { AppCore } from '../src-main/app/createApp';
import type { ScannerHost } from '../src-main/app/scannerBridge';
import { APP_ORIGIN, resolveAppFile, responseHeaders } from '../src-main/electron/hardening';
import type { SenderInfo } from '../src-main/ipc/dispatch';
import { createKeytarSecretStore } from '../src-main/settings/secretStore';
import { lazyFeedOnlyUpdater } from '../src-main/update/lazyFeedOnlyUpdater';
import packageJson from '../package.json' with { type: 'json' };
import type { SecretStore } from '../src-main/settings/secretStore';
import { CHEAP_SCRYPT } from '../test-support/manager/cheapScrypt';
import { callCore, value } from '../test-support/app/callCore';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

const ROOT = path.resolve(import.meta.dirname, '..');
const RENDERER_DIR = path.join(ROOT, 'dist/renderer');
const PRELOAD_FILE = path.join(ROOT, 'dist-electron/preload.cjs');
const ELECTRON_MAIN = path.join(ROOT, 'dist-electron/main.js');
const SCREENSHOT_DIR = path.join(ROOT, 'test-results/screenshots');

/** What `setup: 'ready'` configures, so specs can log in and check what they typed. */
export const READY_SHOP = { code: 4, secret: 31337 } as const;
export const MANAGER_PASSWORD = 'менеджер-2024';

export interface LaunchOptions {
  /** The Skidkabot server the app talks to (a simulator started by the spec). Required unless `demo`. */
  apiUrl?: string;
  /** Demo mode: the app starts its own simulator. */
  demo?: boolean;
  /** A data directory to reuse (e.g. to restart over the same settings); a fresh temp one otherwise. */
  dataDir?: string;
  /** 'ready': manager password set and shop 4/31337 configured, manager logged out. */
  setup?: 'none' | 'ready';
  viewport?: { width: number; height: number };
  idleClearMs?: number;
  managerIdleMs?: number;
  /** Main's clock and timers for the time rules (a ManualScheduler the spec moves). Chromium harness only. */
  scheduler?: Scheduler;
  /**
   * Where the shop secret goes. Specs leave it out and get the real keytar against the test keyring;
   * the benchmark, which runs without a Secret Service, passes an in-memory store.
   */
  secretStore?: SecretStore;
  /** A USB bus for main to read scanners from (a FakeHidTransport). Chromium harness only: Electron's main uses node-hid. */
  scanner?: ScannerHost;
  /**
   * A running Chromium to open the app's window in: Playwright Test's browser, shared by the tests of
   * one worker. The harness then opens and closes only its own context; without it, it launches one.
   */
  browser?: Browser;
  /** The local API for the POS on this port (0: any free one), as `serve` or the manager's switch turns it on. */
  localApiPort?: number;
  /**
   * A fake camera playing this Y4M clip in a loop (Chromium's fake capture, permission prompt
   * auto-accepted). Capture switches are per browser launch, so the till then gets its own Chromium
   * whatever `browser` says. `deny`: the permission is refused, as by an OS that does not let the app use the camera.
   */
  camera?: FakeCamera;
}

export interface FakeCamera {
  y4m: string;
  deny?: boolean;
}

/** Chromium's fake video capture fed from a file; no real camera is touched. */
function fakeCameraArgs(camera: FakeCamera): string[] {
  // Without the fake prompt the headless browser refuses camera access.
  const prompt = camera.deny ? [] : ['--use-fake-ui-for-media-stream'];
  return ['--use-fake-device-for-media-stream', ...prompt, `--use-file-for-fake-video-capture=${camera.y4m}`];
}

/** One reply the harness's bridge handed to the page, as the page received it. */
export interface BridgeReply {
  channel: string;
  reply: Result<unknown>;
}

export interface LaunchedApp {
  runtime: 'chromium' | 'electron';
  page: Page;
  /** The real main-process core, in this process. Only the Chromium harness has it; under Electron it lives in the app. */
  core: AppCore;
  /** Delivers a scan through the scanner's path in main (`core.deliverScan`), as a HID scanner would. */
  scan(text: string): Promise<void>;
  /**
   * Resolves once nothing is in flight: every call the page made has its reply applied, main handles
   * no call and no device scan, every push has reached the page, and this held over two looks in a
   * row. Checks that something did NOT happen (nothing sent twice, no request) come after it, so a
   * send that arrives a moment late fails them instead of slipping past.
   */
  settled(): Promise<void>;
  /** Saves test-results/screenshots/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Every reply and push the bridge gave the page, for checks such as "the secret never crossed". */
  bridgeLog(): readonly BridgeReply[];
  /**
   * The replies the page got on one invoke channel. Typed by the contract's names, so a renamed
   * channel fails to compile instead of turning "never called" checks vacuous.
   */
  calls(channel: InvokeChannel): readonly BridgeReply[];
  /** Console errors and uncaught page errors, CSP violations included. */
  pageErrors(): readonly string[];
  /** Calls main as the app's own window does, for spec set-up that is not under test. */
  invoke<C extends InvokeChannel>(channel: C, ...args: ChannelArgs<C>): Promise<Result<ChannelReply<C>>>;
  close(): Promise<void>;
}

let electronNoticePrinted = false;

/**
 * Starts the app the way specs drive it. By default: the real main-process core in this Node process
 * (temp data dir, the real keytar against the test keyring), the built renderer on a loopback server
 * with the app's CSP header, Debian's Chromium, and the real built preload wired to the core.
 * With E2E_ELECTRON=1 and an Electron binary installed, the real app instead.
 */
export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  requireBuild();
  if (!options.demo && options.apiUrl === undefined) {
    throw new Error('launchApp: pass apiUrl (e.g. a simulator) or demo: true; specs never call the real Skidkabot server');
  }
  const electronBinary = electronBinaryPath();
  if (process.env['E2E_ELECTRON'] === '1') {
    if (electronBinary.path !== null) return launchElectron(options, electronBinary.path);
    noticeOnce(`E2E_ELECTRON=1, but the Electron run is skipped: ${electronBinary.reason}. Specs run in the Chromium harness.`);
  } else {
    noticeOnce(
      `Electron run skipped: E2E_ELECTRON is not 1${electronBinary.path === null ? ` and ${electronBinary.reason}` : ''}. Specs run in the Chromium harness.`,
    );
  }
  return launchChromium(options);
}

function requireBuild(): void {
  const missing = [path.join(RENDERER_DIR, 'index.html'), PRELOAD_FILE].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`e2e: the app is not built (missing ${missing.map((f) => path.relative(ROOT, f)).join(', ')}). Run \`npm run build\` first.`);
  }
}

/** Read without require('electron'): that call downloads the binary when it is missing. */
function electronBinaryPath(): { path: string; reason?: undefined } | { path: null; reason: string } {
  const pathFile = path.join(ROOT, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return { path: null, reason: 'no Electron binary is installed (node_modules/electron/path.txt is missing)' };
  const binary = path.join(ROOT, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { path: null, reason: `the Electron binary ${path.relative(ROOT, binary)} is missing` };
  return { path: binary };
}

function noticeOnce(message: string): void {
  if (electronNoticePrinted) return;
  electronNoticePrinted = true;
  console.info(`[e2e] ${message}`);
}

async function launchChromium(options: LaunchOptions): Promise<LaunchedApp> {
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async (): Promise<void> => {
    for (const undo of cleanups.reverse()) await undo().catch(() => undefined);
    cleanups.length = 0;
  };
  try {
    const dataDir = options.dataDir ?? (await tempDataDir(cleanups));
    const secretStore = options.secretStore ?? createKeytarSecretStore({ service: `Skidkabot Kassa test ${randomUUID()}` });
    cleanups.push(async () => {
      await secretStore.clear();
    });

    const renderer = await serveRenderer();
    cleanups.push(renderer.close);
    const core = await createAppCore({
      dataDir,
      secretStore,
      demo: options.demo ?? false,
      managerScrypt: CHEAP_SCRYPT,
      ...(options.apiUrl === undefined ? {} : { apiUrl: options.apiUrl }),
      ...(options.idleClearMs === undefined ? {} : { idleClearMs: options.idleClearMs }),
      ...(options.managerIdleMs === undefined ? {} : { managerIdleMs: options.managerIdleMs }),
      ...(options.scanner === undefined ? {} : { scanner: options.scanner }),
      ...(options.localApiPort === undefined ? {} : { localApiPort: options.localApiPort }),
      ...(options.scheduler === undefined ? {} : { scheduler: options.scheduler }),
      trustedOrigin: renderer.origin,
      // As a development run of the app: the feed is checked and downloaded, never installed.
      updater: lazyFeedOnlyUpdater(packageJson.version, dataDir),
    });
    cleanups.push(() => core.close());

    const trusted: SenderInfo = { isMainFrame: true, url: `${renderer.origin}/index.html` };
    if (options.setup === 'ready') await setUpReadyTill(core, trusted, options.demo ?? false, secretStore);

    const shared = options.camera === undefined ? options.browser : undefined;
    const args = options.camera === undefined ? CHROMIUM_ARGS : [...CHROMIUM_ARGS, ...fakeCameraArgs(options.camera)];
    const browser = shared ?? (await chromium.launch({ executablePath: CHROMIUM_PATH, args }));
    if (shared === undefined) cleanups.push(() => browser.close());
    const page = await openPage(browser, options);
    cleanups.push(() => page.context().close());
    const log: BridgeReply[] = [];
    const errors = watchErrors(page);

    let pushes: Promise<void> = Promise.resolve();
    let pushesSent = 0;
    await page.exposeBinding('__kassaHarnessInvoke', async (source, channel: unknown, args: unknown) => {
      const sender: SenderInfo = { isMainFrame: source.frame === source.page.mainFrame(), url: source.frame.url() };
      const reply = await core.dispatch(String(channel), sender, Array.isArray(args) ? args : [args]);
      log.push({ channel: String(channel), reply });
      // Electron delivers what main sent before a reply ahead of that reply; the bridge keeps that order.
      await pushes;
      return reply;
    });
    await page.addInitScript({ content: preloadShim(await readFile(PRELOAD_FILE, 'utf8')) });

    const unsubscribe = core.subscribe((event, payload) => {
      const channel = IPC_PREFIX + event;
      log.push({ channel, reply: { ok: true, value: payload } });
      pushesSent += 1;
      pushes = pushes.then(() =>
        page
          .evaluate(([name, value]) => (globalThis as unknown as HarnessWindow).__kassaHarnessPush?.(name, value), [channel, payload] as const)
          .catch(() => undefined),
      );
    });
    cleanups.push(() => {
      unsubscribe();
      return Promise.resolve();
    });

    await page.goto(`${renderer.origin}/index.html`);
    await page.locator('#root > *').first().waitFor();

    return {
      runtime: 'chromium',
      page,
      core,
      async scan(text) {
        await core.deliverScan(text);
        await pushes;
      },
      settled: () =>
        settle(async () => {
          await pushes;
          const calls = await pageCalls(page);
          return { quiet: calls.issued === calls.replied && core.inFlight() === 0, marker: `${calls.issued}/${pushesSent}` };
        }),
      screenshot: (name) => screenshot(page, name),
      bridgeLog: () => log,
      calls: (channel) => log.filter((entry) => entry.channel === IPC_PREFIX + channel),
      pageErrors: () => errors,
      invoke: callCore(core, { sender: trusted }),
      close: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** The page-side half of the bridge, named so the harness can deliver pushes into it and count its calls. */
interface HarnessWindow {
  __kassaHarnessPush?: (channel: string, payload: unknown) => void;
  __kassaHarnessCalls?: () => Promise<PageCalls>;
}

interface PageCalls {
  issued: number;
  replied: number;
}

/** Calls the page made and replies it has handled, read after the page has run what it had queued. */
async function pageCalls(page: Page): Promise<PageCalls> {
  const calls = await page.evaluate(() => (globalThis as unknown as HarnessWindow).__kassaHarnessCalls?.());
  if (!calls) throw new Error('e2e: the harness bridge is not in the page');
  return calls;
}

/**
 * A promise, in the page, that resolves after the work the page has already queued: a message
 * through a MessageChannel (React's scheduler uses one too), which a fake clock (page.clock) does not
 * hold back as it does timers.
 */
const AFTER_QUEUED_WORK = `new Promise((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(null);
})`;

/** Longest wait for the app to settle: a ceiling for a loaded machine, not a speed goal. */
const SETTLE_CEILING_MS = 15_000;
/** How often to look again while something is in flight. */
const SETTLE_POLL_MS = 10;

/**
 * Looks until two looks in a row find nothing in flight and nothing new started in between (the
 * marker counts what has started), so work that one finished step set off is waited for too.
 */
async function settle(look: () => Promise<{ quiet: boolean; marker: string }>): Promise<void> {
  const deadline = Date.now() + SETTLE_CEILING_MS;
  let quietAt: string | null = null;
  for (;;) {
    const { quiet, marker } = await look();
    if (quiet && quietAt === marker) return;
    quietAt = quiet ? marker : null;
    if (Date.now() > deadline) throw new Error(`e2e: the app did not settle within ${SETTLE_CEILING_MS} ms`);
    if (!quiet) await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
  }
}

/**
 * Runs the built CommonJS preload in the page with an `electron` module that does what Electron's
 * does for a sandboxed preload: contextBridge puts the API on window, ipcRenderer.invoke goes to
 * main (here: the harness binding into the core's dispatch), and on/removeListener receive pushes
 * with an event object first.
 */
function preloadShim(preloadSource: string): string {
  return `(() => {
  const listeners = new Map();
  const invokeMain = window.__kassaHarnessInvoke;
  let issued = 0;
  let replied = 0;
  const afterQueuedWork = () => ${AFTER_QUEUED_WORK};
  Object.defineProperty(window, '__kassaHarnessCalls', {
    value: async () => {
      await afterQueuedWork();
      await afterQueuedWork();
      return { issued, replied };
    },
  });
  Object.defineProperty(window, '__kassaHarnessPush', {
    value: (channel, payload) => {
      for (const listener of [...(listeners.get(channel) ?? [])]) listener({ sender: null }, payload);
    },
  });
  const electron = {
    contextBridge: {
      exposeInMainWorld(name, api) {
        Object.defineProperty(window, name, { value: api, enumerable: true });
      },
    },
    ipcRenderer: {
      invoke(channel, ...args) {
        issued += 1;
        return invokeMain(channel, args).finally(() => {
          replied += 1;
        });
      },
      on(channel, listener) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel).add(listener);
        return this;
      },
      removeListener(channel, listener) {
        listeners.get(channel)?.delete(listener);
        return this;
      },
    },
  };
  const module = { exports: {} };
  const require = (name) => {
    if (name === 'electron') return electron;
    throw new Error('A sandboxed preload can only require electron, not ' + name);
  };
  (function (require, module, exports) {
${preloadSource}
  })(require, module, module.exports);
})();`;
}

async function setUpReadyTill(core: AppCore, sender: SenderInfo, demo: boolean, secretStore: SecretStore): Promise<void> {
  const call = callCore(core, { sender });
  value(await call('manager.setupPassword', MANAGER_PASSWORD), 'launchApp setup: manager.setupPassword');
  if (!demo) {
    value(await call('settings.setSecret', READY_SHOP.secret), 'launchApp setup: settings.setSecret');
    const view = value(await call('settings.get'), 'launchApp setup: settings.get');
    value(await call('settings.save', { ...view.settings, shopCode: READY_SHOP.code }), 'launchApp setup: settings.save');
    const stored = await secretStore.get();
    if (!stored.ok || stored.value !== READY_SHOP.secret) throw new Error('launchApp setup: the test keyring did not keep the shop secret');
  }
  value(await call('manager.logout'), 'launchApp setup: manager.logout');
}

async function tempDataDir(cleanups: (() => Promise<void>)[]): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kassa-e2e-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * The built renderer on 127.0.0.1, mapped to files and headers exactly as the app's own scheme
 * handler does (same resolver, same CSP header), only over http.
 */
async function serveRenderer(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    // Chromium asks a web page for its icon; Electron's window does not. An empty answer keeps the
    // 404 out of the console errors the specs check.
    if (pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file = resolveAppFile(`${APP_ORIGIN}${pathname}`, RENDERER_DIR);
    if (request.method !== 'GET' || file === null) {
      response.writeHead(404).end();
      return;
    }
    readFile(file.filePath).then(
      (body) => response.writeHead(200, responseHeaders(file.contentType)).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function openPage(browser: Browser, options: LaunchOptions): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
  });
  return context.newPage();
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * The real app under Electron. Main owns the core there, so `core`, `bridgeLog` and `invoke` are not
 * reachable from the test; `scan` goes through a hook main exposes when SKIDKABOT_E2E=1.
 */
async function launchElectron(options: LaunchOptions, executablePath: string): Promise<LaunchedApp> {
  if (!existsSync(ELECTRON_MAIN)) throw new Error(`e2e: ${path.relative(ROOT, ELECTRON_MAIN)} is missing. Run \`npm run build\` first.`);
  if (options.scanner) throw new Error('e2e: a fake USB bus needs the in-process core of the Chromium harness; run without E2E_ELECTRON=1');
  if (options.scheduler) throw new Error("e2e: a spec's clock for main needs the in-process core of the Chromium harness; run without E2E_ELECTRON=1");
  const cleanups: (() => Promise<void>)[] = [];
  const dataDir = options.dataDir ?? (await tempDataDir(cleanups));
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    SKIDKABOT_E2E: '1',
    SKIDKABOT_DATA_DIR: dataDir,
    SKIDKABOT_KEYCHAIN_SERVICE: `Skidkabot Kassa test ${randomUUID()}`,
  };
  if (options.apiUrl !== undefined) env['SKIDKABOT_API_URL'] = options.apiUrl;
  const app: ElectronApplication = await _electron.launch({
    executablePath,
    args: [ELECTRON_MAIN, ...(options.demo ? ['--demo'] : []), ...(options.camera ? fakeCameraArgs(options.camera) : [])],
    env,
  });
  cleanups.push(() => app.close());
  const page = await app.firstWindow();
  const errors = watchErrors(page);
  await page.locator('#root > *').first().waitFor();
  const unavailable = (what: string) => () => {
    throw new Error(`e2e: ${what} needs the in-process core of the Chromium harness; it is not reachable under Electron`);
  };
  const launched: LaunchedApp = {
    runtime: 'electron',
    page,
    get core(): AppCore {
      return unavailable('core')();
    },
    async scan(text) {
      await app.evaluate(async (_electron, scanned) => {
        const hook = (globalThis as { skidkabotE2E?: { deliverScan(text: string): Promise<void> } }).skidkabotE2E;
        if (!hook) throw new Error('main did not expose globalThis.skidkabotE2E (SKIDKABOT_E2E=1)');
        await hook.deliverScan(scanned);
      }, text);
    },
    // Electron's IPC has no counter in the page: main's count after the page has run its queued work.
    settled: () =>
      settle(async () => {
        await page.evaluate(AFTER_QUEUED_WORK);
        const busy = await app.evaluate(() => (globalThis as { skidkabotE2E?: { inFlight(): number } }).skidkabotE2E?.inFlight() ?? 0);
        return { quiet: busy === 0, marker: 'main' };
      }),
    screenshot: (name) => screenshot(page, name),
    bridgeLog: unavailable('bridgeLog'),
    calls: unavailable('calls'),
    pageErrors: () => errors,
    invoke: unavailable('invoke'),
    async close() {
      for (const undo of cleanups.reverse()) await undo().catch(() => undefined);
      cleanups.length = 0;
    },
  };
  if (options.setup === 'ready') await setUpThroughPage(page, options.demo ?? false);
  return launched;
}

/** Under Electron the only way into main is the page's own bridge: set up the till through it. */
async function setUpThroughPage(page: Page, demo: boolean): Promise<void> {
  const failure = await page.evaluate(
    async ({ password, shop, demoMode }) => {
      const kassa = (globalThis as unknown as { kassa: KassaApi }).kassa;
      const steps: (() => Promise<Result<unknown>>)[] = [() => kassa.manager.setupPassword(password)];
      if (!demoMode) {
        steps.push(() => kassa.settings.setSecret(shop.secret));
        steps.push(async () => {
          const view = await kassa.settings.get();
          return view.ok ? kassa.settings.save({ ...view.value.settings, shopCode: shop.code }) : view;
        });
      }
      steps.push(() => kassa.manager.logout());
      for (const step of steps) {
        const reply = await step();
        if (!reply.ok) return reply.error.message;
      }
      return null;
    },
    { password: MANAGER_PASSWORD, shop: READY_SHOP, demoMode: demo },
  );
  if (failure !== null) throw new Error(`launchApp setup under Electron: ${failure}`);
  await page.reload();
}
