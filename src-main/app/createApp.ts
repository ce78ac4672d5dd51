import path from 'node:path';
import { codedError } from '../../src-shared/errors';
import type { AppError, Result } from '../../src-shared/errors';
import type { EventChannel } from '../../src-shared/ipc/channelNames';
import type { EventPayloads } from '../../src-shared/ipc/contract';
import type { Scheduler } from '../../src-shared/keyboard/scheduler';
import type { AppState, CheckoutView, SettingsView } from '../../src-shared/ipc/views';
import { DEFAULT_API_URL } from '../../src-shared/settings/settings';
import type { Settings } from '../../src-shared/settings/settings';
import { createDispatcher, trustedSender } from '../ipc/dispatch';
import type { JournalFs } from '../journal/fsPort';
import type { Dispatch, Handlers, SenderInfo } from '../ipc/dispatch';
import { ensurePrivateDir } from '../fs/privateDir';
import { PasswordGuard, type ScryptParams } from '../manager/passwordGuard';
import type { NetworkSetup } from '../skidkabot/net/networkSetup';
import packageJson from '../../package.json' with { type: 'json' };
import { noUpdater } from '../update/noUpdater';
import { updateHandlers } from '../update/updateHandlers';
import type { UpdaterPort } from '../update/updaterPort';
import { UpdateService } from '../update/updateService';
import { UpdateStore } from '../update/updateStore';
import { MemorySecretStore } from '../settings/secretStore';
import type { SecretStore } from '../settings/secretStore';
import { SettingsStore } from '../settings/settingsStore';
import { DEMO_SHOP } from '../simulator/demoData';
import type { Simulator } from '../simulator/simulator';
import { buildAppState, SERVER_NOT_ASKED, serverStateAfter } from './appState';
import { backgroundScheduler } from './backgroundScheduler';
import { CheckoutSession } from './checkoutSession';
import { journalHandlers } from './journalHandlers';
import { folderTarget, JournalService } from './journalService';
import type { ExportTarget } from './journalService';
import { ScannerBridge } from './scannerBridge';
import type { ScannerHost } from './scannerBridge';
import { ShopConnection } from './shopConnection';
import { LocalApiHost } from './localApiHost';
import { TillOperationFeed, tillApiBackend } from './tillApiBackend';
import type { SettingsSink, ShopSource } from './shopConnection';

export interface AppOptions {
  dataDir: string;
  secretStore: SecretStore;
  /** Start the built-in simulator in-process and work as its demo shop; nothing is saved. */
  demo?: boolean;
  /** Overrides the settings' server address (tests, SKIDKABOT_API_URL). */
  apiUrl?: string;
  /** The clock for what main records and decides by time; the scheduler's clock when not given. */
  now?: () => number;
  /**
   * Runs the time rules' timers (idle clear, the manager's session end): real time by default, a
   * ManualScheduler in tests, so they move time instead of sleeping.
   */
  scheduler?: Scheduler;
  /** Customer data is cleared after this idle period (privacy at the till). */
  idleClearMs?: number;
  /** The manager is logged out after this idle period. */
  managerIdleMs?: number;
  /** The manager password's scrypt cost; tests only, to keep each login cheap. */
  managerScrypt?: ScryptParams;
  /** The only origin whose main frame may call: 'app://kassa' in Electron, the harness's http origin in tests. */
  trustedOrigin: string;
  /** USB scanners read in main: node-hid in Electron, a fake bus in tests. Without it scans come only from the window. */
  scanner?: ScannerHost;
  /** Where a journal export goes: the save dialog in Electron; `<dataDir>/exports` when not given. */
  exportTarget?: ExportTarget;
  /** The disk as the journal sees it: the fault suite hands in one that fills up on demand. */
  journalFs?: JournalFs;
  /** Longest the cashier waits for one server call; the client's default (15 s) when not given. */
  clientTimeoutMs?: number;
  /** `serve`: the local API on, on this port (0: any free one), whatever the manager's settings say. */
  localApiPort?: number;
  /** The OS proxy and certificate store in Electron; direct with Node's roots when not given. The demo's simulator is always direct. */
  network?: NetworkSetup;
  /**
   * electron-updater in the installed app, the feed checked without installing in a development or
   * demo run (lazyFeedOnlyUpdater); when not given, updates are not this core's business (`serve`).
   */
  updater?: UpdaterPort;
  /** The running version, as the updater compares it and the local API reports it; package.json's when not given. */
  appVersion?: string;
}

