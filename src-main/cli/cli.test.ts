import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src-shared/settings/settings';
import { DEMO_CUSTOMERS, DEMO_SHOP, OTHER_SHOP_CUSTOMER } from '../simulator/demoData';
import { startFaultySimulator, type FaultySimulator } from '../../test-support/simulator/faultySimulator';
import { startLoopbackProxy } from '../../test-support/net/loopbackProxy';
import { closedPort } from '../../test-support/skidkabot/closedPort';
import { runBin, type BinRun as Run } from '../../test-support/cli/runBin';
import { textContaining, textMatching } from '../../test-support/matchers';

// The real bin, spawned as a technician or a till script would run it, against the simulator on loopback.
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = path.join(root, 'bin', 'skidkabot-kassa.mjs');

const PROXY_VARIABLES = /^(https?_proxy|no_proxy)$/i;

/** The environment of a clean machine: none of the runner's own SKIDKABOT_* settings or proxies leak in. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SKIDKABOT_') && !PROXY_VARIABLES.test(name)));
  return { ...env, ...extra };
}

/** Runs with --json and checks the contract every such run must keep: exactly one JSON object, with `ok`. */
async function runJson(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; json: Record<string, unknown>; raw: Run }> {
  const raw = await runBin([...args, '--json'], env);
  const lines = raw.stdout.trimEnd().split('\n');
  expect(lines, raw.stdout + raw.stderr).toHaveLength(1);
  const json = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
  expect(typeof json.ok).toBe('boolean');
  return { code: raw.code, json, raw };
}

let simulator: FaultySimulator;
let dataDir: string;
let shopEnv: NodeJS.ProcessEnv;
const [ivan, maria] = DEMO_CUSTOMERS;
if (!ivan || !maria) throw new Error('the simulator has no demo customers');

beforeAll(async () => {
  simulator = await startFaultySimulator({ port: 0, host: '127.0.0.1' });
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kassa-cli-'));
});
afterAll(async () => {
  await simulator.close();
  await rm(dataDir, { recursive: true, force: true });
});
beforeEach(() => {
  shopEnv = cleanEnv({
    SKIDKABOT_DATA_DIR: dataDir,
    SKIDKABOT_API_URL: simulator.url,
    SKIDKABOT_SHOP: String(DEMO_SHOP.code),
    SKIDKABOT_SHOP_SECRET: String(DEMO_SHOP.secret),
    SKIDKABOT_KASSA: '2',
  });
});

/** Every output of a command that talks to the server: the shop secret is never in it. */
function expectNoSecret(run: Run, secret = String(DEMO_SHOP.secret)): void {
  expect(run.stdout).not.toContain(secret);
  expect(run.stderr).not.toContain(secret);
}

describe('decode', () => {
  const scan = '{"type":"Skidkabot","vendor":4,"client":83532824,"secret":31766}';

  it('prints the payload for a person, and as JSON', async () => {
    const human = await runBin(['decode', scan], cleanEnv({}));
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Покупатель (client): 83532824');
    const { code, json } = await runJson(['decode', 'ХЭензуЭЖЭЫлшвлфищеЭбЭмутвщкЭЖ4бЭсдшутеЭЖ83532824бЭыускуеЭЖ31766Ъ'], cleanEnv({}));
    expect(code).toBe(0);
    expect(json).toEqual({ ok: true, vendor: 4, client: 83532824, secret: 31766 });
  });

  it('reads the scan from stdin', async () => {
    const run = await runBin(['decode', '--stdin', '--json'], cleanEnv({}), `]Q1${scan}\r\n`);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ ok: true, vendor: 4, client: 83532824, secret: 31766 });
  });

  it('refuses a product barcode with exit 2', async () => {
    const { code, json } = await runJson(['decode', '4600000000007'], cleanEnv({}));
    expect(code).toBe(2);
    expect(json).toEqual({ ok: false, error: { kind: 'scan', message: textMatching(/[а-я]/), key: 'scan.productBarcode' } });
    const human = await runBin(['decode', '4600000000007'], cleanEnv({}));
    expect(human.code).toBe(2);
    expect(human.stdout).toBe('');
    expect(human.stderr).toMatch(/штрихкод/);
  });

  it('replays a captured HID report dump through the same decoder', async () => {
    const dump = path.join(root, 'test-support', 'scanner', 'fixtures', 'honeywell-pos-multi.hex');
    const run = await runBin(['decode', '--hid-dump', dump], cleanEnv({}));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/магазин 4, покупатель 83532824/);
    const both = await runBin(['decode', '--hid-dump', dump, '{}'], cleanEnv({}));
    expect(both.code).toBe(2);
  });
});

