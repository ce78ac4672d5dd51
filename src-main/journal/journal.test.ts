import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationOutcome } from '../../src-shared/skidkabot/types';
import type { OperationId } from '../../src-shared/journal/types';
import type { AppError, Result } from '../../src-shared/errors';
import { operationIdSchema } from '../../src-shared/journal/schemas';
import { Journal, type IntentInput } from './journal';
import { counterRandom, manualClock } from '../../test-support/journal/clock';
import { faultyFs } from '../../test-support/journal/faultyFs';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'journal-test-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const QR_SECRET = 97531;

function intent(overrides: Partial<IntentInput> = {}): IntentInput {
  return {
    kassa: 2,
    shop: 4,
    client: 83532824,
    kind: 'accrue',
    bonuses: 40,
    purchaseKopecks: 200_000,
    qrSecret: QR_SECRET,
    balanceBefore: 2365,
    ...overrides,
  };
}

function applied(bonuses = 40, balance = 2405): OperationOutcome {
  return { status: 'applied', kind: 'accrue', bonuses, balance, firstName: 'Иван', lastName: 'Петров', confirmedBy: 'answer' };
}

function unknown(bonuses = 40): OperationOutcome {
  return {
    status: 'unknown',
    kind: 'accrue',
    bonuses,
    balanceBefore: 2365,
    error: { kind: 'outcome-unknown', message: 'Неизвестно, начислены ли бонусы' },
  };
}

async function openAt(clock: { now: () => number }, options: Parameters<typeof Journal.open>[1] = {}) {
  return Journal.open(dataDir, { now: clock.now, random: counterRandom(), ...options });
}

function journalDir(): string {
  return path.join(dataDir, 'journal');
}

async function monthText(month: string): Promise<string> {
  return readFile(path.join(journalDir(), `${month}.jsonl`), 'utf8');
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('Journal records', () => {
  it('writes an intent and its outcome as two readable JSON lines and reads them back after a restart', async () => {
    const clock = manualClock(2025, 3, 14, 10, 22);
    const { journal, problems } = await openAt(clock);
    expect(problems).toEqual([]);
    const id = must(await journal.recordIntent(intent({ checkoutId: 'c-1' })));
    expect(id).toMatch(/^20250314-102200-k2-[0-9a-f]{6}$/);
    must(await journal.recordOutcome(id, applied()));
    await journal.close();

    const lines = (await monthText('2025-03')).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first).toMatchObject({ v: 1, type: 'intent', id, kassa: 2, shop: 4, client: 83532824, kind: 'accrue', bonuses: 40, purchaseKopecks: 200_000, balanceBefore: 2365, checkoutId: 'c-1', by: 'cashier' });
    expect(String(first?.at)).toMatch(/^2025-03-14T10:22:00\.000[+-]\d{2}:\d{2}$/);
    expect(second).toMatchObject({ v: 1, type: 'outcome', id, status: 'applied', balance: 2405, confirmedBy: 'answer' });

    const reopened = await openAt(clock);
    const view = must(await reopened.journal.get(id));
    expect(view).toMatchObject({ id, status: 'applied', unresolved: false, balanceAfter: 2405, checkoutId: 'c-1' });
    await reopened.journal.close();
  });

  it('records every kind of outcome with its own status', async () => {
    const clock = manualClock(2025, 3, 14);
    const { journal } = await openAt(clock);
    const outcomes: OperationOutcome[] = [
      applied(),
      { status: 'refused', kind: 'accrue', bonuses: 40, error: { kind: 'server', code: 9, message: 'QR-код устарел.' } },
      { status: 'not-applied', kind: 'accrue', bonuses: 40, balance: 2365, error: { kind: 'network', message: 'Нет ответа' } },
      unknown(),
    ];
    const ids: string[] = [];
    for (const [index, outcome] of outcomes.entries()) {
      const id = must(await journal.recordIntent(intent({ client: 100 + index })));
      must(await journal.recordOutcome(id, outcome));
      ids.push(id);
    }
    const statuses = await Promise.all(ids.map(async (id) => must(await journal.get(id))?.status));
    expect(statuses).toEqual(['applied', 'refused', 'not-applied', 'unknown']);
    const refused = must(await journal.get(ids[1] ?? ''));
    expect(refused?.outcome).toMatchObject({ status: 'refused', error: { kind: 'server', code: 9 } });
    await journal.close();
  });

  it('never writes the shop secret nor the QR secret into the monthly file', async () => {
    const clock = manualClock(2025, 3, 14);
    const { journal } = await openAt(clock);
    const withSecrets = { ...intent(), shopSecret: 864209, vendor_secret: 864209, secret: 864209 } as IntentInput;
    const id = must(await journal.recordIntent(withSecrets));
    must(await journal.recordOutcome(id, applied()));
    await journal.close();
    const text = await monthText('2025-03');
    expect(text).toContain('"client":83532824');
    expect(text).not.toContain('864209');
    expect(text).not.toContain(String(QR_SECRET));
    const sidecar = await readFile(path.join(journalDir(), 'qr-secrets-20250314.jsonl'), 'utf8');
    expect(sidecar).toContain(String(QR_SECRET));
    expect(sidecar).not.toContain('864209');
  });

  it('rejects a bad intent with an input error and writes nothing', async () => {
    const clock = manualClock(2025, 3, 14);
    const { journal } = await openAt(clock);
    const result = await journal.recordIntent(intent({ bonuses: 0 }));
    expect(result).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(await readdir(journalDir())).not.toContain('2025-03.jsonl');
    await journal.close();
  });

  it('refuses a second outcome for the same operation and keeps the first', async () => {
    const clock = manualClock(2025, 3, 14);
    const { journal } = await openAt(clock);
    const id = must(await journal.recordIntent(intent()));
    must(await journal.recordOutcome(id, applied()));
    const again = await journal.recordOutcome(id, unknown());
    expect(again).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(must(await journal.get(id))?.status).toBe('applied');
    await journal.close();
  });

  it('writes concurrent intents one after another, each on its own line', async () => {
    const clock = manualClock(2025, 3, 14);
    const { journal } = await Journal.open(dataDir, { now: clock.now });
    const ids = await Promise.all(Array.from({ length: 25 }, (_, index) => journal.recordIntent(intent({ client: index }))));
    const unique = new Set(ids.map(must));
    expect(unique.size).toBe(25);
    await journal.close();
    const lines = (await monthText('2025-03')).trimEnd().split('\n');
    expect(lines).toHaveLength(25);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });
});

