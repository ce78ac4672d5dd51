import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalRecord } from '../../src-shared/journal/types';
import { SkidkabotClient } from '../skidkabot/client';
import { startScriptedServer, type ScriptedServer } from '../../test-support/skidkabot/scriptedServer';
import { Journal } from './journal';
import { OperationRunner } from './operationRunner';
import { decodeRecord, encodeRecord } from './recordCodec';

// Whatever the journal writes, it reads back: the rule that keeps one odd answer from blocking a customer for good.

/** Any text a server or a person could send: every code point, lone surrogate halves and controls included. */
const anyText = fc.string({ unit: 'binary', maxLength: 80 });
/** Whatever a server could put where a number belongs. */
const anyFigure = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -1e308, 2372.5, Number.MAX_SAFE_INTEGER + 2, -0, 0.1),
  fc.stringMatching(/^-?\d{1,20}(\.\d{1,8})?$/),
  anyText,
  fc.constant(null),
);

const answerArb = fc.record(
  {
    code: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 20 })),
    balance: anyFigure,
    first_name: fc.oneof(anyText, fc.integer(), fc.double()),
    last_name: anyText,
    text: anyText,
  },
  { requiredKeys: ['code'] },
);
const balanceAnswerArb = fc.record({ code: fc.constant(0), balance: anyFigure, first_name: anyText, last_name: anyText, p_plus: anyFigure, p_minus: anyFigure });

let server: ScriptedServer;
let dataDir: string;

beforeAll(async () => {
  server = await startScriptedServer();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'journal-roundtrip-'));
});
afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('journal round trip', () => {
  it('reads back every outcome it wrote, whatever the server answered', async () => {
    const client = new SkidkabotClient({ baseUrl: server.url, credentials: { shopCode: 4, shopSecret: 31337, kassa: 2 }, totalTimeoutMs: 5_000 });
    const { journal } = await Journal.open(dataDir);
    const runner = new OperationRunner({ journal, client, shop: 4, kassa: 2 });
    let customer = 1000;
    try {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('accrue' as const, 'redeem' as const), fc.integer({ min: 1, max: 10_000 }), answerArb, balanceAnswerArb, async (kind, bonuses, answer, recheck) => {
          server.answer(kind, answer);
          server.answer('balance', recheck);
          customer += 1;
          const result = await runner.run({ qr: { client: customer, secret: 97531 }, kind, bonuses, purchaseKopecks: 0, balanceBefore: 2365, confirmedDuplicate: true });
          expect(result.status).toBe('done');
          if (result.status !== 'done') return;
          expect(result.journalError).toBeNull();

          const reread = await Journal.open(dataDir, { readOnly: true });
          // Unresolved operations are reported too; they are legitimate here. Damage is not.
          expect(reread.problems.filter((problem) => problem.kind !== 'outcome-unknown')).toEqual([]);
          const view = await reread.journal.get(result.id);
          await reread.journal.close();
          expect(view.ok).toBe(true);
          if (!view.ok || view.value === null) throw new Error('operation missing after a restart');
          const { outcome } = result;
          expect(view.value.status).toBe(outcome.status);
          if (outcome.status === 'applied') {
            expect(view.value.outcome).toMatchObject({ status: 'applied', balance: outcome.balance });
            expect(view.value.outcome?.status === 'applied' && view.value.outcome.anomaly).toEqual(outcome.anomaly);
          } else {
            expect(view.value.outcome && 'error' in view.value.outcome && view.value.outcome.error).toEqual(outcome.error);
          }
        }),
        { numRuns: 60 },
      );
    } finally {
      await journal.close();
      client.close();
    }
  }, 120_000);
});

