import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IPC_PREFIX } from '../../src-shared/ipc/channelNames';
import { ManualScheduler } from '../../src-shared/keyboard/scheduler';
import type { AppState, CheckoutView } from '../../src-shared/ipc/views';
import { DEFAULT_API_URL, DEFAULT_SETTINGS } from '../../src-shared/settings/settings';
import type { Settings } from '../../src-shared/settings/settings';
import { MemorySecretStore } from '../settings/secretStore';
import type { SecretStore } from '../settings/secretStore';
import { SETTINGS_FILE } from '../settings/settingsStore';
import { DEMO_CUSTOMERS, OTHER_SHOP_CUSTOMER } from '../simulator/demoData';
import { startFaultySimulator } from '../../test-support/simulator/faultySimulator';
import type { FaultySimulator } from '../../test-support/simulator/faultySimulator';
import type { AppOptions } from './createApp';
import { ORIGIN, value } from '../../test-support/app/callCore';
import { closeTestCores, openTestCore } from '../../test-support/app/testCore';
import type { TestCore } from '../../test-support/app/testCore';
import { closedPort } from '../../test-support/skidkabot/closedPort';

const PASSWORD = 'пароль-менеджера';
const SHOP_SECRET = 31337;
// Иван Петров, 2365 bonuses; the demo shop gives 2 % and lets redeem 10 %.
const IVAN = { client: 83532824, firstName: 'Иван', balance: 2365 };

type Harness = TestCore;

let sim: FaultySimulator;
let dataDir: string;
let clock: number;

beforeEach(async () => {
  sim = await startFaultySimulator();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kassa-app-'));
  clock = Date.now();
});

afterEach(async () => {
  await closeTestCores();
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
});

function open(overrides: Partial<AppOptions> = {}): Promise<Harness> {
  return openTestCore({ dataDir, apiUrl: sim.url, now: () => clock, ...overrides });
}

const shopSettings: Settings = { ...DEFAULT_SETTINGS, shopCode: 4 };

/** First run done the long way: password, shop code, secret. */
async function readyTill(overrides: Partial<AppOptions> = {}): Promise<Harness> {
  const app = await open(overrides);
  value(await app.call('manager.setupPassword', PASSWORD));
  value(await app.call('settings.save', shopSettings));
  value(await app.call('settings.setSecret', SHOP_SECRET));
  return app;
}

function customerOf(view: CheckoutView): { firstName: string; balance: number } {
  if (view.stage === 'idle') throw new Error('no customer on screen');
  return view.customer;
}

function waitForEvent(app: Harness, test: (event: string, payload: unknown) => boolean): Promise<unknown> {
  return new Promise((resolve) => {
    const off = app.core.subscribe((event, payload) => {
      if (test(event, payload)) {
        off();
        resolve(payload);
      }
    });
  });
}