describe('Journal write failures', () => {
  it('reports a full disk as a journal error, leaves no half line behind, and works again when space is back', async () => {
    const clock = manualClock(2025, 3, 14);
    let full = false;
    const { fs } = faultyFs((event) => (full && event.call === 'write' ? 'ENOSPC' : null));
    const { journal } = await openAt(clock, { fs });
    const first = must(await journal.recordIntent(intent()));
    full = true;
    const failed = await journal.recordIntent(intent({ client: 7 }));
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.error.kind).toBe('journal');
    expect(failed.error.message).toMatch(/НЕ отправлена/);
    expect(failed.error.message).toMatch(/диск заполнен/);
    full = false;
    const third = must(await journal.recordIntent(intent({ client: 8 })));
    await journal.close();
    const ids = (await monthText('2025-03'))
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { id: string; client: number }).client);
    expect(ids).toEqual([83532824, 8]);
    expect(first).not.toBe(third);
    // The half line was cut off at once, not left for the next start to find torn.
    expect((await readdir(journalDir())).filter((name) => name.startsWith('torn-'))).toEqual([]);
  });

  it('reports a folder it may not write to (EACCES) as a journal error', async () => {
    const clock = manualClock(2025, 3, 14);
    const { fs } = faultyFs((event) => (event.call === 'openAppend' ? 'EACCES' : null));
    const { journal } = await openAt(clock, { fs });
    const failed = await journal.recordIntent(intent());
    expect(failed).toMatchObject({ ok: false, error: { kind: 'journal' } });
    if (!failed.ok) expect(failed.error.message).toMatch(/нет права записи/);
    await journal.close();
  });

  it('writes no intent when the QR secret cannot be kept', async () => {
    const clock = manualClock(2025, 3, 14);
    const { fs } = faultyFs((event) => (event.call === 'write' && path.basename(event.path).startsWith('qr-secrets') ? 'EROFS' : null));
    const { journal } = await openAt(clock, { fs });
    const failed = await journal.recordIntent(intent());
    expect(failed).toMatchObject({ ok: false, error: { kind: 'journal' } });
    await journal.close();
    expect(await readdir(journalDir())).not.toContain('2025-03.jsonl');
  });

  it('starts even when the data folder sits under a plain file (ENOTDIR), and then refuses to record', async () => {
    const file = path.join(dataDir, 'not-a-folder');
    await writeFile(file, 'x');
    const clock = manualClock(2025, 3, 14);
    const { journal, problems } = await Journal.open(file, { now: clock.now });
    expect(problems.some((problem) => problem.kind === 'journal')).toBe(true);
    const failed = await journal.recordIntent(intent());
    expect(failed).toMatchObject({ ok: false, error: { kind: 'journal' } });
    expect(journal.unresolved()).toEqual([]);
    await journal.close();
  });
});