export interface AppCore {
  dispatch(channel: string, sender: SenderInfo, args: unknown[]): Promise<Result<unknown>>;
  subscribe(listener: (event: EventChannel, payload: unknown) => void): () => void;
  /** A scan from a scanner read in main; the same path as scan.submit. */
  deliverScan(text: string): Promise<void>;
  /** The window has the camera open (camera.setOpen): main grants `media` only then. */
  isCameraOpen(): boolean;
  /** The window reloaded or its renderer died: whatever had the camera open is gone. */
  releaseCamera(): void;
  /** Where the local API serves, or null when it is off; `problem` when it was asked for and did not start. */
  localApi(): { url: string; tokenFile: string } | null;
  localApiProblem(): AppError | null;
  /** Why this core cannot write the journal (another process holds it), or null when it can. */
  journalProblem(): AppError | null;
  /**
   * Renderer calls and device scans being handled now: 0 once main has nothing in flight. Tests wait
   * for 0 before a check that something did NOT happen, so a late second send cannot slip past it.
   */
  inFlight(): number;
  close(): Promise<void>;
}

/** The vendor's public test shop on the real server (skidkabot-api.md). */
const VENDOR_TEST_SHOP = { code: 4, secret: 31337 } as const;

const DEFAULT_IDLE_CLEAR_MS = 60_000;
const DEFAULT_MANAGER_IDLE_MS = 5 * 60_000;

/** Demo settings live in memory: a demo must not overwrite the shop's real settings file. */
const discardSettings: SettingsSink = { save: () => Promise.resolve() };

/**
 * The composition root shared by Electron and the Playwright harness: the services, the checkout,
 * the manager's password and the one dispatcher every renderer call goes through.
 */
