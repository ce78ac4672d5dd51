import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationView } from '../../src-shared/journal/types';
import { operationView } from '../../test-support/journal/operationView';
import { csvCell, csvRow, journalCsvRow } from './csv';
import { exportJournalCsv, type ExportProgress } from './exportCsv';

function view(index: number, overrides: Partial<OperationView> = {}): OperationView {
  return operationView({
    id: `20250314-1000${String(index % 60).padStart(2, '0')}-k1-${index.toString(16).padStart(6, '0')}`,
    at: `2025-03-14T10:00:${String(index % 60).padStart(2, '0')}.000+03:00`,
    kind: 'redeem',
    bonuses: 30,
    purchaseKopecks: 123_456,
    balanceAfter: 70,
    ...overrides,
  });
}

describe('csv cells', () => {
  it('quotes text, doubles quotes, leaves numbers bare and empties null', () => {
    expect(csvCell('Иван "Ваня"; Петров')).toBe('"Иван ""Ваня""; Петров"');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvRow(['a', 1, null])).toBe('"a";1;\r\n');
  });

  it('makes text that a spreadsheet would run as a formula plain', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd']) {
      expect(csvCell(evil).startsWith(`"'`)).toBe(true);
    }
    expect(csvCell('обычный текст')).toBe('"обычный текст"');
  });

  it('turns an operation into one row in Russian with rubles and a comma', () => {
    const row = journalCsvRow(
      view(1, { status: 'refused', outcome: { at: '2025-03-14T10:00:02.000+03:00', status: 'refused', error: { kind: 'server', code: 13, message: '=У клиента не хватает баллов' } } }),
    );
    expect(row).toBe(
      '"20250314-100001-k1-000001";"2025-03-14 10:00:01";1;83532824;"Списание";30;"1234,56";"Отказ";70;"кассир";;;;"\'=У клиента не хватает баллов"\r\n',
    );
  });
});

describe('exportJournalCsv', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'csv-test-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a BOM, a header and every row oldest first, reporting progress', async () => {
    const views = Array.from({ length: 1000 }, (_, index) => view(999 - index));
    const progress: ExportProgress[] = [];
    const file = path.join(dir, 'смена 2025-03-14.csv');
    const result = await exportJournalCsv(views, file, { onProgress: (step) => progress.push(step), progressEvery: 250 });
    expect(result).toEqual({ ok: true, value: { file, rows: 1000 } });
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(1002);
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(
      '"Номер операции";"Время";"Касса";"Покупатель";"Операция";"Бонусы";"Покупка, руб.";"Статус";"Баланс после";"Кем";"Отмена операции";"Отменена операцией";"Причина или решение";"Ошибка"',
    );
    expect(lines[1]?.startsWith('"20250314-100000-k1-000000"')).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(progress).toEqual([
      { done: 0, total: 1000 },
      { done: 250, total: 1000 },
      { done: 500, total: 1000 },
      { done: 750, total: 1000 },
      { done: 1000, total: 1000 },
    ]);
    expect(await readdir(dir)).toEqual(['смена 2025-03-14.csv']);
  });

  it('returns a clear error and leaves nothing behind when the folder does not exist', async () => {
    const result = await exportJournalCsv([view(1)], path.join(dir, 'нет-такой-папки', 'a.csv'));
    expect(result).toMatchObject({ ok: false, error: { kind: 'input' } });
    if (!result.ok) expect(result.error.message).toMatch(/такой папки нет/);
    expect(await readdir(dir)).toEqual([]);
  });
});