describe('customer commands against the simulator', () => {
  it('go through the proxy in HTTP_PROXY, and straight past it for a NO_PROXY host', async () => {
    const proxy = await startLoopbackProxy();
    try {
      const through = await runJson(['balance', '--qr', simulator.issueQr(ivan.client)], { ...shopEnv, HTTP_PROXY: proxy.url });
      expect(through.json).toMatchObject({ ok: true, balance: simulator.balanceOf(ivan.client) });
      expect(proxy.seen).toEqual([`POST ${simulator.url}/api_get_balance.php`]);
      const bypassed = await runJson(['balance', '--qr', simulator.issueQr(ivan.client)], { ...shopEnv, http_proxy: proxy.url, no_proxy: '127.0.0.1' });
      expect(bypassed.json).toMatchObject({ ok: true });
      expect(proxy.seen).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('balance shows the customer', async () => {
    const before = simulator.requestCount();
    const { code, json, raw } = await runJson(['balance', '--qr', simulator.issueQr(ivan.client)], shopEnv);
    expect(code).toBe(0);
    expect(json).toEqual({
      ok: true,
      client: ivan.client,
      firstName: ivan.firstName,
      lastName: ivan.lastName,
      balance: simulator.balanceOf(ivan.client),
      pPlus: DEMO_SHOP.pPlus,
      pMinus: DEMO_SHOP.pMinus,
    });
    expect(simulator.requestCount() - before).toBe(1);
    expectNoSecret(raw);

    const human = await runBin(['balance', '--qr', simulator.issueQr(ivan.client)], shopEnv);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`Покупатель: ${ivan.firstName} ${ivan.lastName}`);
    expectNoSecret(human);
  });

  it('accrue adds bonuses and sends the register number', async () => {
    const before = simulator.balanceOf(ivan.client);
    const { code, json, raw } = await runJson(['accrue', '--qr', simulator.issueQr(ivan.client), '--bonuses', '7'], shopEnv);
    expect(code).toBe(0);
    expect(json).toMatchObject({ ok: true, operation: 'accrue', status: 'applied', bonuses: 7, balance: before + 7 });
    expect(simulator.balanceOf(ivan.client)).toBe(before + 7);
    expect(simulator.lastRequest()?.params).toMatchObject({ kassa: '2', summa: '7' });
    expectNoSecret(raw);
  });

  it('redeem takes bonuses off, and a refusal exits 1', async () => {
    const before = simulator.balanceOf(ivan.client);
    const { code, json } = await runJson(['redeem', '--qr', simulator.issueQr(ivan.client), '--bonuses', '5'], shopEnv);
    expect(code).toBe(0);
    expect(json).toMatchObject({ ok: true, operation: 'redeem', bonuses: 5, balance: before - 5 });

    const refused = await runJson(['redeem', '--qr', simulator.issueQr(maria.client), '--bonuses', '1'], shopEnv);
    expect(refused.code).toBe(1);
    expect(refused.json).toMatchObject({ ok: false, status: 'refused', error: { kind: 'server', code: 13 } });
    expectNoSecret(refused.raw);
  });

  it('checkout with --redeem max redeems the cap and accrues on the part paid with money', async () => {
    const before = simulator.balanceOf(ivan.client);
    const { code, json, raw } = await runJson(
      ['checkout', '--qr', simulator.issueQr(ivan.client), '--purchase', '1 234,50', '--redeem', 'max'],
      shopEnv,
    );
    // 10 % of 1 234,50 ₽ is 123 bonuses; 2 % of the 1 111,50 ₽ paid with money is 22.
    expect(code).toBe(0);
    expect(json).toMatchObject({
      ok: true,
      balanceBefore: before,
      purchase: '1234.50',
      redeemed: 123,
      accrued: 22,
      balance: before - 123 + 22,
      toPay: '1111.50',
      operations: [
        { operation: 'redeem', status: 'applied', bonuses: 123 },
        { operation: 'accrue', status: 'applied', bonuses: 22 },
      ],
    });
    expect(simulator.balanceOf(ivan.client)).toBe(before - 123 + 22);
    expectNoSecret(raw);

    const human = await runBin(['checkout', '--qr', simulator.issueQr(ivan.client), '--purchase', '500'], shopEnv);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Начислено 10 бонусов.');
    expect(human.stdout).toContain('К оплате деньгами: 500 ₽');
  });

  it('settles a lost answer by the balance', async () => {
    const before = simulator.balanceOf(ivan.client);
    simulator.injectFault({ kind: 'drop-after-apply' }, { endpoint: 'plus' });
    const applied = await runJson(['accrue', '--qr', simulator.issueQr(ivan.client), '--bonuses', '3'], shopEnv);
    expect(applied.code).toBe(0);
    expect(applied.json).toMatchObject({ ok: true, status: 'applied', confirmedBy: 'balance-check', balance: before + 3 });

    simulator.injectFault({ kind: 'drop-before-apply' }, { endpoint: 'plus' });
    // Another amount: the same one moments later would be the double press the journal asks to confirm.
    const lost = await runJson(['accrue', '--qr', simulator.issueQr(ivan.client), '--bonuses', '4'], shopEnv);
    expect(lost.code).toBe(3);
    expect(lost.json).toMatchObject({ ok: false, status: 'not-applied', balance: before + 3 });
    expect(simulator.balanceOf(ivan.client)).toBe(before + 3);
  });

  it('refuses another shop’s QR without any request', async () => {
    const before = simulator.requestCount();
    const { code, json } = await runJson(['balance', '--qr', simulator.issueQr(OTHER_SHOP_CUSTOMER.client)], shopEnv);
    expect(code).toBe(2);
    expect(json).toMatchObject({ ok: false, error: { kind: 'vendor', message: textContaining('другого магазина') } });
    const accrue = await runJson(['accrue', '--qr', simulator.issueQr(OTHER_SHOP_CUSTOMER.client), '--bonuses', '5'], shopEnv);
    expect(accrue.code).toBe(2);
    expect(simulator.requestCount()).toBe(before);
  });

  it.each([['0'], ['1.5'], ['abc'], ['-3'], [''], ['1e3']])('refuses --bonuses %j before any request', async (bonuses) => {
    const before = simulator.requestCount();
    const { code, json, raw } = await runJson(['redeem', '--qr', simulator.issueQr(ivan.client), `--bonuses=${bonuses}`], shopEnv);
    expect(code).toBe(2);
    expect(json).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(simulator.requestCount()).toBe(before);
    expectNoSecret(raw);
  });

  it('says so and exits 3 when the server cannot be reached', async () => {
    const port = await closedPort();
    const env = { ...shopEnv, SKIDKABOT_API_URL: `http://127.0.0.1:${port}` };
    const { code, json, raw } = await runJson(['accrue', '--qr', simulator.issueQr(ivan.client), '--bonuses', '5'], env);
    expect(code).toBe(3);
    expect(json).toMatchObject({ ok: false, error: { kind: 'network' } });
    expectNoSecret(raw);
    const human = await runBin(['balance', '--qr', simulator.issueQr(ivan.client)], env);
    expect(human.code).toBe(3);
    expect(human.stderr).toMatch(/Нет связи с сервером Скидкабот/);
    // SKIDKABOT_LANG=en: the same error from the English dictionary, its key for programs.
    const english = await runJson(['balance', '--qr', simulator.issueQr(ivan.client)], { ...env, SKIDKABOT_LANG: 'en' });
    expect(english.json).toMatchObject({ ok: false, error: { kind: 'network', key: 'network.refused', message: textMatching(/^No connection to the Skidkabot server/) } });
    const englishHuman = await runBin(['balance', '--qr', simulator.issueQr(ivan.client)], { ...env, SKIDKABOT_LANG: 'en' });
    expect(englishHuman.stderr).not.toMatch(/[\u0400-\u04ff]/);
  });
});

describe('configuration', () => {
  it('reads the shop from the settings file the app writes', async () => {
    const ownDir = await mkdtemp(path.join(os.tmpdir(), 'kassa-cli-settings-'));
    try {
      await writeFile(
        path.join(ownDir, 'settings.json'),
        JSON.stringify({ ...DEFAULT_SETTINGS, shopCode: DEMO_SHOP.code, kassa: 9, apiUrl: simulator.url }),
      );
      const env = cleanEnv({ SKIDKABOT_DATA_DIR: ownDir, SKIDKABOT_SHOP_SECRET: String(DEMO_SHOP.secret) });
      const { code } = await runJson(['accrue', '--qr', simulator.issueQr(ivan.client), '--bonuses', '1'], env);
      expect(code).toBe(0);
      expect(simulator.lastRequest()?.params).toMatchObject({ fk_vendor: '4', kassa: '9' });
    } finally {
      await rm(ownDir, { recursive: true, force: true });
    }
  });

  it('names a malformed variable and says when the shop is not configured', async () => {
    const bad = await runJson(['balance', '--qr', simulator.issueQr(ivan.client)], { ...shopEnv, SKIDKABOT_SHOP: 'four' });
    expect(bad.code).toBe(2);
    expect(bad.json).toMatchObject({ ok: false, error: { kind: 'config', message: textContaining('SKIDKABOT_SHOP') } });

    const bare = await runJson(['balance', '--qr', simulator.issueQr(ivan.client)], cleanEnv({ SKIDKABOT_DATA_DIR: dataDir }));
    expect(bare.code).toBe(2);
    expect(bare.json).toMatchObject({ ok: false, error: { kind: 'config', message: textContaining('Не задан код магазина') } });
  });
});

describe('errors in English (SKIDKABOT_LANG=en)', () => {
  const CYRILLIC = /[\u0400-\u04ff]/;

  it('words a journal that cannot be opened in English, nothing sent, its key for programs', async () => {
    const ownDir = await mkdtemp(path.join(os.tmpdir(), 'kassa-cli-journal-'));
    try {
      // A file where the journal folder should be: the writer lock cannot be written.
      await writeFile(path.join(ownDir, 'journal'), 'not a folder');
      const env = { ...shopEnv, SKIDKABOT_DATA_DIR: ownDir };
      const before = simulator.requestCount();
      const russian = await runJson(['accrue', '--qr', simulator.issueQr(ivan.client), '--bonuses', '5'], env);
      expect(russian.json).toMatchObject({ ok: false, error: { kind: 'journal', key: 'journal.lockNotWritten', message: textContaining('не открыт для записи') } });
      const english = await runJson(['accrue', '--qr', simulator.issueQr(ivan.client), '--bonuses', '5'], { ...env, SKIDKABOT_LANG: 'en' });
      expect(english.json).toMatchObject({
        ok: false,
        error: { kind: 'journal', key: 'journal.lockNotWritten', message: textMatching(/^The operations journal in .* is not open for writing \(.+\): the operation was not sent\.$/) },
      });
      const human = await runBin(['accrue', '--qr', simulator.issueQr(ivan.client), '--bonuses', '5'], { ...env, SKIDKABOT_LANG: 'en' });
      expect(human.stderr).toContain('not open for writing');
      expect(human.stderr).not.toMatch(CYRILLIC);
      expect(simulator.requestCount()).toBe(before);
    } finally {
      await rm(ownDir, { recursive: true, force: true });
    }
  });

  it('words usage and settings errors in English', async () => {
    const unknown = await runJson(['frobnicate'], { ...shopEnv, SKIDKABOT_LANG: 'en' });
    expect(unknown.json).toMatchObject({ ok: false, error: { key: 'cli.unknownCommand', message: 'Unknown command "frobnicate". Commands: skidkabot-kassa --help' } });
    const option = await runJson(['balance', '--frob'], { ...shopEnv, SKIDKABOT_LANG: 'en' });
    expect(option.json).toMatchObject({ ok: false, error: { key: 'cli.unknownOption', message: 'Unknown option --frob. Help: skidkabot-kassa balance --help' } });
    const bonuses = await runJson(['redeem', '--qr', simulator.issueQr(ivan.client), '--bonuses=abc'], { ...shopEnv, SKIDKABOT_LANG: 'en' });
    expect(bonuses.json).toMatchObject({ ok: false, error: { key: 'cli.bonusesBad', message: textContaining('"abc"') } });
    const variable = await runJson(['balance', '--qr', simulator.issueQr(ivan.client)], { ...shopEnv, SKIDKABOT_SHOP: 'four', SKIDKABOT_LANG: 'en' });
    expect(variable.json).toMatchObject({ ok: false, error: { key: 'settings.envShopCode', message: textContaining('SKIDKABOT_SHOP variable') } });
    for (const run of [unknown, option, bonuses, variable]) expect((run.json.error as { message: string }).message).not.toMatch(CYRILLIC);
  });
});

describe('doctor', () => {
  it('confirms a right shop code and secret', async () => {
    const { code, json, raw } = await runJson(['doctor'], shopEnv);
    expect(code).toBe(0);
    expect(json).toMatchObject({
      ok: true,
      shopCode: 4,
      kassa: 2,
      secretSet: true,
      keychain: { state: 'not-checked' },
      server: { state: 'ok' },
    });
    expectNoSecret(raw);
    const human = await runBin(['doctor'], shopEnv);
    expect(human.stdout).toContain('Всё в порядке');
    expectNoSecret(human);
  });

  it('reports a wrong secret as the server’s code 5, without showing it', async () => {
    const env = { ...shopEnv, SKIDKABOT_SHOP_SECRET: '987654321' };
    const { code, json, raw } = await runJson(['doctor'], env);
    expect(code).toBe(1);
    expect(json).toMatchObject({ ok: false, server: { state: 'error' }, error: { kind: 'server', code: 5 } });
    expectNoSecret(raw, '987654321');
  });

  it('reports a keychain that does not answer', async () => {
    const env = cleanEnv({
      SKIDKABOT_DATA_DIR: dataDir,
      SKIDKABOT_SHOP: '4',
      SKIDKABOT_API_URL: simulator.url,
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/kassa-cli-test-bus',
    });
    const { code, json } = await runJson(['doctor'], env);
    expect(code).toBe(2);
    expect(json).toMatchObject({
      ok: false,
      secretSet: null,
      keychain: { state: 'error', message: textContaining('Хранилище паролей ОС недоступно') },
      server: { state: 'not-checked' },
      error: { kind: 'config' },
    });
  });
});

describe('the simulator command', () => {
  it('prints its address and demo QR codes, serves them, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [bin, 'simulator', '--port', '0', '--json'], { cwd: root, env: cleanEnv({}) });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    const firstLine = new Promise<string>((resolve) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('\n')) resolve(stdout.split('\n')[0] ?? '');
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const started = JSON.parse(await firstLine) as { ok: boolean; url: string; customers: { label: string; qr: string }[] };
      expect(started.ok).toBe(true);
      expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const qr = started.customers[0]?.qr ?? '';
      const env = { ...shopEnv, SKIDKABOT_API_URL: started.url };
      const { code, json } = await runJson(['balance', '--qr', qr], env);
      expect(code).toBe(0);
      expect(json).toMatchObject({ ok: true, firstName: ivan.firstName });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('usage', () => {
  it('shows the Russian usage and exits 2 without a command', async () => {
    const run = await runBin([], cleanEnv({}));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Использование: skidkabot-kassa <команда>');
    for (const name of ['decode', 'balance', 'accrue', 'redeem', 'checkout', 'simulator', 'doctor']) {
      expect(run.stderr).toContain(`  ${name}`);
    }
  });
});
