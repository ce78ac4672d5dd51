import { describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../src-main/simulator/simulator';
import { launchApp, type LaunchedApp } from './harness';
import { balanceOnScreen, DEMO, focusedInputMode, nameOnScreen, overflowsSideways, pasteOnBody, plainText, qrOf } from './screens';
import { eachTestWithReadyTill } from './readyTill';

describe('cashier: scan, accrue, redeem', () => {
  let simulator: Simulator;
  let app: LaunchedApp;

  eachTestWithReadyTill((till) => ({ simulator, app } = till));

  it('shows the idle prompt, then the customer and balance after a scan, with the purchase field focused', async () => {
    const { page } = app;
    await page.getByText('Отсканируйте QR-код покупателя').waitFor();
    await app.screenshot('cashier-idle');
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect.poll(() => balanceOnScreen(page)).toBe(2365);
    expect(plainText(await page.getByTestId('customer-name').textContent())).toBe('Иван Петров');
    expect(await focusedInputMode(page)).toBe('decimal');
    await app.screenshot('cashier-customer');
  });

  it('accrues with Enter, shows what was done and the new balance, and Esc starts over', async () => {
    const { page } = app;
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect.poll(() => balanceOnScreen(page)).toBe(2365);
    await page.keyboard.type('1 234,50');
    expect(plainText(await page.locator('.figures__accrue').textContent())).toBe('Покупка принесёт 24 бонуса');
    await app.screenshot('cashier-purchase-typed');
    await page.keyboard.press('Enter');
    await page.locator('[data-outcome="applied"]').waitFor();
    expect(plainText(await page.locator('[data-outcome="applied"]').textContent())).toContain('Начислено 24 бонуса');
    expect(simulator.balanceOf(DEMO.ivan)).toBe(2389);
    await expect.poll(() => balanceOnScreen(page)).toBe(2389);
    expect(plainText(await page.locator('.customer__balance-label').textContent())).toBe('Баланс теперь');
    await app.screenshot('cashier-accrued');

    await page.keyboard.press('F2');
    expect(simulator.balanceOf(DEMO.ivan)).toBe(2389);
    await page.keyboard.press('Escape');
    await page.getByText('Отсканируйте QR-код покупателя').waitFor();
    expect(await page.getByTestId('customer-name').count()).toBe(0);
  });

  it('redeems the maximum with F4 and accrues on the part paid with money, saying so before the press', async () => {
    const { page } = app;
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect.poll(() => balanceOnScreen(page)).toBe(2365);
    await page.keyboard.type('1200');
    expect(plainText(await page.getByTestId('redeem-preview').textContent())).toBe('Спишем 120, к оплате 1 080 ₽, начислим 21');
    await app.screenshot('cashier-redeem-preview');
    await page.keyboard.press('F4');
    await expect.poll(() => page.locator('[data-outcome="applied"]').count()).toBe(2);
    const lines = await page.locator('[data-outcome="applied"] .outcome__text').allTextContents();
    expect(lines.map(plainText)).toEqual(['Списано 120 бонусов', 'Начислено 21 бонус']);
    expect(simulator.balanceOf(DEMO.ivan)).toBe(2365 - 120 + 21);
    await expect.poll(() => balanceOnScreen(page)).toBe(2266);
    await app.screenshot('cashier-redeemed');
  });

  it('redeems an amount the cashier typed, and refuses one above the maximum before sending', async () => {
    const { page } = app;
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect.poll(() => balanceOnScreen(page)).toBe(2365);
    await page.keyboard.type('1000');
    const redeem = page.getByLabel('Списать бонусов');
    await redeem.fill('101');
    expect(plainText(await page.locator('.figures__preview').textContent())).toContain('Можно списать от 1 до 100');
    expect(await page.getByRole('button', { name: /Списать бонусы/ }).isDisabled()).toBe(true);
    await app.screenshot('cashier-redeem-too-much');
    const before = simulator.requestCount();
    await page.keyboard.press('F4');
    expect(simulator.requestCount()).toBe(before);

    await redeem.fill('50');
    expect(plainText(await page.getByTestId('redeem-preview').textContent())).toBe('Спишем 50, к оплате 950 ₽, начислим 19');
    await redeem.press('Enter');
    await expect.poll(() => page.locator('[data-outcome="applied"]').count()).toBe(2);
    expect(simulator.balanceOf(DEMO.ivan)).toBe(2365 - 50 + 19);
  });

  it('shows a name with HTML in it as text', async () => {
    const { page } = app;
    await app.scan(qrOf(simulator, DEMO.ira));
    await expect.poll(() => balanceOnScreen(page)).toBe(150);
    const name = page.getByTestId('customer-name');
    expect(plainText(await name.textContent())).toBe('<b>Ира</b> Кузнецова');
    expect(await name.locator('b').count()).toBe(0);
    await app.screenshot('cashier-html-name');
  });

  it('fits a cash desk at 1024×768 too', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 768 });
    await app.scan(qrOf(simulator, DEMO.alexey));
    await expect.poll(() => balanceOnScreen(page)).toBe(12000);
    await page.keyboard.type('15 000');
    expect(await overflowsSideways(page)).toBe(false);
    const buttons = page.locator('.action');
    for (const box of [await buttons.nth(0).boundingBox(), await buttons.nth(1).boundingBox()]) {
      expect(box && box.y + box.height <= 768).toBe(true);
    }
    await app.screenshot('cashier-1024x768');
  });

  it('takes a pasted QR text outside the fields as a scan', async () => {
    const { page } = app;
    await page.getByText('Отсканируйте QR-код покупателя').waitFor();
    await pasteOnBody(page, qrOf(simulator, DEMO.maria));
    await expect.poll(() => nameOnScreen(page)).toBe('Мария Смирнова');
    expect(app.pageErrors()).toEqual([]);
  });

  it('a second press while the first is in flight sends nothing more', async () => {
    const { page } = app;
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect.poll(() => balanceOnScreen(page)).toBe(2365);
    simulator.injectFault({ kind: 'slow', delayMs: 1500 }, { endpoint: 'plus' });
    await page.keyboard.type('1000');
    await page.keyboard.press('F2');
    const accrue = page.locator('.action--accrue');
    await page.getByText('Отправляем…').waitFor();
    expect(plainText(await accrue.textContent())).toContain('Отправляем…');
    expect(await accrue.isDisabled()).toBe(true);
    expect(await page.locator('.action--redeem').isDisabled()).toBe(true);
    await app.screenshot('cashier-sending');
    await page.keyboard.press('F2');
    await page.keyboard.press('Enter');
    await page.keyboard.press('F4');
    await page.locator('[data-outcome="applied"]').waitFor();
    expect(await page.locator('[data-outcome]').count()).toBe(1);
    expect(simulator.balanceOf(DEMO.ivan)).toBe(2365 + 20);
  });
});

describe('cashier: privacy at the till', () => {
  it("clears the customer's name and balance when main clears an idle checkout", async () => {
    const simulator = await startSimulator();
    const app = await launchApp({ apiUrl: simulator.url, setup: 'ready', idleClearMs: 500 });
    try {
      await app.scan(qrOf(simulator, DEMO.ivan));
      await expect.poll(() => balanceOnScreen(app.page)).toBe(2365);
      await app.page.keyboard.type('999');
      await app.page.getByText('Отсканируйте QR-код покупателя').waitFor();
      expect(await nameOnScreen(app.page)).toBe('');
      await app.scan(qrOf(simulator, DEMO.ivan));
      await expect.poll(() => balanceOnScreen(app.page)).toBe(2365);
      expect(await app.page.getByLabel('Сумма покупки, ₽').inputValue()).toBe('');
    } finally {
      await app.close();
      await simulator.close();
    }
  });
});
