import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src-shared/settings/settings';
import { LOCK_FILE } from '../journal/writerLock';
import { ENDPOINT_FILE } from '../localApi/endpointFile';
import { DEMO_CUSTOMERS } from '../simulator/demoData';
import { startSimulator, type Simulator } from '../simulator/simulator';
import { runBin, type BinRun } from '../../test-support/cli/runBin';

// The real bin: a headless till (`serve`) and CLI commands on the same data folder going through it.
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = path.join(root, 'bin', 'skidkabot-kassa.mjs');
const [ivan, maria] = DEMO_CUSTOMERS;
if (!ivan || !maria) throw new Error('the simulator has no demo customers');

let sim: Simulator;
let dataDir: string;
/** A CLI run on the till: only the data folder, so it goes through the running till. */
let env: NodeJS.ProcessEnv;
/** The server and secret `serve` (and a command running by itself) works with. */
let shopEnv: NodeJS.ProcessEnv;

function run(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<BinRun> {
  return runBin(args, { ...env, ...extraEnv });
}

async function journalRecords(): Promise<{ type: string; kind?: string; client?: number }[]> {
  const dir = path.join(dataDir, 'journal');
  const files = (await readdir(dir)).filter((name) => name.endsWith('.jsonl'));
  const texts = await Promise.all(files.map((name) => readFile(path.join(dir, name), 'utf8')));
  return texts.flatMap((text) => text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as { type: string }));
}

beforeAll(async () => {
  sim = await startSimulator();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kassa-serve-'));
  await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, shopCode: 4, kassa: 2 }));
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SKIDKABOT_')));
  env = { ...clean, SKIDKABOT_DATA_DIR: dataDir };
  shopEnv = { SKIDKABOT_SHOP_SECRET: '31337', SKIDKABOT_API_URL: sim.url, SKIDKABOT_SHOP: '4' };
});