describe('Journal crash recovery', () => {
  /** A month file holding one pending intent, as a run that stopped while sending leaves it. */
  async function oneIntentWritten(clock: { now: () => number }) {
    const first = await openAt(clock);
    const id = must(await first.journal.recordIntent(intent()));
    await first.journal.close();
    const file = path.join(journalDir(), '2025-03.jsonl');
    return { id, file, whole: await readFile(file, 'utf8') };
  }

  it('moves a torn last line aside, cuts the file back to whole lines, and keeps appending', async () => {
    const clock = manualClock(2025, 3, 14);
    const { id, file, whole } = await oneIntentWritten(clock);
    await writeFile(file, `${whole}{"v":1,"type":"outcome","id":"${id}","at":"2025-03-14T12:00`);

    const { journal, problems } = await openAt(clock);
    expect(problems.map((problem) => problem.message).join('\n')).toMatch(/оборвана/);
    const torn = (await readdir(journalDir())).filter((name) => name.startsWith('torn-'));
    expect(torn).toHaveLength(1);
    expect(await readFile(path.join(journalDir(), torn[0] ?? ''), 'utf8')).toBe(`{"v":1,"type":"outcome","id":"${id}","at":"2025-03-14T12:00`);
    expect(await readFile(file, 'utf8')).toBe(whole);
    expect(journal.unresolved().map((view) => view.id)).toEqual([id]);
    must(await journal.recordOutcome(id, applied()));
    await journal.close();
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { type: string }).type)).toEqual(['intent', 'outcome']);
  });

  it('reads the month once: the first append after start trusts the tail the start saw whole', async () => {
    const clock = manualClock(2025, 3, 14);
    const first = await openAt(clock);
    must(await first.journal.recordOutcome(must(await first.journal.recordIntent(intent())), applied()));
    await first.journal.close();

    const { fs, events } = faultyFs();
    const { journal } = await openAt(clock, { fs });
    must(await journal.recordIntent(intent({ client: 5 })));
    await journal.close();
    const reads = events.filter((event) => event.call === 'readFile' && event.path.endsWith('2025-03.jsonl'));
    expect(reads).toHaveLength(1);
  });

  it('still finds a line torn after start, before its first append', async () => {
    const clock = manualClock(2025, 3, 14);
    const { id, file, whole } = await oneIntentWritten(clock);
    const { journal } = await openAt(clock);
    await writeFile(file, `${whole}{"v":1,"type":"outc`);
    must(await journal.recordOutcome(id, applied()));
    await journal.close();
    expect(journal.problems.map((problem) => problem.message).join('\n')).toMatch(/оборвана/);
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { type: string }).type)).toEqual(['intent', 'outcome']);
  });

  it('skips and reports a damaged line in the middle without changing the file', async () => {
    const clock = manualClock(2025, 3, 14);
    const first = await openAt(clock);
    const a = must(await first.journal.recordIntent(intent({ client: 1 })));
    await first.journal.close();
    const file = path.join(journalDir(), '2025-03.jsonl');
    await writeFile(file, `${await readFile(file, 'utf8')}\u0000\u0000garbage\n`, { flag: 'w' });
    const second = await openAt(clock);
    const b = must(await second.journal.recordIntent(intent({ client: 2 })));
    await second.journal.close();
    const before = await readFile(file, 'utf8');

    const { journal, problems } = await openAt(clock);
    expect(problems.map((problem) => problem.message).join('\n')).toMatch(/повреждённых строк 1 \(строки 2\)/);
    expect(journal.unresolved().map((view) => view.id).sort()).toEqual([a, b].sort());
    await journal.close();
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('in read-only mode reports a torn line but repairs nothing and refuses to write', async () => {
    const clock = manualClock(2025, 3, 14);
    const first = await openAt(clock);
    must(await first.journal.recordIntent(intent()));
    await first.journal.close();
    const file = path.join(journalDir(), '2025-03.jsonl');
    const damaged = `${await readFile(file, 'utf8')}{"v":1,"ty`;
    await writeFile(file, damaged);
    const { journal, problems } = await openAt(clock, { readOnly: true });
    expect(problems.map((problem) => problem.message).join('\n')).toMatch(/не завершена/);
    expect(await journal.recordIntent(intent())).toMatchObject({ ok: false, error: { kind: 'journal' } });
    await journal.close();
    expect(await readFile(file, 'utf8')).toBe(damaged);
    expect((await readdir(journalDir())).some((name) => name.startsWith('torn-'))).toBe(false);
  });
});