export async function createAppCore(options: AppOptions): Promise<AppCore> {
  const scheduler = options.scheduler ?? backgroundScheduler;
  const now = options.now ?? (() => scheduler.now());
  const settingsStore = new SettingsStore(options.dataDir);
  const loaded = await settingsStore.load();
  // Best effort: a folder that cannot be made private now is reported by the first write into it.
  await ensurePrivateDir(options.dataDir).catch(() => undefined);
  const guard = await PasswordGuard.open(options.dataDir, {
    now,
    idleMs: options.managerIdleMs ?? DEFAULT_MANAGER_IDLE_MS,
    ...(options.managerScrypt ? { scrypt: options.managerScrypt } : {}),
  });

  let simulator: Simulator | null = null;
  const demoSource = async (settings: Settings): Promise<ShopSource> => {
    // The demo's simulator (with its fault machinery) is loaded only for a demo.
    simulator ??= await (await import('../simulator/simulator')).startSimulator();
    return {
      settings: { ...settings, shopCode: DEMO_SHOP.code },
      sink: discardSettings,
      secretStore: new MemorySecretStore(DEMO_SHOP.secret),
      apiUrl: simulator.url,
      demo: true,
      ...(options.clientTimeoutMs === undefined ? {} : { totalTimeoutMs: options.clientTimeoutMs }),
    };
  };
  const realSource: ShopSource = {
    settings: loaded.settings,
    sink: settingsStore,
    secretStore: options.secretStore,
    apiUrl: options.apiUrl,
    demo: false,
    ...(options.clientTimeoutMs === undefined ? {} : { totalTimeoutMs: options.clientTimeoutMs }),
    ...(options.network === undefined ? {} : { network: options.network }),
  };
  const shop = await ShopConnection.open(options.demo ? await demoSource(loaded.settings) : realSource);

  const listeners = new Set<(event: EventChannel, payload: unknown) => void>();
  const emit = <E extends EventChannel>(event: E, payload: EventPayloads[E]): void => {
    for (const listener of listeners) listener(event, payload);
  };

  let server: AppState['server'] = SERVER_NOT_ASKED;
  /**
   * A balance query in flight: the pending state it showed, and the state a drop restores. Restored only
   * while the pending state is still shown; anything that heard from the server since is newer.
   */
  let request: { pending: AppState['server']; before: AppState['server'] } | null = null;
  let scanner: AppState['scanner'] = { state: 'ready', message: 'Сканер работает как клавиатура', key: 'scannerState.keyboard' };
  const fixedProblems = [loaded.problem, guard.problem].filter((p): p is AppError => p !== null);

  const state = (): AppState =>
    buildAppState({
      demo: shop.demo,
      settings: shop.settings,
      secretSet: shop.secretSet,
      problems: [...fixedProblems, ...journal.problems(), ...(shop.problem ? [shop.problem] : [])],
      server,
      scanner,
      manager: guard.status(),
      secretUnreadable: shop.secretUnreadable,
      unresolved: journal.unresolvedCount(),
    });
  const pushState = (): AppState => {
    const current = state();
    emit('appState', current);
    return current;
  };
  /** The status line after any call to the server: from the till, the local API or the manager's check. */
  const serverAnswered = (error: AppError | null): void => {
    server = serverStateAfter(error, now());
    pushState();
  };

  // Every accrual and redemption, the till's and the manager's, is written here before it is sent.
  const tillOperations = new TillOperationFeed();
  const journal = await JournalService.open({
    dataDir: options.dataDir,
    now,
    demo: shop.demo,
    ...(options.journalFs ? { fs: options.journalFs } : {}),
    shop: { client: () => shop.client(), shopCode: () => shop.settings.shopCode, kassa: () => shop.settings.kassa },
    onChange: () => {
      emit('journal', { unresolved: journal.unresolvedCount() });
      pushState();
    },
    scannedQr: () => checkout.scannedQr(),
    onOperation: (view) => tillOperations.publish(view),
  });

  const checkout = new CheckoutSession({
    shop: {
      shopCode: () => shop.settings.shopCode,
      rules: () => shop.settings.rules,
      client: () => shop.client(),
      retrySecret: async () => {
        if (!shop.secretUnreadable) return;
        await shop.retrySecret();
        pushState();
      },
    },
    operations: journal,
    now,
    onServerCall: serverAnswered,
    onServerStart: () => {
      const pending: AppState['server'] = { state: 'pending', message: 'Запрос к серверу', at: now() };
      request = { pending, before: server };
      server = pending;
      pushState();
    },
    onServerDropped: () => {
      if (request && server === request.pending) server = request.before;
      request = null;
      pushState();
    },
    onChange: (view: CheckoutView) => emit('checkout', view),
    idleClearMs: options.idleClearMs ?? DEFAULT_IDLE_CLEAR_MS,
    scheduler,
  });

  let inFlight = 0;
  const tracked = async <T>(work: () => Promise<T>): Promise<T> => {
    inFlight += 1;
    try {
      return await work();
    } finally {
      inFlight -= 1;
    }
  };

  const scanners = new ScannerBridge({
    host: options.scanner ?? null,
    pinned: shop.settings.scanner.pinned,
    now,
    checkout: { scan: (text) => tracked(() => checkout.scan(text)), view: () => checkout.view() },
    savePin: (pinned) => shop.saveSettings({ ...shop.settings, scanner: { pinned } }),
    onState: (next) => {
      scanner = next;
      pushState();
    },
    onEvent: (event) => emit('scanner', event),
  });
  scanners.start();

  /** Tells the renderer when an idle manager session ends, so the manager screen closes by itself. */
  let cancelManagerTimer: (() => void) | null = null;
  const stopWatchingManager = (): void => {
    cancelManagerTimer?.();
    cancelManagerTimer = null;
  };
  const watchManagerSession = (): void => {
    stopWatchingManager();
    const endsAt = guard.sessionEndsAt();
    if (endsAt === null) return;
    cancelManagerTimer = scheduler.setTimer(
      () => {
        if (guard.isLoggedIn()) watchManagerSession();
        else pushState();
      },
      Math.max(0, endsAt - now()),
    );
  };

  /** Runs a manager action only inside a live session, and keeps the session alive. */
  const asManager = async <T>(action: () => Promise<Result<T>>): Promise<Result<T>> => {
    const denied = guard.requireLogin();
    if (denied) {
      pushState();
      return { ok: false, error: denied };
    }
    watchManagerSession();
    return action();
  };

  const appVersion = options.appVersion ?? packageJson.version;
  // Independent files in the data folder: the two start side by side.
  const [localApi, updates] = await Promise.all([
    LocalApiHost.open({
      dataDir: options.dataDir,
      announce: !shop.demo,
      ...(options.localApiPort === undefined ? {} : { forcedPort: options.localApiPort }),
      backend: tillApiBackend({
        version: appVersion,
        shop,
        journal,
        feed: tillOperations,
        state: () => ({ server, scanner, demo: shop.demo }),
        onServerCall: serverAnswered,
        showPurchase: (purchaseKopecks) => emit('tillPurchase', { purchaseKopecks }),
      }),
    }),
    UpdateService.open({
      port: options.updater ?? noUpdater(),
      store: new UpdateStore(options.dataDir),
      appVersion,
      now,
      activity: () => {
        const view = checkout.view();
        return { operationInFlight: view.busy, checkoutOpen: view.stage !== 'idle' };
      },
    }),
  ]);

  /** A look that is not the manager's activity: a section polling its status must not keep an idle session open. */
  const peekAsManager = <T>(action: () => Promise<Result<T>>): Promise<Result<T>> => (guard.isLoggedIn() ? action() : asManager(action));
  let cameraOpen = false;

  const settingsView = (): SettingsView => ({ settings: shop.settings, secretSet: shop.secretSet });

  const handlers: Handlers = {
    'app.getState': () => Promise.resolve({ ok: true, value: state() }),
    'scan.submit': (text, origin) => scanners.fromWindow(text, origin),
    'checkout.accrue': ({ purchaseKopecks, confirmDuplicate }) => checkout.accrue(purchaseKopecks, confirmDuplicate),
    'checkout.redeem': ({ purchaseKopecks, bonuses, confirmDuplicate }) => checkout.redeem(purchaseKopecks, bonuses, confirmDuplicate),
    'checkout.clear': () => Promise.resolve(checkout.clear()),
    'checkout.touch': () => Promise.resolve(checkout.touch()),
    'checkout.cancelRepeat': () => Promise.resolve(checkout.cancelRepeat()),
    'manager.setupPassword': async (password) => {
      const done = await guard.setup(password);
      watchManagerSession();
      const current = pushState();
      return done.ok ? { ok: true, value: current } : done;
    },
    'manager.login': async (password) => {
      const done = await guard.login(password);
      watchManagerSession();
      const current = pushState();
      return done.ok ? { ok: true, value: current } : done;
    },
    'manager.logout': () => {
      guard.logout();
      stopWatchingManager();
      return Promise.resolve({ ok: true, value: pushState() });
    },
    'settings.get': () => asManager(() => Promise.resolve({ ok: true, value: settingsView() })),
    'settings.save': (settings) =>
      asManager(async () => {
        const saved = await shop.saveSettings({ ...settings, scanner: shop.settings.scanner, camera: shop.settings.camera });
        if (!saved.ok) return saved;
        checkout.reset();
        pushState();
        return { ok: true, value: settingsView() };
      }),
    'settings.setSecret': (secret) =>
      asManager(async () => {
        const stored = await shop.setSecret(secret);
        pushState();
        return stored.ok ? { ok: true, value: settingsView() } : stored;
      }),
    'settings.testConnection': () =>
      asManager(async () => {
        const client = shop.client();
        if (!client.ok) return client;
        const checked = await client.value.checkShop();
        serverAnswered(checked.ok ? null : checked.error);
        return checked;
      }),
    'firstRun.choose': (choice) =>
      asManager(async () => {
        if (state().phase !== 'setup-shop') {
          return { ok: false, error: codedError('input', 'settings.alreadySetUp') };
        }
        if (choice === 'demo') {
          await shop.switchTo(await demoSource(shop.settings));
          await journal.useDemo();
        } else {
          // The secret first: saving settings that point at a shop without its secret would leave the till half set up.
          const stored = await shop.setSecret(VENDOR_TEST_SHOP.secret);
          if (!stored.ok) {
            pushState();
            return stored;
          }
          const saved = await shop.saveSettings({ ...shop.settings, shopCode: VENDOR_TEST_SHOP.code, apiUrl: DEFAULT_API_URL });
          if (!saved.ok) return saved;
        }
        checkout.reset();
        return { ok: true, value: pushState() };
      }),
    'demo.customers': () => Promise.resolve({ ok: true, value: shop.demo && simulator ? simulator.demoCustomers() : [] }),
    ...journalHandlers({
      journal,
      asManager,
      exportTarget: options.exportTarget ?? folderTarget(path.join(options.dataDir, 'exports')),
      onExportProgress: (progress) => emit('journalExport', progress),
    }),
    'scanner.list': async () => ({ ok: true, value: await scanners.list() }),
    'scanner.pin': (deviceId) => asManager(() => scanners.pin(deviceId)),
    'scanner.redirectToHidPos': (deviceId) => asManager(() => scanners.redirectToHidPos(deviceId)),
    'localApi.get': () => asManager(() => Promise.resolve({ ok: true, value: localApi.view() })),
    'localApi.save': (settings) => asManager(() => localApi.save(settings)),
    'localApi.newToken': () => asManager(() => localApi.newToken()),
    ...updateHandlers(updates, asManager, peekAsManager),
    'camera.choose': (camera) =>
      asManager(async () => {
        const saved = await shop.saveSettings({ ...shop.settings, camera });
        if (!saved.ok) return saved;
        pushState();
        return { ok: true, value: { ...shop.settings.camera } };
      }),
    'camera.setOpen': (open) => {
      cameraOpen = open;
      return Promise.resolve({ ok: true, value: { open } });
    },
  };

  const dispatch: Dispatch = createDispatcher(handlers, trustedSender(options.trustedOrigin));

  return {
    dispatch: (channel, sender, args) => tracked(() => dispatch(channel, sender, args)),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    deliverScan: (text) => scanners.fromDevice(text),
    isCameraOpen: () => cameraOpen,
    releaseCamera: () => {
      cameraOpen = false;
    },
    inFlight: () => inFlight,
    localApi: () => localApi.address(),
    localApiProblem: () => localApi.startProblem(),
    journalProblem: () => (journal.writer ? null : (journal.problems().find((problem) => problem.kind === 'journal') ?? codedError('journal', 'journal.readOnlyPlain'))),
    async close() {
      await localApi.close();
      await scanners.close();
      updates.close();
      stopWatchingManager();
      checkout.close();
      shop.close();
      listeners.clear();
      await journal.close();
      await simulator?.close();
    },
  };
}