afterAll(async () => {
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('serve and the CLI through it', () => {
  let serve: ChildProcessWithoutNullStreams;
  let stdout = '';
  const exited = () => new Promise<number | null>((resolve) => serve.on('exit', (code) => resolve(code)));

  it('serve --port 0 --json prints exactly one JSON object when ready', async () => {
    serve = spawn(process.execPath, [bin, 'serve', '--port', '0', '--json', '--no-scanner'], { cwd: root, env: { ...env, ...shopEnv }, stdio: ['pipe', 'pipe', 'pipe'] });
    serve.stdout.setEncoding('utf8');
    await new Promise<void>((resolve, reject) => {
      serve.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('\n')) resolve();
      });
      serve.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    const ready = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(ready).sort()).toEqual(['ok', 'tokenFile', 'url']);
    expect(ready.ok).toBe(true);
    expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.tokenFile).toBe(path.join(dataDir, 'api-token'));
  });

  it('an accrual from the CLI goes through the running till: one operation, one journal record, same exit codes', async () => {
    const qr = sim.issueQr(ivan.client);
    const done = await run(['accrue', '--qr', qr, '--bonuses', '5', '--json']);
    expect(done.code, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ ok: true, client: ivan.client, operation: 'accrue', status: 'applied', bonuses: 5, balance: ivan.balance + 5 });
    expect(sim.balanceOf(ivan.client)).toBe(ivan.balance + 5);
    const intents = (await journalRecords()).filter((record) => record.type === 'intent');
    expect(intents).toHaveLength(1);
    expect(intents[0]).toMatchObject({ kind: 'accrue', client: ivan.client, bonuses: 5, kassa: 2 });

    const again = await run(['accrue', '--qr', qr, '--bonuses', '5']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--confirm-duplicate');
    expect((await journalRecords()).filter((record) => record.type === 'intent')).toHaveLength(1);

    const direct = await run(['accrue', '--qr', qr, '--bonuses', '5', '--direct'], shopEnv);
    expect(direct.code).toBe(2);
    expect(direct.stderr).toContain('Журнал операций сейчас ведёт программа кассы');
    expect(sim.balanceOf(ivan.client)).toBe(ivan.balance + 5);
  });

  it('a command with a server, shop or register override is not sent to the till: the journal lock refuses it here', async () => {
    const qr = sim.issueQr(maria.client);
    const before = (await journalRecords()).length;
    // The till has no secret in its keychain here, so every override comes with one; nothing may reach port 9.
    const secret = { SKIDKABOT_SHOP_SECRET: '31337', SKIDKABOT_API_URL: 'http://127.0.0.1:9' };
    const overrides: NodeJS.ProcessEnv[] = [secret, { ...secret, SKIDKABOT_SHOP: '4' }, { ...secret, SKIDKABOT_KASSA: '7' }];
    for (const override of overrides) {
      const refused = await run(['accrue', '--qr', qr, '--bonuses', '4'], override);
      expect(refused.code, JSON.stringify(override)).toBe(2);
      expect(refused.stderr).toContain('Журнал операций сейчас ведёт программа кассы');
    }
    expect(sim.balanceOf(maria.client)).toBe(maria.balance);
    expect(await journalRecords()).toHaveLength(before);
  });

  it('prints what the command prints by itself: balance and checkout lines, journal list', async () => {
    const qr = sim.issueQr(maria.client);
    const [through, here] = await Promise.all([run(['balance', '--qr', qr]), run(['balance', '--qr', qr, '--direct'], shopEnv)]);
    expect(through.code).toBe(0);
    expect(through.stdout).toBe(here.stdout);
    expect(through.stdout).toContain('Мария');

    const checkout = await run(['checkout', '--qr', qr, '--purchase', '1000']);
    expect(checkout.code, checkout.stderr).toBe(0);
    expect(checkout.stdout).toContain('К оплате деньгами: 1 000 ₽');
    const list = await run(['journal', '--customer', String(maria.client), '--json']);
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as { operations: unknown[] }).operations).toHaveLength(1);
    const bad = await run(['checkout', '--qr', qr, '--purchase', '-5']);
    expect(bad.code).toBe(2);
  });

  it('SIGTERM stops serve cleanly: the journal lock and the endpoint file are gone', async () => {
    const exit = exited();
    serve.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    const left = await readdir(path.join(dataDir, 'journal'));
    expect(left).not.toContain(LOCK_FILE);
    expect(await readdir(dataDir)).not.toContain(ENDPOINT_FILE);
    // With nobody holding the journal the CLI works by itself again.
    const alone = await run(['accrue', '--qr', sim.issueQr(maria.client), '--bonuses', '3', '--json'], shopEnv);
    expect(alone.code, alone.stderr).toBe(0);
  });

  it('an app with its API switched off: the operation is refused with the manager told what to switch on', async () => {
    // This test's own process stands for the running app.
    await writeFile(path.join(dataDir, ENDPOINT_FILE), JSON.stringify({ pid: process.pid, enabled: false, url: null }));
    try {
      const refused = await run(['redeem', '--qr', sim.issueQr(ivan.client), '--bonuses', '1']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('локальный API выключен');
      expect(refused.stderr).toContain('менеджера');
      const balance = await run(['balance', '--qr', sim.issueQr(ivan.client)], shopEnv);
      expect(balance.code).toBe(0);
    } finally {
      await rm(path.join(dataDir, ENDPOINT_FILE), { force: true });
    }
  });
});

describe('serve reads the SKIDKABOT_* overrides as every command does', () => {
  it('a malformed secret or register is refused with the same message, nothing started', async () => {
    const secret = await run(['serve', '--port', '0', '--no-scanner'], { ...shopEnv, SKIDKABOT_SHOP_SECRET: '313 37' });
    expect(secret.code).toBe(2);
    expect(secret.stderr).toContain('Переменная SKIDKABOT_SHOP_SECRET должна быть секретным кодом магазина');
    expect(secret.stderr).not.toContain('313 37');
    const kassa = await run(['serve', '--port', '0', '--no-scanner'], { ...shopEnv, SKIDKABOT_KASSA: 'два' });
    expect(kassa.code).toBe(2);
    expect(kassa.stderr).toContain('SKIDKABOT_KASSA');
    expect(await readdir(dataDir)).not.toContain(ENDPOINT_FILE);
  });
});
