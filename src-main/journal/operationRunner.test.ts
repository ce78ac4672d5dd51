import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appError, type Result } from '../../src-shared/errors';
import type { CustomerBalance, OperationKind, OperationOutcome } from '../../src-shared/skidkabot/types';
import type { JournalFs } from './fsPort';
import { Journal } from './journal';
import { DUPLICATE_CODE, OperationRunner, type OperationClient, type OperationRequest } from './operationRunner';
import type { QrCredentials } from './qrSecrets';
import { counterRandom, manualClock } from '../../test-support/journal/clock';
import { faultyFs, type FsEvent } from '../../test-support/journal/faultyFs';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'runner-test-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const CUSTOMER = 83532824;
const QR: QrCredentials = { client: CUSTOMER, secret: 31766 };

/** A bank in memory: operations apply at once; `lose` makes the next answer unknown after applying (or not). */
class FakeClient implements OperationClient {
  balances = new Map<number, number>([[CUSTOMER, 100]]);
  sent: Array<{ kind: OperationKind; bonuses: number }> = [];
  next: 'answer' | 'lost-applied' | 'lost-not-applied' = 'answer';
  onSend: (() => void) | null = null;

  balance(qr: QrCredentials): Promise<Result<CustomerBalance>> {
    const balance = this.balances.get(qr.client);
    if (balance === undefined) return Promise.resolve({ ok: false, error: appError('server', 'Клиент не зарегистрирован', 6) });
    return Promise.resolve({ ok: true, value: { firstName: 'Иван', lastName: 'Петров', balance, pPlus: 2, pMinus: 10 } });
  }

  accrue(qr: QrCredentials, bonuses: number, balanceBefore?: number): Promise<OperationOutcome> {
    return this.operate('accrue', qr, bonuses, balanceBefore);
  }

  redeem(qr: QrCredentials, bonuses: number, balanceBefore?: number): Promise<OperationOutcome> {
    return this.operate('redeem', qr, bonuses, balanceBefore);
  }

  private operate(kind: OperationKind, qr: QrCredentials, bonuses: number, balanceBefore = 0): Promise<OperationOutcome> {
    this.onSend?.();
    this.sent.push({ kind, bonuses });
    const before = this.balances.get(qr.client) ?? 0;
    if (kind === 'redeem' && before < bonuses) {
      return Promise.resolve({ status: 'refused', kind, bonuses, error: appError('server', 'У клиента не хватает баллов для списания.', 13) });
    }
    const mode = this.next;
    this.next = 'answer';
    if (mode !== 'lost-not-applied') this.balances.set(qr.client, kind === 'accrue' ? before + bonuses : before - bonuses);
    if (mode === 'answer') {
      return Promise.resolve({ status: 'applied', kind, bonuses, balance: this.balances.get(qr.client) ?? 0, firstName: 'Иван', lastName: 'Петров', confirmedBy: 'answer' });
    }
    return Promise.resolve({ status: 'unknown', kind, bonuses, balanceBefore, error: appError('outcome-unknown', 'Неизвестно, прошла ли операция.') });
  }
}

function request(overrides: Partial<OperationRequest> = {}): OperationRequest {
  return { qr: QR, kind: 'accrue', bonuses: 10, purchaseKopecks: 50_000, balanceBefore: 100, ...overrides };
}

async function setup(fs?: JournalFs) {
  const clock = manualClock(2025, 3, 14, 10);
  const { journal } = await Journal.open(dataDir, { now: clock.now, random: counterRandom(), ...(fs ? { fs } : {}) });
  const client = new FakeClient();
  const runner = new OperationRunner({ journal, client, shop: 4, kassa: 1 });
  return { clock, journal, client, runner };
}