describe('Journal months', () => {
  it('keeps every record of an operation in the month of its intent and starts new intents in the new month', async () => {
    const clock = manualClock(2025, 1, 31, 23, 59);
    const { journal } = await openAt(clock);
    const january = must(await journal.recordIntent(intent()));
    clock.set(new Date(2025, 1, 1, 0, 0, 30).getTime());
    must(await journal.recordOutcome(january, applied()));
    const february = must(await journal.recordIntent(intent({ client: 5 })));
    await journal.close();

    expect((await monthText('2025-01')).trimEnd().split('\n')).toHaveLength(2);
    expect((await monthText('2025-02')).trimEnd().split('\n')).toHaveLength(1);
    expect(february.startsWith('20250201-')).toBe(true);
    const januaryDay = must(await (await openAt(clock)).journal.list({ day: '2025-01-31' }));
    expect(januaryDay.map((view) => [view.id, view.status])).toEqual([[january, 'applied']]);
  });

  it('flushes the folder after creating each month file and before writing its first line', async () => {
    const clock = manualClock(2025, 1, 31, 23, 59);
    const { fs, events } = faultyFs();
    const { journal } = await openAt(clock, { fs });
    const january = must(await journal.recordIntent(intent()));
    must(await journal.recordOutcome(january, applied()));
    clock.set(new Date(2025, 1, 1, 0, 0, 30).getTime());
    must(await journal.recordIntent(intent({ client: 5 })));
    await journal.close();

    const trace = events
      .filter((event) => event.call === 'syncDir' || (event.path.endsWith('.jsonl') && !path.basename(event.path).startsWith('qr-secrets')))
      .filter((event) => event.call !== 'readFile')
      .map((event) => `${event.call} ${path.basename(event.path)}`);
    expect(trace).toEqual([
      'openAppend 2025-01.jsonl',
      'syncDir journal',
      'write 2025-01.jsonl',
      'datasync 2025-01.jsonl',
      'write 2025-01.jsonl',
      'datasync 2025-01.jsonl',
      'openAppend 2025-02.jsonl',
      'syncDir journal',
      'write 2025-02.jsonl',
      'datasync 2025-02.jsonl',
    ]);
  });

  it('reports the intent as not written when the new month file cannot be made durable', async () => {
    const clock = manualClock(2025, 3, 14);
    const { fs } = faultyFs((event) => (event.call === 'syncDir' ? 'EIO' : null));
    const { journal } = await openAt(clock, { fs });
    const written = await journal.recordIntent(intent());
    expect(written.ok).toBe(false);
    await journal.close();
  });

  it('at start reads only the current month and the months with unresolved operations', async () => {
    const clock = manualClock(2025, 1, 10);
    const first = await openAt(clock);
    must(await first.journal.recordOutcome(must(await first.journal.recordIntent(intent())), applied()));
    clock.set(new Date(2025, 1, 10, 12).getTime());
    const open = must(await first.journal.recordIntent(intent({ client: 9 })));
    must(await first.journal.recordOutcome(open, unknown()));
    await first.journal.close();

    clock.set(new Date(2025, 3, 2, 9).getTime());
    // One restart prunes the index to the months that still matter.
    await (await openAt(clock)).journal.close();
    const { fs, events } = faultyFs();
    const { journal, problems } = await openAt(clock, { fs });
    const readMonths = events.filter((event) => event.call === 'readFile' && /\d\.jsonl$/.test(event.path)).map((event) => path.basename(event.path));
    expect(readMonths).toEqual(['2025-02.jsonl']);
    expect(problems.some((problem) => problem.kind === 'outcome-unknown')).toBe(true);
    expect(journal.unresolved().map((view) => view.id)).toEqual([open]);

    must(await journal.recordResolution(open, { action: 'not-applied', reason: 'Покупатель показал баланс в боте', by: 'manager' }));
    await journal.close();
    const index = JSON.parse(await readFile(path.join(journalDir(), 'open-months.json'), 'utf8')) as { months: string[] };
    expect(index.months).toContain('2025-02');
    await (await openAt(clock)).journal.close();
    const pruned = JSON.parse(await readFile(path.join(journalDir(), 'open-months.json'), 'utf8')) as { months: string[] };
    expect(pruned.months).toEqual([]);
  });

  it('rebuilds a lost index by reading every month once', async () => {
    const clock = manualClock(2025, 1, 10);
    const first = await openAt(clock);
    const open = must(await first.journal.recordIntent(intent()));
    await first.journal.close();
    await rm(path.join(journalDir(), 'open-months.json'));
    clock.set(new Date(2025, 5, 1).getTime());
    const { journal } = await openAt(clock);
    expect(journal.unresolved().map((view) => view.id)).toEqual([open]);
    await journal.close();
    const index = JSON.parse(await readFile(path.join(journalDir(), 'open-months.json'), 'utf8')) as { months: string[] };
    expect(index.months).toEqual(['2025-01']);
  });

  it('lists with filters by day, register, customer, kind and status, newest first', async () => {
    const clock = manualClock(2025, 3, 14, 9);
    const { journal } = await openAt(clock);
    const a = must(await journal.recordIntent(intent({ client: 1, kassa: 1 })));
    must(await journal.recordOutcome(a, applied()));
    clock.advance(60_000);
    const b = must(await journal.recordIntent(intent({ client: 2, kassa: 2, kind: 'redeem' })));
    must(await journal.recordOutcome(b, { status: 'applied', kind: 'redeem', bonuses: 40, balance: 10, firstName: '', lastName: '', confirmedBy: 'answer' }));
    clock.set(new Date(2025, 2, 15, 9).getTime());
    const c = must(await journal.recordIntent(intent({ client: 1, kassa: 1 })));

    const ids = async (filter: Parameters<Journal['list']>[0]) => must(await journal.list(filter)).map((view) => view.id);
    expect(await ids({ day: '2025-03-14' })).toEqual([b, a]);
    expect(await ids({ day: '2025-03-14', kassa: 1 })).toEqual([a]);
    expect(await ids({ client: 1 })).toEqual([c, a]);
    expect(await ids({ kind: 'redeem' })).toEqual([b]);
    expect(await ids({ status: 'unresolved' })).toEqual([c]);
    expect(await ids({ limit: 2 })).toEqual([c, b]);
    expect(await ids({ day: '2025-02-14' })).toEqual([]);
    expect(await journal.list({ day: '2025-02-30' })).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(await journal.get('../../etc/passwd')).toMatchObject({ ok: false, error: { kind: 'input' } });
    await journal.close();
  });
});

