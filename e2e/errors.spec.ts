import type { Page } from 'playwright/test';
import { expect, test } from './fixtures';
import { balanceIn, DEMO, errorKinds, qrOf } from './screens';

const firstError = (page: Page) => page.locator('[data-error-kind]').first();

test.describe('errors a cashier meets, each in its own look', () => {
  test('bad scan: a product barcode is refused without asking the server', async ({ app, simulator }) => {
    const before = simulator.requestCount();
    await app.scan('4607001234567');
    await expect.poll(() => errorKinds(app.page)).toEqual(['scan']);
    await expect(firstError(app.page)).toContainText('Исправьте на кассе');
    await expect(firstError(app.page)).toHaveAttribute('data-error-category', 'cashier');
    await app.settled();
    expect(simulator.requestCount()).toBe(before);
    await app.screenshot('error-bad-scan');
  });

  test("wrong shop: another shop's QR makes no server call", async ({ app, simulator }) => {
    const before = simulator.requestCount();
    await app.scan(qrOf(simulator, DEMO.otherShop));
    await expect.poll(() => errorKinds(app.page)).toEqual(['vendor']);
    await expect(firstError(app.page)).toContainText('Нужен другой QR-код покупателя');
    await expect(firstError(app.page)).toHaveAttribute('data-error-category', 'customer');
    await app.settled();
    expect(simulator.requestCount()).toBe(before);
    await app.screenshot('error-wrong-shop');
  });

  test('server code: an expired QR asks for a fresh one in the bot', async ({ app, simulator }) => {
    const expired = simulator.demoCustomers().find((customer) => customer.label.includes('устарел'));
    if (!expired) throw new Error('the simulator lists no expired-QR customer');
    await app.scan(expired.qrText);
    await expect.poll(() => errorKinds(app.page)).toEqual(['server']);
    await expect(firstError(app.page)).toContainText('код 9');
    await expect(firstError(app.page)).toHaveText(/бот/i);
    await app.screenshot('error-server-code-9');
  });

  test('server code while a customer is on screen: the customer stays, the reason shows', async ({ app, simulator }) => {
    await app.scan(qrOf(simulator, DEMO.maria));
    await expect(balanceIn(app.page)).toHaveText('0');
    simulator.injectFault({ kind: 'code', code: 13, text: 'У клиента не хватает баллов для списания.' }, { endpoint: 'plus' });
    await app.page.keyboard.type('500');
    await app.page.keyboard.press('F2');
    await expect.poll(() => errorKinds(app.page)).toEqual(['server']);
    await app.settled();
    await expect(app.page.getByTestId('customer-name')).toHaveCount(1);
    await app.screenshot('error-server-refused-operation');
  });

  test('network down: a stopped server is reported as no connection', async ({ app, simulator }) => {
    await simulator.close();
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect.poll(() => errorKinds(app.page)).toEqual(['network']);
    await expect(firstError(app.page)).toContainText('Нет связи с сервером');
    await expect(app.page.locator('[data-status="server"]')).toContainText('ошибка');
    await app.screenshot('error-network-down');
  });

  test('outcome unknown: the answer is lost and the re-check fails; the screen says what to check, not to press again', async ({ app, simulator }) => {
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect(balanceIn(app.page)).toHaveText('2 365');
    simulator.injectFault({ kind: 'drop-after-apply' }, { endpoint: 'plus' });
    simulator.injectFault({ kind: 'html-500' }, { endpoint: 'balance', times: 2 });
    await app.page.keyboard.type('1000');
    await app.page.keyboard.press('Enter');
    await expect(app.page.locator('[data-outcome="unknown"]')).toBeVisible();
    await expect.poll(() => errorKinds(app.page)).toEqual(['outcome-unknown']);
    const shown = app.page.locator('.till__main');
    await expect(shown).toContainText('НЕ нажимайте кнопку ещё раз');
    await expect(shown).toContainText('Баланс до операции: 2 365');
    await expect(balanceIn(app.page)).toHaveText('неизвестен');
    await app.settled();
    await expect(app.page.getByRole('button', { name: /Начислить бонусы/ })).toHaveCount(0);
    await app.screenshot('error-outcome-unknown');
  });

  test('a lost answer confirmed by the balance counts as done, and says how it was confirmed', async ({ app, simulator }) => {
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect(balanceIn(app.page)).toHaveText('2 365');
    simulator.injectFault({ kind: 'drop-after-apply' }, { endpoint: 'plus' });
    await app.page.keyboard.type('1000');
    await app.page.keyboard.press('Enter');
    await expect(app.page.locator('[data-outcome="applied"]')).toContainText('подтверждено по балансу');
    await expect(balanceIn(app.page)).toHaveText('2 385');
    await app.screenshot('cashier-accrued-confirmed-by-balance');
  });

  test('HTML 500 on the balance call is a server failure, not a crash', async ({ app, simulator }) => {
    simulator.injectFault({ kind: 'html-500' }, { endpoint: 'balance', times: 2 });
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect.poll(() => errorKinds(app.page)).toEqual(['server']);
    await app.settled();
    await expect(app.page.getByTestId('customer-name')).toHaveCount(0);
    await app.screenshot('error-html-500');
    expect(app.pageErrors()).toEqual([]);
  });
});
