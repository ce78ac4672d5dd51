import { describe, expect, it } from 'vitest';
import { planReversal } from './reversal';
import { operationView } from '../../test-support/journal/operationView';

const QR = { client: 83532824, secret: 31766 };

describe('planReversal', () => {
  it('undoes a redemption by an accrual and an accrual by a redemption of the same bonuses', () => {
    expect(planReversal(operationView({ kind: 'redeem' }), { qr: QR, balance: 0 })).toEqual({
      ok: true,
      value: { reverses: '20250314-100000-k1-000001', kind: 'accrue', bonuses: 40, qr: QR },
    });
    expect(planReversal(operationView(), { qr: QR, balance: 40 })).toMatchObject({ ok: true, value: { kind: 'redeem', bonuses: 40 } });
  });

  it('refuses politely when the customer has spent the bonuses to take back', () => {
    const plan = planReversal(operationView(), { qr: QR, balance: 39 });
    expect(plan).toMatchObject({ ok: false, error: { kind: 'input' } });
    if (!plan.ok) expect(plan.error.message).toBe('Отменить начисление нельзя: на счёте покупателя 39 бонусов, а забрать нужно 40 — часть он уже потратил.');
  });

  it('asks for a fresh code when the QR has expired, and refuses another customer’s code', () => {
    const stale = planReversal(operationView(), { qr: null, balance: 100 });
    if (stale.ok) throw new Error('planned without a QR');
    expect(stale.error.message).toMatch(/^QR-код покупателя устарел: он действует сутки\. Попросите покупателя/);
    expect(planReversal(operationView(), { qr: { client: 1, secret: 2 }, balance: 100 })).toMatchObject({ ok: false });
  });

  it('refuses what cannot be reversed: not applied, unresolved, already reversed, a reversal itself', () => {
    const cases = [
      operationView({ status: 'refused' }),
      operationView({ status: 'unknown', unresolved: true }),
      operationView({ reversedBy: [{ id: 'r', at: '', reason: 'x', status: 'applied' }], reversed: true }),
      operationView({ reversedBy: [{ id: 'r', at: '', reason: 'x', status: 'unknown' }] }),
      operationView({ reverses: '20250313-100000-k1-000001', by: 'manager' }),
    ];
    for (const original of cases) expect(planReversal(original, { qr: QR, balance: 1000 }).ok).toBe(false);
    expect(planReversal(operationView({ reversedBy: [{ id: 'r', at: '', reason: 'x', status: null }] }), { qr: QR, balance: 1000 }).ok).toBe(true);
  });
});