describe('Journal refusals of bad input', () => {
  it("says what is wrong in the schema's own words, and names the field otherwise", async () => {
    const { journal } = await openAt(manualClock(2025, 3, 14));
    const refusal = async (reply: Promise<Result<unknown>>) => {
      const { error } = (await reply) as { error: { key: string; message: string } };
      return [error.key, error.message];
    };
    expect(await refusal(journal.list({ day: '2025-02-30' }))).toEqual(['journal.badDay', 'Дата должна быть в виде ГГГГ-ММ-ДД.']);
    expect(await refusal(journal.list({ month: '2025-13' }))).toEqual(['journal.badMonth', 'Месяц должен быть в виде ГГГГ-ММ.']);
    expect(await refusal(journal.list({ kassa: 0 }))).toEqual(['journal.badField', 'Неверное значение поля kassa.']);
    const id = must(await journal.recordIntent(intent()));
    must(await journal.recordOutcome(id, unknown()));
    const reason = async (text: string) => refusal(journal.recordResolution(id, { action: 'applied', reason: text, by: 'manager' }));
    expect(await reason('  а ')).toEqual(['journal.reasonShort', 'Напишите причину: хотя бы несколько слов.']);
    expect(await reason('я'.repeat(501))).toEqual(['journal.reasonLong', 'Причина слишком длинная: не больше 500 знаков.']);
    expect(operationIdSchema.safeParse('не-номер').error?.issues[0]?.message).toBe('journal.badId');
    await journal.close();
  });
});