describe('journal guard on odd balances', () => {
  it('writes an applied outcome whose balance is no whole number as applied with the balance unknown, never as a line it cannot read', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'journal-odd-balance-'));
    try {
      const { journal } = await Journal.open(dir);
      const id = await journal.recordIntent({ kassa: 2, shop: 4, client: 5, kind: 'accrue', bonuses: 7, purchaseKopecks: 0, qrSecret: 1, balanceBefore: 2365 });
      if (!id.ok) throw new Error(id.error.message);
      const written = await journal.recordOutcome(id.value, { status: 'applied', kind: 'accrue', bonuses: 7, balance: 2372.5, firstName: '', lastName: '', confirmedBy: 'answer' });
      expect(written.ok).toBe(true);
      await journal.close();
      const reread = await Journal.open(dir, { readOnly: true });
      expect(reread.problems).toEqual([]);
      const view = await reread.journal.get(id.value);
      expect(view.ok && view.value).toMatchObject({ status: 'applied', outcome: { balance: null, anomaly: { code: 'balance-unreadable', reported: '2372.5' } } });
      await reread.journal.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

const idArb = fc.tuple(fc.date({ min: new Date(2020, 0, 1), max: new Date(2035, 11, 31), noInvalidDate: true }), fc.integer({ min: 1, max: 99 }), fc.stringMatching(/^[0-9a-f]{6}$/)).map(([date, kassa, hex]) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}-k${kassa}-${hex}`;
});
const atArb = fc.constant('2025-03-14T10:22:31.123+03:00');
const intArb = fc.maxSafeInteger();
const errorArb = fc.record({ kind: fc.constantFrom('server' as const, 'network' as const, 'outcome-unknown' as const), message: anyText }, { requiredKeys: ['kind', 'message'] });

const recordArb: fc.Arbitrary<JournalRecord> = fc.oneof(
  fc.record(
    {
      v: fc.constant(1 as const),
      type: fc.constant('intent' as const),
      id: idArb,
      at: atArb,
      kassa: fc.integer({ min: 1, max: 99 }),
      shop: fc.integer({ min: 1 }),
      client: fc.maxSafeNat(),
      kind: fc.constantFrom('accrue' as const, 'redeem' as const),
      bonuses: fc.integer({ min: 1 }),
      purchaseKopecks: fc.maxSafeNat(),
      balanceBefore: intArb,
      checkoutId: fc.string({ unit: 'binary', maxLength: 100 }),
      by: fc.constantFrom('cashier' as const, 'manager' as const),
      reverses: idArb,
      reason: anyText,
    },
    { requiredKeys: ['v', 'type', 'id', 'at', 'kassa', 'shop', 'client', 'kind', 'bonuses', 'purchaseKopecks', 'by'] },
  ),
  fc.oneof(
    fc.record({
      v: fc.constant(1 as const),
      type: fc.constant('outcome' as const),
      id: idArb,
      at: atArb,
      status: fc.constant('applied' as const),
      balance: fc.option(intArb, { nil: null }),
      confirmedBy: fc.constantFrom('answer' as const, 'balance-check' as const),
      anomaly: fc.oneof(
        fc.record({ code: fc.constant('balance-unreadable' as const), reported: anyText, expected: intArb }),
        fc.record({ code: fc.constant('balance-mismatch' as const), reported: intArb, expected: intArb }),
      ),
    }),
    fc.record({ v: fc.constant(1 as const), type: fc.constant('outcome' as const), id: idArb, at: atArb, status: fc.constant('refused' as const), error: errorArb }),
    fc.record({ v: fc.constant(1 as const), type: fc.constant('outcome' as const), id: idArb, at: atArb, status: fc.constant('not-applied' as const), balance: intArb, error: errorArb }),
    fc.record(
      { v: fc.constant(1 as const), type: fc.constant('outcome' as const), id: idArb, at: atArb, status: fc.constant('unknown' as const), balanceBefore: intArb, balanceAfter: intArb, error: errorArb },
      { requiredKeys: ['v', 'type', 'id', 'at', 'status', 'balanceBefore', 'error'] },
    ),
  ),
  fc.record(
      { v: fc.constant(1 as const), type: fc.constant('resolution' as const), id: idArb, at: atArb, action: fc.constantFrom('applied' as const, 'not-applied' as const, 'recheck' as const), reason: anyText, balance: intArb, by: fc.constant('manager' as const) },
      { requiredKeys: ['v', 'type', 'id', 'at', 'action', 'reason', 'by'] },
  ),
  fc.record({ v: fc.constant(1 as const), type: fc.constant('reversal' as const), id: idArb, at: atArb, reversalId: idArb, reason: anyText }),
);

describe('record codec', () => {
  it('decodes every record type exactly as it was encoded, one line each', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        const line = encodeRecord(record);
        expect(line.indexOf('\n')).toBe(line.length - 1);
        expect(decodeRecord(line)).toEqual(record);
      }),
      { numRuns: 500 },
    );
  });
});