describe('OperationRunner.run', () => {
  it('syncs the intent to disk before the request goes out, and the outcome after', async () => {
    const { fs, events } = faultyFs();
    const { journal, client, runner } = await setup(fs);
    let seenAtSend: { text: string; events: FsEvent[] } | null = null;
    client.onSend = () => {
      seenAtSend = { text: readFileSync(path.join(dataDir, 'journal', '2025-03.jsonl'), 'utf8'), events: [...events] };
    };
    const result = await runner.run(request());
    expect(result.status).toBe('done');
    if (result.status !== 'done') return;
    expect(seenAtSend).not.toBeNull();
    const atSend = seenAtSend as unknown as { text: string; events: FsEvent[] };
    expect(atSend.text).toContain(`"type":"intent","id":"${result.id}"`);
    expect(atSend.text).not.toContain('"type":"outcome"');
    const journalCalls = atSend.events.filter((event) => event.path.endsWith('2025-03.jsonl')).map((event) => event.call);
    expect(journalCalls.slice(-2)).toEqual(['write', 'datasync']);
    const after = events.filter((event) => event.path.endsWith('2025-03.jsonl')).map((event) => event.call);
    expect(after.slice(-2)).toEqual(['write', 'datasync']);
    expect(after.length).toBeGreaterThan(journalCalls.length);
    expect((await journal.get(result.id)).ok && (await journal.get(result.id))).toMatchObject({ value: { status: 'applied', balanceAfter: 110 } });
    await journal.close();
  });

  it('sends nothing when the disk is full', async () => {
    const { fs } = faultyFs((event) => (event.call === 'write' ? 'ENOSPC' : null));
    const { journal, client, runner } = await setup(fs);
    const result = await runner.run(request());
    expect(result).toMatchObject({ status: 'not-sent', error: { kind: 'journal' } });
    expect(client.sent).toEqual([]);
    expect(client.balances.get(CUSTOMER)).toBe(100);
    await journal.close();
  });

  it('reports an outcome that could not be written, and the operation stays for the manager', async () => {
    let breakOutcome = false;
    const { fs } = faultyFs((event) => (breakOutcome && event.call === 'write' ? 'EIO' : null));
    const { journal, client, runner } = await setup(fs);
    client.onSend = () => {
      breakOutcome = true;
    };
    const result = await runner.run(request());
    expect(result).toMatchObject({ status: 'done', outcome: { status: 'applied' }, journalError: { kind: 'journal' } });
    expect(journal.unresolved()).toHaveLength(1);
    await journal.close();
  });

  it('blocks a repeat while the outcome is unknown and asks before a double press', async () => {
    const { journal, client, runner } = await setup();
    client.next = 'lost-applied';
    const first = await runner.run(request());
    expect(first).toMatchObject({ status: 'done', outcome: { status: 'unknown' } });
    const repeat = await runner.run(request());
    expect(repeat).toMatchObject({ status: 'not-sent', error: { kind: 'outcome-unknown' } });
    if (repeat.status === 'not-sent') expect(repeat.error.message).toMatch(/позовите менеджера/);
    expect(client.sent).toHaveLength(1);

    const redeem = await runner.run(request({ kind: 'redeem', bonuses: 5, balanceBefore: 110 }));
    expect(redeem).toMatchObject({ status: 'done', outcome: { status: 'applied' } });
    const double = await runner.run(request({ kind: 'redeem', bonuses: 5, balanceBefore: 105 }));
    expect(double).toMatchObject({ status: 'needs-confirmation' });
    expect(client.sent).toHaveLength(2);
    const confirmed = await runner.run(request({ kind: 'redeem', bonuses: 5, balanceBefore: 105, confirmedDuplicate: true }));
    expect(confirmed).toMatchObject({ status: 'done', outcome: { status: 'applied', balance: 100 } });
    await journal.close();
  });
});

describe('OperationRunner.recheck and resolve', () => {
  it('settles an unknown accrual as applied when the balance moved by exactly the amount', async () => {
    const { journal, client, runner } = await setup();
    client.next = 'lost-applied';
    const first = await runner.run(request());
    if (first.status !== 'done') throw new Error('not sent');
    const checked = await runner.recheck(first.id, 'Проверка после сбоя связи');
    expect(checked).toMatchObject({ ok: true, value: { verdict: 'applied', balance: 110, view: { status: 'applied', unresolved: false } } });
    expect(journal.isBlocked(CUSTOMER, 'accrue')).toBeNull();
    await journal.close();
  });

  it('settles it as not applied when the balance did not move, and leaves it open when something else moved it', async () => {
    const { journal, client, runner } = await setup();
    client.next = 'lost-not-applied';
    const lost = await runner.run(request());
    if (lost.status !== 'done') throw new Error('not sent');
    expect(await runner.recheck(lost.id, 'Проверка')).toMatchObject({ ok: true, value: { verdict: 'not-applied' } });

    client.next = 'lost-applied';
    const second = await runner.run(request({ bonuses: 7 }));
    if (second.status !== 'done') throw new Error('not sent');
    client.balances.set(CUSTOMER, 500);
    const undecided = await runner.recheck(second.id, 'Проверка');
    expect(undecided).toMatchObject({ ok: true, value: { verdict: 'undetermined', balance: 500, view: { unresolved: true } } });
    expect(await runner.resolve(second.id, 'applied', 'Покупатель показал историю в боте')).toEqual({ ok: true, value: undefined });
    expect(journal.unresolved()).toEqual([]);
    await journal.close();
  });

  it('asks for a fresh QR once the stored one has expired', async () => {
    const { clock, journal, client, runner } = await setup();
    client.next = 'lost-applied';
    const first = await runner.run(request());
    if (first.status !== 'done') throw new Error('not sent');
    clock.advance(25 * 60 * 60_000);
    const stale = await runner.recheck(first.id, 'Проверка');
    expect(stale).toMatchObject({ ok: false, error: { kind: 'input' } });
    if (!stale.ok) expect(stale.error.message).toMatch(/новый QR-код/);
    expect(await runner.recheck(first.id, 'Проверка', { client: 1, secret: 2 })).toMatchObject({ ok: false });
    expect(await runner.recheck(first.id, 'Проверка', { client: CUSTOMER, secret: 44444 })).toMatchObject({ ok: true, value: { verdict: 'applied' } });
    await journal.close();
  });
});