describe('Journal resolutions and guards', () => {
  it('lets the manager settle an unknown operation, with the reason kept, and only once', async () => {
    const clock = manualClock(2025, 3, 14);
    const { journal } = await openAt(clock);
    const id = must(await journal.recordIntent(intent()));
    expect(await journal.recordResolution(id, { action: 'applied', reason: 'Проверено', by: 'manager' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/ещё выполняется/) as unknown },
    });
    must(await journal.recordOutcome(id, unknown()));
    expect(journal.unresolved().map((view) => view.id)).toEqual([id]);
    expect(await journal.recordResolution(id, { action: 'applied', reason: ' ', by: 'manager' })).toMatchObject({ ok: false, error: { kind: 'input' } });
    must(await journal.recordResolution(id, { action: 'recheck', reason: 'Баланс не сходится', balance: 2500, by: 'manager' }));
    expect(journal.unresolved()).toHaveLength(1);
    must(await journal.recordResolution(id, { action: 'applied', reason: 'Покупатель показал историю в боте', by: 'manager' }));
    expect(journal.unresolved()).toEqual([]);
    const view = must(await journal.get(id));
    expect(view).toMatchObject({ status: 'applied', balanceAfter: 2500 });
    expect(view?.resolutions.map((entry) => entry.reason)).toEqual(['Баланс не сходится', 'Покупатель показал историю в боте']);
    expect(await journal.recordResolution(id, { action: 'not-applied', reason: 'Передумал', by: 'manager' })).toMatchObject({ ok: false, error: { kind: 'input' } });
    await journal.close();
  });

  it('blocks the same kind for a customer while an operation is unknown or in flight', async () => {
    const clock = manualClock(2025, 3, 14);
    const { journal } = await openAt(clock);
    const id = must(await journal.recordIntent(intent()));
    expect(journal.isBlocked(83532824, 'accrue')?.id).toBe(id);
    must(await journal.recordOutcome(id, unknown()));
    expect(journal.isBlocked(83532824, 'accrue')?.id).toBe(id);
    expect(journal.isBlocked(83532824, 'redeem')).toBeNull();
    expect(journal.isBlocked(1, 'accrue')).toBeNull();
    must(await journal.recordResolution(id, { action: 'not-applied', reason: 'Баланс не изменился', by: 'manager' }));
    expect(journal.isBlocked(83532824, 'accrue')).toBeNull();
    await journal.close();
  });

  it('does not ask about a double press when the earlier operation is known not applied', async () => {
    const clock = manualClock(2025, 3, 14);
    const { journal } = await openAt(clock);
    const id = must(await journal.recordIntent(intent()));
    must(
      await journal.recordOutcome(id, {
        status: 'not-applied',
        kind: 'accrue',
        bonuses: 40,
        balance: 2365,
        error: { kind: 'network', message: 'бонусы не начислены' },
      }),
    );
    clock.advance(30_000);
    expect(journal.findDuplicate({ client: 83532824, kind: 'accrue', bonuses: 40 })).toBeNull();
    await journal.close();
  });

  it('finds the same operation pressed twice within the window', async () => {
    const clock = manualClock(2025, 3, 14);
    const { journal } = await openAt(clock);
    const id = must(await journal.recordIntent(intent()));
    must(await journal.recordOutcome(id, applied()));
    clock.advance(30_000);
    expect(journal.findDuplicate({ client: 83532824, kind: 'accrue', bonuses: 40 })?.id).toBe(id);
    expect(journal.findDuplicate({ client: 83532824, kind: 'accrue', bonuses: 41 })).toBeNull();
    clock.advance(10 * 60_000);
    expect(journal.findDuplicate({ client: 83532824, kind: 'accrue', bonuses: 40 })).toBeNull();
    await journal.close();
  });
});