describe('first run', () => {
  it('goes password → shop → till, and remembers all three after a restart', async () => {
    const secrets = new MemorySecretStore();
    const app = await open({ secretStore: secrets });
    expect(value(await app.call('app.getState'))).toMatchObject({
      phase: 'setup-password',
      manager: { passwordSet: false, loggedIn: false },
      server: { state: 'unknown' },
    });

    const state = value(await app.call('manager.setupPassword', PASSWORD));
    expect(state).toMatchObject({ phase: 'setup-shop', manager: { passwordSet: true, loggedIn: true } });

    value(await app.call('settings.save', { ...shopSettings, kassa: 3 }));
    expect(value(await app.call('app.getState')).phase).toBe('setup-shop');
    const view = value(await app.call('settings.setSecret', SHOP_SECRET));
    expect(view).toEqual({ settings: { ...shopSettings, kassa: 3 }, secretSet: true });
    expect(value(await app.call('app.getState'))).toMatchObject({ phase: 'ready', shopCode: 4, kassa: 3, secretSet: true });

    const file = await readFile(path.join(dataDir, SETTINGS_FILE), 'utf8');
    expect(file).not.toMatch(/31337/);

    const again = await open({ secretStore: secrets });
    expect(value(await again.call('app.getState'))).toMatchObject({ phase: 'ready', manager: { passwordSet: true, loggedIn: false } });
  });

  it('offers the vendor test shop on the real server address', async () => {
    const secrets = new MemorySecretStore();
    const app = await open({ secretStore: secrets });
    value(await app.call('manager.setupPassword', PASSWORD));
    const state = value(await app.call('firstRun.choose', 'test-shop'));
    expect(state).toMatchObject({ phase: 'ready', shopCode: 4, secretSet: true, demo: false });
    expect(value(await secrets.get())).toBe(SHOP_SECRET);
    expect(JSON.parse(await readFile(path.join(dataDir, SETTINGS_FILE), 'utf8'))).toMatchObject({ shopCode: 4, apiUrl: DEFAULT_API_URL });
    // Once set up, the shortcut is closed.
    const again = await app.call('firstRun.choose', 'demo');
    expect(again).toMatchObject({ ok: false, error: { kind: 'input' } });
  });

  it('offers demo mode: the simulator in-process, its customers, nothing saved', async () => {
    const app = await open({ apiUrl: undefined });
    value(await app.call('manager.setupPassword', PASSWORD));
    expect(value(await app.call('demo.customers'))).toEqual([]);
    expect(value(await app.call('firstRun.choose', 'demo'))).toMatchObject({ phase: 'ready', demo: true, shopCode: 4, secretSet: true });
    const customers = value(await app.call('demo.customers'));
    expect(customers.length).toBeGreaterThanOrEqual(DEMO_CUSTOMERS.length);
    const ivan = customers.find((c) => c.label.startsWith('Иван Петров'));
    const view = value(await app.call('scan.submit', ivan?.qrText ?? ''));
    expect(customerOf(view)).toMatchObject({ firstName: IVAN.firstName, balance: IVAN.balance });
    expect(await readdir(dataDir)).not.toContain(SETTINGS_FILE);
  });

  it('starts straight in demo mode with --demo', async () => {
    const app = await open({ demo: true, apiUrl: undefined });
    expect(value(await app.call('app.getState'))).toMatchObject({ phase: 'setup-password', demo: true });
    value(await app.call('manager.setupPassword', PASSWORD));
    expect(value(await app.call('app.getState'))).toMatchObject({ phase: 'ready', demo: true });
    const customers = value(await app.call('demo.customers'));
    const ira = customers.find((c) => c.label.includes('<b>Ира</b>'));
    const view = value(await app.call('scan.submit', ira?.qrText ?? ''));
    expect(customerOf(view).firstName).toBe('<b>Ира</b>');
  });

  it('reports a damaged settings file instead of crashing', async () => {
    await writeFile(path.join(dataDir, SETTINGS_FILE), '{"shopCode": "четыре"');
    const app = await open();
    const state = value(await app.call('app.getState'));
    expect(state.problems).toHaveLength(1);
    expect(state.problems[0]).toMatchObject({ kind: 'config' });
  });

  it('reports a keychain that does not answer and keeps the secret out of any file', async () => {
    const broken: SecretStore = {
      get: () => Promise.resolve({ ok: true, value: null }),
      set: () => Promise.resolve({ ok: false, error: { kind: 'config', message: 'Хранилище паролей ОС недоступно.' } }),
      clear: () => Promise.resolve({ ok: true, value: undefined }),
    };
    const app = await open({ secretStore: broken });
    value(await app.call('manager.setupPassword', PASSWORD));
    const stored = await app.call('settings.setSecret', SHOP_SECRET);
    expect(stored).toMatchObject({ ok: false, error: { kind: 'config' } });
    const state = value(await app.call('app.getState'));
    expect(state).toMatchObject({ phase: 'setup-shop', secretSet: false });
    expect(state.problems.map((p) => p.message)).toContain('Хранилище паролей ОС недоступно.');
    // The journal's folder too: every file the app wrote.
    for (const entry of await readdir(dataDir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) expect(await readFile(path.join(entry.parentPath, entry.name), 'utf8')).not.toMatch(/31337/);
    }
  });
});

