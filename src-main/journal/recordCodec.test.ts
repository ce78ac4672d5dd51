import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { counterRandom, manualClock } from '../../test-support/journal/clock';
import { Journal, type IntentInput } from './journal';
import { decodeRecord, encodeRecord } from './recordCodec';

// The operation's fields are declared once (recordCodec's operationFields): the journal refuses to
// write what it would refuse to read, and refuses to read what it would never have written.

const OPERATION = { kassa: 2, shop: 4, client: 83532824, kind: 'accrue', bonuses: 40, purchaseKopecks: 200_000, balanceBefore: 2365 } as const;
const INTENT_INPUT: IntentInput = { ...OPERATION, qrSecret: 97531 };
const INTENT_LINE = { v: 1, type: 'intent', id: '20250314-102231-k2-00a1b2', at: '2025-03-14T10:22:31.123+03:00', ...OPERATION, by: 'cashier' } as const;

const FRACTIONS_AND_WORDS = [1.5, '40', null, true, {}, [], Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308];
const HOSTILE: readonly (readonly [keyof typeof OPERATION, unknown])[] = [
  ...FRACTIONS_AND_WORDS.flatMap((value) => (['kassa', 'shop', 'client', 'bonuses', 'purchaseKopecks', 'balanceBefore'] as const).map((field) => [field, value] as const)),
  ['kassa', 0],
  ['kassa', -1],
  ['shop', 0],
  ['client', -1],
  ['bonuses', 0],
  ['bonuses', -40],
  ['purchaseKopecks', -1],
  ['kind', 'steal'],
  ['kind', 'ACCRUE'],
  ['kind', '\u202eaccrue'],
  ['kind', 1],
];

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'record-codec-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('an intent’s operation fields', () => {
  it('read back as written', () => {
    expect(decodeRecord(JSON.stringify(INTENT_LINE))).toEqual(INTENT_LINE);
    expect(decodeRecord(encodeRecord(INTENT_LINE as Parameters<typeof encodeRecord>[0]))).toEqual(INTENT_LINE);
  });

  it.each(HOSTILE)('with %s = %j are neither written nor read', async (field, value) => {
    expect(decodeRecord(JSON.stringify({ ...INTENT_LINE, [field]: value }))).toBeNull();

    const { journal } = await Journal.open(dataDir, { now: manualClock(2025, 3, 14).now, random: counterRandom() });
    const written = await journal.recordIntent({ ...INTENT_INPUT, [field]: value });
    await journal.close();
    expect(written).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(await readdir(path.join(dataDir, 'journal'))).not.toContain('2025-03.jsonl');
  });
});