describe('QR secrets', () => {
  const dayFile = (day: string) => path.join(journalDir(), `qr-secrets-${day}.jsonl`);
  const secretsLost = (problems: readonly AppError[]) => problems.some((problem) => problem.key === 'journal.qrSecretsLost');

  it('keeps the QR secret for a day from the scan, then drops it from memory, and its day from disk', async () => {
    const clock = manualClock(2025, 3, 14, 10);
    const { journal } = await openAt(clock);
    const id = must(await journal.recordIntent(intent({ qrSeenAt: clock.now() - 60 * 60_000 })));
    expect(await journal.qrFor(id)).toEqual({ client: 83532824, secret: QR_SECRET });
    clock.advance(23 * 60 * 60_000 - 1);
    expect(await journal.qrFor(id)).toEqual({ client: 83532824, secret: QR_SECRET });
    expect(await journal.qrEntry(id)).toEqual({ client: 83532824, secret: QR_SECRET, expiresAt: clock.now() + 1 });
    clock.advance(1);
    expect(await journal.qrFor(id)).toBeNull();
    expect(await journal.qrEntry(id)).toBeNull();

    // A day after the 14th ends every code of the 14th has expired: the first answer after it removes the file.
    clock.set(new Date(2025, 2, 16, 0, 0, 1).getTime());
    must(await journal.recordOutcome(must(await journal.recordIntent(intent({ client: 5 }))), applied()));
    expect(await readdir(journalDir())).not.toContain('qr-secrets-20250314.jsonl');
    await journal.close();
  });

  it('removes a day whose codes have all expired at start, by its name, reading nothing', async () => {
    const clock = manualClock(2025, 3, 14, 10);
    const first = await openAt(clock);
    must(await first.journal.recordIntent(intent()));
    await first.journal.close();
    clock.set(new Date(2025, 2, 16, 0, 0, 1).getTime());
    const { fs, events } = faultyFs();
    await (await openAt(clock, { fs })).journal.close();
    expect(await readdir(journalDir())).not.toContain('qr-secrets-20250314.jsonl');
    expect(events.filter((event) => event.call === 'readFile' && path.basename(event.path).startsWith('qr-secrets'))).toEqual([]);
  });

  it("reports an unreadable first release's file as lost codes, and still removes the expired days", async () => {
    const clock = manualClock(2025, 3, 14, 10);
    const first = await openAt(clock);
    must(await first.journal.recordIntent(intent()));
    await first.journal.close();
    await writeFile(path.join(journalDir(), 'qr-secrets.json'), '{"v":1,"entries":[]}');
    clock.set(new Date(2025, 2, 16, 0, 0, 1).getTime());
    const { fs } = faultyFs((event) => (event.call === 'readFile' && path.basename(event.path) === 'qr-secrets.json' ? 'EIO' : null));
    const { journal, problems } = await openAt(clock, { fs });
    // The operation left pending two days ago is counted as unknown; nothing else is wrong.
    expect(problems.map((problem) => problem.key).filter((key) => key !== 'journal.unresolvedCount')).toEqual(['journal.qrSecretsLost']);
    const names = await readdir(journalDir());
    expect(names).not.toContain('qr-secrets-20250314.jsonl');
    expect(names).toContain('qr-secrets.json');
    must(await journal.recordIntent(intent({ client: 5 })));
    await journal.close();
  });

  it('reads no secret at start and the day of one operation when a correction needs its code', async () => {
    const clock = manualClock(2025, 3, 14, 10);
    const first = await openAt(clock);
    const yesterday = must(await first.journal.recordIntent(intent({ client: 1 })));
    clock.advance(20 * 60 * 60_000);
    must(await first.journal.recordIntent(intent({ client: 2 })));
    await first.journal.close();

    const { fs, events } = faultyFs();
    const { journal } = await openAt(clock, { fs });
    const secretReads = () => events.filter((event) => event.call === 'readFile' && path.basename(event.path).startsWith('qr-secrets'));
    expect(secretReads()).toEqual([]);
    must(await journal.recordIntent(intent({ client: 3 })));
    expect(secretReads()).toEqual([]);
    expect(await journal.qrFor(yesterday)).toEqual({ client: 1, secret: QR_SECRET });
    expect(await journal.qrFor(yesterday)).toEqual({ client: 1, secret: QR_SECRET });
    expect(secretReads().map((event) => path.basename(event.path))).toEqual(['qr-secrets-20250314.jsonl']);
    await journal.close();
  });

  it("takes over the first release's whole file, keeping only the live codes", async () => {
    const clock = manualClock(2025, 3, 14, 10);
    await mkdir(journalDir(), { recursive: true });
    const wholeId = '20250314-093000-k1-abcdef' as OperationId;
    const lineId = '20250313-120000-k1-fedcba' as OperationId;
    const goneId = '20250313-080000-k1-aaaaaa' as OperationId;
    const whole = {
      v: 1,
      entries: [
        { id: wholeId, client: 7, secret: 4242, expiresAt: clock.now() + 60_000 },
        { id: lineId, client: 8, secret: 4343, expiresAt: clock.now() + 60_000 },
        { id: goneId, client: 9, secret: 4444, expiresAt: clock.now() - 1 },
      ],
    };
    await writeFile(path.join(journalDir(), 'qr-secrets.json'), JSON.stringify(whole));
    const { journal, problems } = await openAt(clock);
    expect(secretsLost(problems)).toBe(false);
    const names = await readdir(journalDir());
    expect(names).not.toContain('qr-secrets.json');
    expect(await journal.qrFor(wholeId)).toEqual({ client: 7, secret: 4242 });
    expect(await journal.qrFor(lineId)).toEqual({ client: 8, secret: 4343 });
    const first = must(await journal.recordIntent(intent()));
    await journal.close();
    expect((await readFile(dayFile('20250314'), 'utf8')).trimEnd().split('\n')).toHaveLength(2);
    expect(await readFile(dayFile('20250313'), 'utf8')).not.toContain('4444');

    const reopened = await openAt(clock);
    expect(await reopened.journal.qrFor(wholeId)).toEqual({ client: 7, secret: 4242 });
    expect(await reopened.journal.qrFor(first)).toEqual({ client: 83532824, secret: QR_SECRET });
    expect(secretsLost(reopened.journal.problems)).toBe(false);
    await reopened.journal.close();
  });

  it('appends past a line torn by a crash without calling it damage', async () => {
    const clock = manualClock(2025, 3, 14, 10);
    const first = await openAt(clock);
    const before = must(await first.journal.recordIntent(intent({ client: 1 })));
    await first.journal.close();
    await writeFile(dayFile('20250314'), `${await readFile(dayFile('20250314'), 'utf8')}{"id":"202503`);

    const { journal } = await openAt(clock);
    const after = must(await journal.recordIntent(intent({ client: 2, qrSecret: 777 })));
    expect(await journal.qrFor(before)).toEqual({ client: 1, secret: QR_SECRET });
    expect(await journal.qrFor(after)).toEqual({ client: 2, secret: 777 });
    expect(secretsLost(journal.problems)).toBe(false);
    await journal.close();
  });

  it('reports a damaged day when a correction reads it, and keeps new secrets', async () => {
    const clock = manualClock(2025, 3, 14);
    await mkdir(journalDir(), { recursive: true });
    await writeFile(dayFile('20250314'), '{"id":"garbage"}\n{"id":"20250314-000000-k1-abcdef","client":1,"secret":2,"expiresAt":1}\n');
    const { journal, problems } = await openAt(clock);
    expect(secretsLost(problems)).toBe(false);
    const id = must(await journal.recordIntent(intent()));
    expect(await journal.qrFor(id)).toEqual({ client: 83532824, secret: QR_SECRET });
    expect(secretsLost(journal.problems)).toBe(true);
    expect(journal.problems.map((problem) => problem.message).join('\n')).toMatch(/QR-кодов/);
    await journal.close();
  });
});