describe('checkout against the simulator', () => {
  it('shows the customer after a scan, with the rules in force', async () => {
    const app = await readyTill();
    const view = value(await app.call('scan.submit', sim.issueQr(IVAN.client)));
    expect(view).toEqual({
      stage: 'customer',
      busy: false,
      error: null,
      customer: {
        client: IVAN.client,
        firstName: 'Иван',
        lastName: 'Петров',
        balance: 2365,
        rules: { ...DEFAULT_SETTINGS.rules, pPlus: 2, pMinus: 10 },
      },
    });
    expect(app.events.filter((e) => e.event === 'checkout').at(-1)?.payload).toEqual(view);
    // The status line said a request was out, then that the server answered.
    const servers = app.events.filter((e) => e.event === 'appState').map((e) => (e.payload as AppState).server.state);
    expect(servers.slice(-2)).toEqual(['pending', 'ok']);
    expect(value(await app.call('app.getState')).server).toMatchObject({ state: 'ok', at: clock });
  });

  it('Esc during a balance query puts the status line back to what it said before the query', async () => {
    const app = await readyTill();
    value(await app.call('scan.submit', sim.issueQr(IVAN.client)));
    const before = value(await app.call('app.getState')).server;
    sim.injectFault({ kind: 'slow', delayMs: 60_000 }, { endpoint: 'balance' });
    const dropped = app.call('scan.submit', sim.issueQr(IVAN.client));
    await expect.poll(() => sim.held()).toBe(1);
    expect(value(await app.call('app.getState')).server.state).toBe('pending');
    value(await app.call('checkout.clear'));
    value(await dropped);
    expect(value(await app.call('app.getState')).server).toEqual(before);
    sim.releaseDelays();
  });

  it('decodes a scan typed on a Russian layout', async () => {
    const app = await readyTill();
    const qr = sim.issueQr(IVAN.client);
    const russian = qr.replace(/./g, (ch) => RU_FOR_US[ch] ?? ch);
    expect(customerOf(value(await app.call('scan.submit', russian))).firstName).toBe('Иван');
  });

  it('accrues bonuses computed in main from the purchase', async () => {
    const app = await readyTill();
    value(await app.call('scan.submit', sim.issueQr(IVAN.client)));
    const view = value(await app.call('checkout.accrue', { purchaseKopecks: 1000_00 }));
    expect(view.stage).toBe('done');
    if (view.stage !== 'done') return;
    expect(view.outcomes).toEqual([expect.objectContaining({ status: 'applied', kind: 'accrue', bonuses: 20, balance: 2385 })]);
    expect(view.customer.balance).toBe(2385);
    expect(sim.balanceOf(IVAN.client)).toBe(2385);
    // A second press on the 'done' screen does not accrue again.
    const again = value(await app.call('checkout.accrue', { purchaseKopecks: 1000_00 }));
    expect(again.error).toMatchObject({ kind: 'input' });
    expect(sim.balanceOf(IVAN.client)).toBe(2385);
  });

  it('redeems and accrues on the part paid with money', async () => {
    const app = await readyTill();
    value(await app.call('scan.submit', sim.issueQr(IVAN.client)));
    const view = value(await app.call('checkout.redeem', { purchaseKopecks: 1000_00, bonuses: 50 }));
    if (view.stage !== 'done') throw new Error(`expected done, got ${JSON.stringify(view)}`);
    // 2 % of the 950 rubles paid with money.
    expect(view.outcomes).toEqual([
      expect.objectContaining({ status: 'applied', kind: 'redeem', bonuses: 50, balance: 2315 }),
      expect.objectContaining({ status: 'applied', kind: 'accrue', bonuses: 19, balance: 2334 }),
    ]);
    expect(view.error).toBeNull();
    expect(sim.balanceOf(IVAN.client)).toBe(2334);
  });

  it('counts what main has in flight, back to 0 when the operation is done', async () => {
    const app = await readyTill();
    value(await app.call('scan.submit', sim.issueQr(IVAN.client)));
    sim.injectFault({ kind: 'slow', delayMs: 200 }, { endpoint: 'plus' });
    expect(app.core.inFlight()).toBe(0);
    const accrual = app.call('checkout.accrue', { purchaseKopecks: 1000_00 });
    expect(app.core.inFlight()).toBeGreaterThan(0);
    expect(value(await accrual).stage).toBe('done');
    expect(app.core.inFlight()).toBe(0);
    const scan = app.core.deliverScan(sim.issueQr(IVAN.client));
    expect(app.core.inFlight()).toBeGreaterThan(0);
    await scan;
    expect(app.core.inFlight()).toBe(0);
  });

  it('shows a server refusal in words and keeps the server state ok', async () => {
    const app = await readyTill();
    sim.injectFault({ kind: 'code', code: 9, text: 'QR-код устарел.' }, { endpoint: 'balance' });
    const view = value(await app.call('scan.submit', sim.issueQr(IVAN.client)));
    expect(view).toMatchObject({ stage: 'idle', error: { kind: 'server', code: 9 } });
    expect(value(await app.call('app.getState')).server.state).toBe('ok');
  });

  it('puts a dead server on the status line', async () => {
    const port = await closedPort();
    const app = await readyTill({ apiUrl: `http://127.0.0.1:${port}` });
    const view = value(await app.call('scan.submit', sim.issueQr(IVAN.client)));
    expect(view).toMatchObject({ stage: 'idle', error: { kind: 'network' } });
    expect(value(await app.call('app.getState')).server).toMatchObject({ state: 'error', at: clock });
  });

  it('delivers a scan from main the same way as scan.submit', async () => {
    const app = await readyTill();
    const shown = waitForEvent(app, (event, payload) => event === 'checkout' && (payload as CheckoutView).stage === 'customer');
    await app.core.deliverScan(sim.issueQr(IVAN.client));
    expect(customerOf((await shown) as CheckoutView).firstName).toBe('Иван');
  });
});

