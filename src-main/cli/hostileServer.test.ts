import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedServer, type ScriptedServer } from '../../test-support/skidkabot/scriptedServer';
import { runBin, type BinRun } from '../../test-support/cli/runBin';

// The real bin against a loopback server that answers what no honest server would.
const SECRET = '31337';
const CLIENT = 83532824;
const QR = JSON.stringify({ type: 'Skidkabot', vendor: 4, client: CLIENT, secret: 97531 });
const CUSTOMER = { code: 0, first_name: 'Иван', last_name: 'Петров', balance: 2365, p_plus: 2, p_minus: 10 };

/** Escape and other controls, bidi overrides and isolates, zero-width characters: anything but the line ends. */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

let server: ScriptedServer;
let dataDir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kassa-cli-hostile-'));
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SKIDKABOT_')));
  env = { ...clean, SKIDKABOT_DATA_DIR: dataDir, SKIDKABOT_API_URL: server.url, SKIDKABOT_SHOP: '4', SKIDKABOT_SHOP_SECRET: SECRET, SKIDKABOT_KASSA: '5' };
  server.answer('balance', CUSTOMER);
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function run(args: string[]): Promise<BinRun> {
  return runBin(args, env);
}

function expectClean(text: string): void {
  for (const line of text.split('\n')) expect(line).not.toMatch(UNSAFE);
  expect(text).not.toContain(SECRET);
}

describe('server texts in the CLI', () => {
  it('prints a hostile name as one plain line, without the shop secret, in text and in JSON', async () => {
    server.answer('balance', {
      ...CUSTOMER,
      first_name: `\x1b[2J\x1b]0;pwned\x07Иван\nБаланс: 999999\u202e`,
      last_name: `П\u200bетров ${SECRET} ${'Я'.repeat(10_000)}`,
    });
    const human = await run(['balance', '--qr', QR]);
    expect(human.code).toBe(0);
    expectClean(human.stdout + human.stderr);
    expect(human.stdout.split('\n').filter((line) => line.startsWith('Баланс:'))).toEqual(['Баланс: 2 365 бонусов']);
    expect(human.stdout.length).toBeLessThan(1_000);

    const machine = await run(['balance', '--qr', QR, '--json']);
    expect(machine.code).toBe(0);
    const json = JSON.parse(machine.stdout) as { firstName: string; lastName: string };
    expect(json.firstName).toBe('Иван Баланс: 999999');
    // Cut to 60 characters first, then the secret's five digits became three stars.
    expect(json.lastName).toBe(`Петров *** ${'Я'.repeat(46)}…`);
    expectClean(json.firstName + json.lastName);
  });

  it('prints a refusal text cleaned and without the shop secret', async () => {
    // Russian, so the message quotes it (an English text is never shown to the cashier).
    server.answer('accrue', { code: 14, text: `\x1b[2J\x1b[31mсекрет ${SECRET}\u202e\x1b[0m` });
    const human = await run(['accrue', '--qr', QR, '--bonuses', '7']);
    expect(human.code).toBe(1);
    expectClean(human.stdout + human.stderr);
    expect(human.stderr).toContain('Скидкабот отказал (код 14): секрет ***.');
  });
});

describe('balances that do not add up, in the CLI and the journal', () => {
  it('refuses a fractional balance with a Russian message, never a validator’s English', async () => {
    server.answer('balance', { ...CUSTOMER, balance: 2372.5 });
    const accrualsBefore = server.count('accrue');
    const human = await run(['accrue', '--qr', QR, '--bonuses', '7']);
    expect(human.code).toBe(1);
    expect(human.stderr).toContain('Сервер Скидкабот прислал баланс клиента «2372.5», а баланс — целое число бонусов.');
    expect(human.stderr).not.toMatch(/Invalid|expected|Too big/);
    expect(server.count('accrue')).toBe(accrualsBefore);
  });

  it('records an accrual answered with an unreadable balance as applied, and the customer is not blocked', async () => {
    server.answer('accrue', { code: 0, first_name: 'Иван', last_name: 'Петров', balance: 2372.5 });
    const first = await run(['accrue', '--qr', QR, '--bonuses', '7', '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ ok: true, status: 'applied', balance: null, anomaly: { code: 'balance-unreadable', reported: '2372.5' } });

    server.answer('accrue', { code: 0, balance: 2379 });
    server.answer('balance', { ...CUSTOMER, balance: 2372 });
    const second = await run(['accrue', '--qr', QR, '--bonuses', '7', '--confirm-duplicate']);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);

    const listed = await run(['journal']);
    expect(listed.stdout).not.toMatch(/ТРЕБУЕТ РЕШЕНИЯ|повреждённых/);
    expect(listed.stderr).not.toMatch(/повреждённых/);
  });

  it('says an accrual of 7 onto 2365 answered −5 is done but wrong: on screen, in JSON, in the journal and its CSV', async () => {
    server.answer('accrue', { code: 0, first_name: 'Иван', last_name: 'Петров', balance: -5 });
    const human = await run(['accrue', '--qr', QR, '--bonuses', '7']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Внимание: Бонусы начислены, но сервер прислал баланс -5, а должно было стать 2372.');

    const listed = await run(['journal', '--json']);
    const { operations } = JSON.parse(listed.stdout) as { operations: { status: string; outcome: { anomaly?: unknown } }[] };
    expect(operations[0]).toMatchObject({ status: 'applied', outcome: { anomaly: { code: 'balance-mismatch', reported: -5, expected: 2372 } } });
    const text = await run(['journal']);
    expect(text.stdout).toContain('ВНИМАНИЕ: баланс не сходится: сервер прислал -5, ожидалось 2372');

    const csv = path.join(dataDir, 'day.csv');
    const exported = await run(['journal', 'export', '--out', csv]);
    expect(exported.code).toBe(0);
    expect(await readFile(csv, 'utf8')).toContain('баланс не сходится: сервер прислал -5, ожидалось 2372');
  });
});
