import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal, JOURNAL_DIR } from '../journal/journal';
import { WriterLock } from '../journal/writerLock';
import { DEMO_CUSTOMERS, DEMO_SHOP } from '../simulator/demoData';
import { startSimulator, type Simulator } from '../simulator/simulator';
import { textContaining } from '../../test-support/matchers';

// The real bin against the simulator: a technician's operations land in the same journal as the till's.
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = path.join(root, 'bin', 'skidkabot-kassa.mjs');
const [ivan] = DEMO_CUSTOMERS;
if (!ivan) throw new Error('the simulator has no demo customers');

let simulator: Simulator;
let dataDir: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  simulator = await startSimulator();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kassa-cli-journal-'));
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SKIDKABOT_')));
  env = {
    ...clean,
    SKIDKABOT_DATA_DIR: dataDir,
    SKIDKABOT_API_URL: simulator.url,
    SKIDKABOT_SHOP: String(DEMO_SHOP.code),
    SKIDKABOT_SHOP_SECRET: String(DEMO_SHOP.secret),
    SKIDKABOT_KASSA: '5',
  };
});

afterEach(async () => {
  await simulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

function run(args: string[]): Promise<{ code: number | null; json: Record<string, unknown>; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args, '--json'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, json: JSON.parse(stdout) as Record<string, unknown>, stderr }));
  });
}

const qr = (): string => simulator.issueQr(ivan.client);

describe('CLI operations and the journal', () => {
  it('journals an accrual, asks before the same one again, and sends it with --confirm-duplicate', async () => {
    const before = simulator.balanceOf(ivan.client);
    const first = await run(['accrue', '--qr', qr(), '--bonuses', '6']);
    expect(first.code).toBe(0);

    const again = await run(['accrue', '--qr', qr(), '--bonuses', '6']);
    expect(again.code).toBe(2);
    expect(again.json).toMatchObject({ ok: false, error: { kind: 'input', message: textContaining('--confirm-duplicate') } });
    expect(simulator.balanceOf(ivan.client)).toBe(before + 6);

    const confirmed = await run(['accrue', '--qr', qr(), '--bonuses', '6', '--confirm-duplicate']);
    expect(confirmed.code).toBe(0);
    expect(simulator.balanceOf(ivan.client)).toBe(before + 12);

    const listed = await run(['journal', '--customer', String(ivan.client)]);
    expect(listed.json.operations).toEqual([
      expect.objectContaining({ kind: 'accrue', bonuses: 6, status: 'applied', kassa: 5, balanceBefore: before + 6 }),
      expect.objectContaining({ kind: 'accrue', bonuses: 6, status: 'applied', kassa: 5, balanceBefore: before }),
    ]);
  });

  it('journals both operations of a checkout under one purchase', async () => {
    const done = await run(['checkout', '--qr', qr(), '--purchase', '1000', '--redeem', '50']);
    expect(done.code).toBe(0);
    const report = await run(['journal', 'report']);
    expect(report.json.report).toMatchObject({ redemptions: { count: 1, bonuses: 50 }, accruals: { count: 1, bonuses: 19 }, purchases: { count: 1, kopecks: 100_000 } });
  });

  it('refuses to repeat an operation whose outcome is unknown', async () => {
    // An accrual whose intent was written and nothing after it: the till stopped while sending.
    const { journal } = await Journal.open(dataDir);
    const intent = await journal.recordIntent({ kassa: 5, shop: 4, client: ivan.client, kind: 'accrue', bonuses: 8, purchaseKopecks: 40_000, qrSecret: 1 });
    expect(intent.ok).toBe(true);
    await journal.close();

    const requests = simulator.requestCount();
    const repeat = await run(['accrue', '--qr', qr(), '--bonuses', '8', '--confirm-duplicate']);
    expect(repeat.code).toBe(3);
    expect(repeat.json).toMatchObject({ ok: false, error: { kind: 'outcome-unknown', message: textContaining('позовите менеджера') } });
    expect(repeat.json.problems).toEqual([expect.stringContaining('Неразрешённых операций в журнале: 1')]);
    expect(simulator.requestCount()).toBe(requests);
  });

  it('refuses with exit 2 while the till app holds the journal, and still reads it', async () => {
    const lock = await WriterLock.acquire(path.join(dataDir, JOURNAL_DIR), 'app');
    if (!lock.ok) throw new Error('the test could not take the lock');
    try {
      const requests = simulator.requestCount();
      const refused = await run(['redeem', '--qr', qr(), '--bonuses', '5']);
      expect(refused.code).toBe(2);
      expect(refused.json).toMatchObject({ ok: false, error: { kind: 'config', message: textContaining(`программа кассы (процесс ${process.pid})`) } });
      expect(simulator.requestCount()).toBe(requests);
      const listed = await run(['journal']);
      expect(listed.code).toBe(0);
    } finally {
      await lock.lock.release();
    }
    expect((await run(['redeem', '--qr', qr(), '--bonuses', '5'])).code).toBe(0);
  });
});