describe('manager', () => {
  it('requires a live manager session for every settings action', async () => {
    const app = await readyTill({ managerIdleMs: 60_000 });
    value(await app.call('manager.logout'));
    for (const denied of [
      app.call('settings.get'),
      app.call('settings.save', shopSettings),
      app.call('settings.setSecret', 1),
      app.call('settings.testConnection'),
      app.call('firstRun.choose', 'demo'),
    ]) {
      expect(await denied).toMatchObject({ ok: false, error: { kind: 'auth' } });
    }
    expect((await app.call('manager.login', 'неверный')).ok).toBe(false);
    expect(value(await app.call('manager.login', PASSWORD)).manager.loggedIn).toBe(true);
    value(await app.call('settings.save', { ...shopSettings, kassa: 7 }));

    clock += 59_000;
    value(await app.call('settings.get'));
    clock += 59_000;
    value(await app.call('settings.get'));
    clock += 60_000;
    expect(await app.call('settings.get')).toMatchObject({ ok: false, error: { kind: 'auth' } });
    expect(value(await app.call('app.getState')).manager.loggedIn).toBe(false);
  });

  it('pushes the logout when the idle session ends', async () => {
    const scheduler = new ManualScheduler(clock);
    const app = await readyTill({ managerIdleMs: 60_000, scheduler, now: () => scheduler.now() });
    const states: AppState[] = [];
    app.core.subscribe((event, payload) => event === 'appState' && states.push(payload as AppState));
    scheduler.advance(59_999);
    expect(states).toEqual([]);
    expect(value(await app.call('app.getState')).manager.loggedIn).toBe(true);
    scheduler.advance(1);
    expect(states.at(-1)?.manager.loggedIn).toBe(false);
  });

  it('locks the manager out after repeated wrong passwords', async () => {
    const app = await readyTill();
    value(await app.call('manager.logout'));
    for (let i = 0; i < 5; i += 1) await app.call('manager.login', 'неверный');
    const state = value(await app.call('app.getState'));
    expect(state.manager.lockedUntil).toBe(clock + 30_000);
    expect(await app.call('manager.login', PASSWORD)).toMatchObject({ ok: false, error: { kind: 'auth' } });
  });

  it('tests the connection without a customer', async () => {
    const app = await readyTill();
    expect(value(await app.call('settings.testConnection')).message).toContain('верны');
    value(await app.call('settings.setSecret', 1));
    expect(await app.call('settings.testConnection')).toMatchObject({ ok: false, error: { kind: 'server', code: 5 } });
    expect(value(await app.call('app.getState')).server.state).toBe('error');
  });

  it('drops the customer when the settings change under them', async () => {
    const app = await readyTill();
    value(await app.call('scan.submit', sim.issueQr(IVAN.client)));
    value(await app.call('settings.save', { ...shopSettings, rules: { ...shopSettings.rules, source: 'shop', pPlus: 5, pMinus: 50 } }));
    const last = app.events.filter((e) => e.event === 'checkout').at(-1)?.payload;
    expect(last).toEqual({ stage: 'idle', busy: false, error: null });
    const view = value(await app.call('scan.submit', sim.issueQr(IVAN.client)));
    expect(customerOf(view)).toMatchObject({ rules: { source: 'shop', pPlus: 5, pMinus: 50 } });
  });
});