describe('OperationRunner.reverse', () => {
  it('reverses a redemption by an accrual of the same bonuses, linked both ways with the reason', async () => {
    const { journal, client, runner } = await setup();
    const redeem = await runner.run(request({ kind: 'redeem', bonuses: 30 }));
    if (redeem.status !== 'done') throw new Error('not sent');
    const reversal = await runner.reverse(redeem.id, 'Покупатель вернул товар');
    expect(reversal).toMatchObject({ status: 'done', outcome: { status: 'applied', kind: 'accrue', bonuses: 30, balance: 100 } });
    if (reversal.status !== 'done') return;
    expect(client.sent).toEqual([
      { kind: 'redeem', bonuses: 30 },
      { kind: 'accrue', bonuses: 30 },
    ]);
    const original = await journal.get(redeem.id);
    expect(original).toMatchObject({ ok: true, value: { reversed: true, reversedBy: [{ id: reversal.id, reason: 'Покупатель вернул товар', status: 'applied' }] } });
    const own = await journal.get(reversal.id);
    expect(own).toMatchObject({ ok: true, value: { reverses: redeem.id, by: 'manager', reason: 'Покупатель вернул товар', purchaseKopecks: 0 } });
    expect(await runner.reverse(redeem.id, 'Ещё раз')).toMatchObject({ status: 'not-sent', error: { message: 'Операция уже отменена.' } });
    expect(await runner.reverse(reversal.id, 'Отмена отмены')).toMatchObject({ status: 'not-sent' });
    expect(client.sent).toHaveLength(2);
    await journal.close();
  });

  it('refuses politely to take back bonuses the customer has already spent', async () => {
    const { journal, client, runner } = await setup();
    const accrual = await runner.run(request({ bonuses: 50 }));
    if (accrual.status !== 'done') throw new Error('not sent');
    client.balances.set(CUSTOMER, 20);
    const reversal = await runner.reverse(accrual.id, 'Ошибка кассира');
    expect(reversal).toMatchObject({ status: 'not-sent', error: { kind: 'input' } });
    if (reversal.status === 'not-sent') expect(reversal.error.message).toMatch(/на счёте покупателя 20 бонусов, а забрать нужно 50/);
    expect(client.sent).toHaveLength(1);
    await journal.close();
  });

  it('after a day asks for a fresh code, and takes one of the same customer', async () => {
    const { clock, journal, client, runner } = await setup();
    const accrual = await runner.run(request({ bonuses: 50 }));
    if (accrual.status !== 'done') throw new Error('not sent');
    clock.advance(24 * 60 * 60_000);
    const stale = await runner.reverse(accrual.id, 'Ошибка кассира');
    expect(stale).toMatchObject({ status: 'not-sent' });
    if (stale.status === 'not-sent') expect(stale.error.message).toMatch(/QR-код покупателя устарел.*новый QR-код/);
    expect(await runner.reverse(accrual.id, 'Ошибка кассира', { client: 5, secret: 1 })).toMatchObject({ status: 'not-sent' });
    const fresh = await runner.reverse(accrual.id, 'Ошибка кассира', { client: CUSTOMER, secret: 11111 });
    expect(fresh).toMatchObject({ status: 'done', outcome: { status: 'applied', kind: 'redeem', bonuses: 50, balance: 100 } });
    expect(client.sent).toHaveLength(2);
    await journal.close();
  });

  it('refuses an operation that never went through, and a reason too short to mean anything', async () => {
    const { journal, client, runner } = await setup();
    client.balances.set(CUSTOMER, 0);
    const refused = await runner.run(request({ kind: 'redeem', bonuses: 5, balanceBefore: 0 }));
    if (refused.status !== 'done') throw new Error('not sent');
    expect(await runner.reverse(refused.id, 'Покупатель вернул товар')).toMatchObject({ status: 'not-sent', error: { message: 'Операция не была проведена: отменять нечего.' } });
    expect(await runner.reverse(refused.id, 'x')).toMatchObject({ status: 'not-sent', error: { kind: 'input' } });
    await journal.close();
  });
});

