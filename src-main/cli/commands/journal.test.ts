import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journal } from '../../journal/journal';
import { runCli, type CliIo } from '../runCli';
import { journalCommand } from './journal';

let dataDir: string;

function memoryIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    env: { SKIDKABOT_DATA_DIR: dataDir },
    stdout: (text: string) => {
      io.out += text;
      return Promise.resolve();
    },
    stderr: (text: string) => {
      io.err += text;
      return Promise.resolve();
    },
    readStdin: () => Promise.resolve(''),
    untilStopped: () => Promise.resolve(),
  };
  return io;
}

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await runCli(['journal', ...argv], [journalCommand], io);
  return { code, out: io.out, err: io.err };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cli-journal-'));
  let now = new Date(2025, 2, 14, 10, 0).getTime();
  const { journal } = await Journal.open(dataDir, { now: () => now });
  const base = { shop: 4, qrSecret: 12345, balanceBefore: 100 };
  const a = await journal.recordIntent({ ...base, kassa: 1, client: 111, kind: 'accrue', bonuses: 20, purchaseKopecks: 100_000 });
  if (a.ok) await journal.recordOutcome(a.value, { status: 'applied', kind: 'accrue', bonuses: 20, balance: 120, firstName: '', lastName: '', confirmedBy: 'answer' });
  now += 60 * 60_000;
  const b = await journal.recordIntent({ ...base, kassa: 2, client: 222, kind: 'redeem', bonuses: 7, purchaseKopecks: 5_000 });
  if (b.ok) await journal.recordOutcome(b.value, { status: 'unknown', kind: 'redeem', bonuses: 7, balanceBefore: 100, error: { kind: 'outcome-unknown', message: '?' } });
  await journal.close();
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('journal command', () => {
  it('lists the operations of a day, filtered, as JSON', async () => {
    const { code, out } = await cli('--day', '2025-03-14', '--kind', 'redeem', '--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { ok: boolean; operations: Array<{ client: number; status: string }> };
    expect(parsed.ok).toBe(true);
    expect(parsed.operations.map((view) => [view.client, view.status])).toEqual([[222, 'unknown']]);
  });

  it('lists for a person, oldest first, with unresolved ones marked', async () => {
    const { code, out } = await cli('--customer', '222');
    expect(code).toBe(0);
    expect(out).toMatch(/^2025-03-14 11:00:00 {2}касса 2 {2}покупатель 222 {2}Списание 7 бонусов, покупка 50 ₽ {2}— Итог неизвестен \(ТРЕБУЕТ РЕШЕНИЯ\)/);
  });

  it('prints the shift report of a day and register', async () => {
    const { code, out } = await cli('report', '--day', '2025-03-14', '--kassa', '1');
    expect(code).toBe(0);
    expect(out).toContain('Смена 2025-03-14, касса 1');
    expect(out).toContain('Начисления: 1, всего 20 бонусов');
    expect(out).toContain('Покупок обслужено: 1 на 1 000 ₽');
    const all = JSON.parse((await cli('report', '--day', '2025-03-14', '--json')).out) as { report: { unresolved: { count: number } }; hours: unknown[] };
    expect(all.report.unresolved.count).toBe(1);
    expect(all.hours).toHaveLength(24);
  });

  it('exports the day as CSV for Excel', async () => {
    const out = path.join(dataDir, 'смена.csv');
    const { code } = await cli('export', '--day', '2025-03-14', '--out', out);
    expect(code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text.startsWith('\uFEFF"Номер операции";')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(4);
  });

  it('refuses bad input with exit code 2 and a Russian message', async () => {
    expect(await cli('--day', '14.03.2025')).toMatchObject({ code: 2, err: expect.stringMatching(/ГГГГ-ММ-ДД/) as unknown });
    expect(await cli('delete')).toMatchObject({ code: 2, err: expect.stringMatching(/Неизвестное действие/) as unknown });
    expect(await cli('export', '--day', '2025-03-14')).toMatchObject({ code: 2, err: expect.stringMatching(/--out/) as unknown });
    expect(await cli('--kassa', '0')).toMatchObject({ code: 2 });
  });
});