describe('local API token', () => {
  it('is made only when asked for: a till with the API off keeps no bearer token', async () => {
    const app = await readyTill();
    expect(await readdir(dataDir)).not.toContain('api-token');
    const off = value(await app.call('localApi.get'));
    expect([off.enabled, off.url, off.token]).toEqual([false, null, '']);
    const made = value(await app.call('localApi.newToken'));
    expect(made.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await readFile(path.join(dataDir, 'api-token'), 'utf8')).trim()).toBe(made.token);
  });
});

describe('what crosses IPC', () => {
  it('refuses a caller that is not the app main frame', async () => {
    const app = await readyTill();
    const reply = await app.core.dispatch(`${IPC_PREFIX}settings.get`, { isMainFrame: false, url: `${ORIGIN}/index.html` }, []);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });

  it('never carries the shop secret or a QR secret, in any reply or event', async () => {
    const app = await readyTill();
    const qrSecrets: number[] = [];
    const scan = async (client: number): Promise<void> => {
      const qr = sim.issueQr(client);
      qrSecrets.push((JSON.parse(qr) as { secret: number }).secret);
      await app.call('scan.submit', qr);
    };
    await scan(IVAN.client);
    await app.call('checkout.redeem', { purchaseKopecks: 500_00, bonuses: 10 });
    await scan(IVAN.client);
    await app.call('checkout.accrue', { purchaseKopecks: 10_00 });
    await scan(OTHER_SHOP_CUSTOMER.client);
    sim.injectFault({ kind: 'drop-after-apply' }, { endpoint: 'plus' });
    await scan(IVAN.client);
    await app.call('checkout.accrue', { purchaseKopecks: 300_00 });
    await app.call('settings.get');
    await app.call('settings.testConnection');
    await app.call('app.getState');
    await app.call('checkout.redeem', { purchaseKopecks: -1, bonuses: SHOP_SECRET });

    expect(app.wire.length).toBeGreaterThan(20);
    const all = app.wire.join('\n');
    expect(all).not.toMatch(/(?<!\d)31337(?!\d)/);
    expect(all).not.toMatch(/"secret"/i);
    for (const secret of qrSecrets) expect(all).not.toMatch(new RegExp(`(?<!\\d)${secret}(?!\\d)`));
  });
});

/** US-QWERTY → the Russian ЙЦУКЕН character on the same key, for the layout-repair check. */
// eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points on purpose: one key each, all of them single characters
const US_KEYS = [...'qwertyuiop[]asdfghjkl;\'zxcvbnm,.QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>'];
// eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points on purpose: one key each, all of them single characters
const RU_KEYS = [...'йцукенгшщзхъфывапролджэячсмитьбюЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ'];
const RU_FOR_US: Record<string, string> = Object.fromEntries(US_KEYS.map((us, i) => [us, RU_KEYS[i] ?? us]));