describe('OperationRunner.forCheckout', () => {
  it('journals what a checkout sends, and turns what the journal stops into a refusal', async () => {
    const { journal, client, runner } = await setup();
    const api = runner.forCheckout({ purchaseKopecks: 80_000, checkoutId: 'chk-1' });
    expect(await api.accrue(QR, 16, 100)).toMatchObject({ status: 'applied', balance: 116 });
    const again = await api.accrue(QR, 16);
    expect(again).toMatchObject({ status: 'refused', error: { kind: 'input', code: DUPLICATE_CODE } });
    expect(client.sent).toHaveLength(1);
    const listed = await journal.list({ day: '2025-03-14' });
    expect(listed).toMatchObject({ ok: true, value: [{ checkoutId: 'chk-1', purchaseKopecks: 80_000, bonuses: 16 }] });
    await journal.close();
  });
});

describe('OperationRunner.forCheckout with deferSync', () => {
  it('between the redemption and the accrual does one write+fdatasync; settle leaves both outcomes on disk', async () => {
    const { fs, events } = faultyFs();
    const { journal, client } = await setup(fs);
    const sentSeen: number[] = [];
    let told = 0;
    const onSentRunner = new OperationRunner({
      journal,
      client,
      shop: 4,
      kassa: 1,
      onSent: () => {
        told += 1;
        return Promise.resolve();
      },
    });
    client.onSend = () => {
      sentSeen.push(events.length);
    };
    const api = onSentRunner.forCheckout({ purchaseKopecks: 50_000, checkoutId: 'c1', confirmedDuplicate: true }, undefined, { deferSync: true });
    const redeemed = await api.redeem(QR, 30, 100);
    expect(redeemed).toMatchObject({ status: 'applied', balance: 70 });
    const accrued = await api.accrue(QR, 5, 70);
    expect(accrued).toMatchObject({ status: 'applied', balance: 75 });
    expect(told).toBe(0);
    const between = events.slice(sentSeen[0], sentSeen[1]).filter((event) => event.call !== 'readFile');
    const syncs = between.filter((event) => event.call === 'datasync' || event.call === 'syncDir' || event.call === 'writeFileAtomic');
    expect(syncs.map((event) => `${event.call} ${path.basename(event.path)}`)).toEqual(['datasync 2025-03.jsonl']);
    // The redemption's outcome went out before the accrual's intent, so that one sync covered both.
    const monthWrites = between.filter((event) => event.path.endsWith('2025-03.jsonl')).map((event) => event.call);
    expect(monthWrites).toEqual(['write', 'write', 'datasync']);

    await api.settle();
    expect(told).toBe(2);
    expect(events.at(-1)).toMatchObject({ call: 'datasync' });
    await journal.close();
    const reread = await Journal.open(dataDir, { readOnly: true });
    const views = must(await reread.journal.list({ day: '2025-03-14' }));
    expect(views.map((view) => view.status).sort()).toEqual(['applied', 'applied']);
    expect(reread.journal.unresolved()).toEqual([]);
    await reread.journal.close();
  });

  it('reports through settle when the deferred outcome cannot be made durable', async () => {
    let failSync = false;
    const { fs } = faultyFs((event) => (failSync && event.call === 'datasync' && event.path.endsWith('2025-03.jsonl') ? 'EIO' : null));
    const { journal, client, runner } = await setup(fs);
    const errors: string[] = [];
    const api = runner.forCheckout({ purchaseKopecks: 50_000, confirmedDuplicate: true }, (error) => errors.push(error.kind), { deferSync: true });
    client.onSend = () => {
      failSync = true;
    };
    expect(await api.redeem(QR, 30, 100)).toMatchObject({ status: 'applied' });
    await api.settle();
    expect(errors).toEqual(['journal']);
    await journal.close();
  });
});

function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}
