import { ManualScheduler } from '../src-shared/keyboard/scheduler';
import { expect, test } from './fixtures';
import { balanceIn, DEMO, focused, pasteOnBody, overflowsSideways, qrOf } from './screens';

test.describe('cashier: scan, accrue, redeem', () => {
  test('shows the idle prompt, then the customer and balance after a scan, with the purchase field focused', async ({ app, simulator }) => {
    const { page } = app;
    await expect(page.getByText('Отсканируйте QR-код покупателя')).toBeVisible();
    await app.screenshot('cashier-idle');
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect(balanceIn(page)).toHaveText('2 365');
    await expect(page.getByTestId('customer-name')).toHaveText('Иван Петров');
    await expect(focused(page)).toHaveAttribute('inputmode', 'decimal');
    await app.screenshot('cashier-customer');
  });

  test('accrues with Enter, shows what was done and the new balance, and Esc starts over', async ({ app, simulator }) => {
    const { page } = app;
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect(balanceIn(page)).toHaveText('2 365');
    await page.keyboard.type('1 234,50');
    await expect(page.locator('.figures__accrue')).toHaveText('Покупка принесёт 24 бонуса');
    await app.screenshot('cashier-purchase-typed');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-outcome="applied"]')).toContainText('Начислено 24 бонуса');
    await expect.poll(() => simulator.balanceOf(DEMO.ivan)).toBe(2389);
    await expect(balanceIn(page)).toHaveText('2 389');
    await expect(page.locator('.customer__balance-label')).toHaveText('Баланс теперь');
    await app.screenshot('cashier-accrued');

    // F2 again on the done screen: the operation is done, nothing is sent a second time.
    await page.keyboard.press('F2');
    await expect(page.locator('[data-outcome="applied"]')).toBeVisible();
    await app.settled();
    expect(app.calls('checkout.accrue').length).toBe(1);
    expect(simulator.balanceOf(DEMO.ivan)).toBe(2389);
    await page.keyboard.press('Escape');
    await expect(page.getByText('Отсканируйте QR-код покупателя')).toBeVisible();
    await expect(page.getByTestId('customer-name')).toHaveCount(0);
  });

  test('redeems the maximum with F4 and accrues on the part paid with money, saying so before the press', async ({ app, simulator }) => {
    const { page } = app;
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect(balanceIn(page)).toHaveText('2 365');
    await page.keyboard.type('1200');
    await expect(page.getByTestId('redeem-preview')).toHaveText('Спишем 120, к оплате 1 080 ₽, начислим 21');
    await app.screenshot('cashier-redeem-preview');
    await page.keyboard.press('F4');
    await expect(page.locator('[data-outcome="applied"] .outcome__text')).toHaveText(['Списано 120 бонусов', 'Начислено 21 бонус']);
    await expect.poll(() => simulator.balanceOf(DEMO.ivan)).toBe(2365 - 120 + 21);
    await expect(balanceIn(page)).toHaveText('2 266');
    await app.screenshot('cashier-redeemed');
  });

  test('redeems an amount the cashier typed, and refuses one above the maximum before sending', async ({ app, simulator }) => {
    const { page } = app;
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect(balanceIn(page)).toHaveText('2 365');
    await page.keyboard.type('1000');
    const redeem = page.getByLabel('Списать бонусов');
    await redeem.fill('101');
    await expect(page.locator('.figures__preview')).toContainText('Можно списать от 1 до 100');
    await expect(page.getByRole('button', { name: /Списать бонусы/ })).toBeDisabled();
    await app.screenshot('cashier-redeem-too-much');
    const before = simulator.requestCount();
    await page.keyboard.press('F4');
    await app.settled();
    expect(simulator.requestCount()).toBe(before);

    await redeem.fill('50');
    await expect(page.getByTestId('redeem-preview')).toHaveText('Спишем 50, к оплате 950 ₽, начислим 19');
    await redeem.press('Enter');
    await expect(page.locator('[data-outcome="applied"]')).toHaveCount(2);
    await expect.poll(() => simulator.balanceOf(DEMO.ivan)).toBe(2365 - 50 + 19);
  });

  test('shows a name with HTML in it as text', async ({ app, simulator }) => {
    const { page } = app;
    await app.scan(qrOf(simulator, DEMO.ira));
    await expect(balanceIn(page)).toHaveText('150');
    const name = page.getByTestId('customer-name');
    await expect(name).toHaveText('<b>Ира</b> Кузнецова');
    await expect(name.locator('b')).toHaveCount(0);
    await app.screenshot('cashier-html-name');
  });

  test('fits a cash desk at 1024×768 too', async ({ app, simulator }) => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 768 });
    await app.scan(qrOf(simulator, DEMO.alexey));
    await expect(balanceIn(page)).toHaveText('12 000');
    await page.keyboard.type('15 000');
    await expect(page.getByLabel('Сумма покупки, ₽')).toHaveValue('15 000');
    expect(await overflowsSideways(page)).toBe(false);
    const buttons = page.locator('.action');
    for (const box of [await buttons.nth(0).boundingBox(), await buttons.nth(1).boundingBox()]) {
      expect(box && box.y + box.height <= 768).toBe(true);
    }
    await app.screenshot('cashier-1024x768');
  });

  test('takes a pasted QR text outside the fields as a scan', async ({ app, simulator }) => {
    const { page } = app;
    await expect(page.getByText('Отсканируйте QR-код покупателя')).toBeVisible();
    await pasteOnBody(page, qrOf(simulator, DEMO.maria));
    await expect(page.getByTestId('customer-name')).toHaveText('Мария Смирнова');
    expect(app.pageErrors()).toEqual([]);
  });

  test('a second press while the first is in flight sends nothing more', async ({ app, simulator }) => {
    const { page } = app;
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect(balanceIn(page)).toHaveText('2 365');
    // Held until the presses below are done; the minute is only a ceiling.
    simulator.injectFault({ kind: 'slow', delayMs: 60_000 }, { endpoint: 'plus' });
    await page.keyboard.type('1000');
    await page.keyboard.press('F2');
    const accrue = page.locator('.action--accrue');
    await expect(accrue).toContainText('Отправляем…');
    await expect(accrue).toBeDisabled();
    await expect(page.locator('.action--redeem')).toBeDisabled();
    await app.screenshot('cashier-sending');
    await page.keyboard.press('F2');
    await page.keyboard.press('Enter');
    await page.keyboard.press('F4');
    simulator.releaseDelays();
    await expect(page.locator('[data-outcome="applied"]')).toBeVisible();
    await app.settled();
    expect(app.calls('checkout.accrue')).toHaveLength(1);
    expect(await page.locator('[data-outcome]').count()).toBe(1);
    expect(simulator.balanceOf(DEMO.ivan)).toBe(2365 + 20);
  });
});

test.describe('cashier: privacy at the till', () => {
  test("clears the customer's name and balance when main clears an idle checkout", async ({ launch, simulator }) => {
    const clock = new ManualScheduler(Date.now());
    const app = await launch({ setup: 'ready', idleClearMs: 60_000, scheduler: clock });
    const { page } = app;
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect(balanceIn(page)).toHaveText('2 365');
    await page.keyboard.type('999');
    await app.settled();
    // Typing keeps the customer: the idle minute counts from the last key.
    clock.advance(59_999);
    await app.settled();
    await expect(page.getByTestId('customer-name')).toHaveText('Иван Петров');
    clock.advance(1);
    await expect(page.getByText('Отсканируйте QR-код покупателя')).toBeVisible();
    await expect(page.getByTestId('customer-name')).toHaveCount(0);
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect(balanceIn(page)).toHaveText('2 365');
    await expect(page.getByLabel('Сумма покупки, ₽')).toHaveValue('');
  });
});
