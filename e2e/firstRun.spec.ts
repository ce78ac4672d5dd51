import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../src-main/simulator/simulator';
import { launchApp, type LaunchedApp } from './harness';
import { balanceOnScreen, nameOnScreen, overflowsSideways, plainText } from './screens';

const PASSWORD = 'хозяин-кассы';

describe('first run', () => {
  let simulator: Simulator;
  let app: LaunchedApp;

  beforeEach(async () => {
    simulator = await startSimulator();
    app = await launchApp({ apiUrl: simulator.url });
  });

  afterEach(async () => {
    await app.close();
    await simulator.close();
  });

  async function setPassword(): Promise<void> {
    const { page } = app;
    await page.getByRole('heading', { name: 'Первый запуск: пароль менеджера' }).waitFor();
    await app.screenshot('first-run-password');
    await page.getByLabel('Пароль', { exact: true }).fill('12345');
    await page.getByLabel('Пароль ещё раз').fill('12345');
    await page.keyboard.press('Enter');
    await page.getByText('Пароль — не короче 6 символов').waitFor();
    await page.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Пароль ещё раз').fill(`${PASSWORD}!`);
    await page.keyboard.press('Enter');
    await page.getByText('Пароли не совпадают — введите ещё раз').waitFor();
    await app.screenshot('first-run-password-mismatch');
    await page.getByLabel('Пароль ещё раз').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Какой магазин подключить?' }).waitFor();
  }

  it("sets the password, then the shop's own code and secret, checking each field first", async () => {
    const { page } = app;
    await setPassword();
    await app.screenshot('first-run-shop');
    await page.getByLabel('Код магазина', { exact: true }).fill('четыре');
    await page.getByLabel('Секретный код магазина').fill('31 337');
    await page.getByRole('button', { name: 'Подключить магазин' }).click();
    await page.getByText('Код магазина — целое число больше нуля').waitFor();
    await page.getByText('Секретный код — только цифры').waitFor();
    await app.screenshot('first-run-shop-invalid');
    expect(await page.getByLabel('Секретный код магазина').getAttribute('type')).toBe('password');

    await page.getByLabel('Код магазина', { exact: true }).fill('4');
    await page.getByLabel('Секретный код магазина').fill('31337');
    await page.getByLabel('Номер кассы').fill('3');
    await page.getByLabel('Номер кассы').press('Enter');
    await page.getByText('Отсканируйте QR-код покупателя').waitFor();
    expect(plainText(await page.locator('[data-status="shop"]').textContent())).toBe('Магазин 4');
    expect(plainText(await page.locator('[data-status="kassa"]').textContent())).toBe('Касса 3');

    await app.scan(simulator.issueQr(83532824));
    await expect.poll(() => balanceOnScreen(page)).toBe(2365);
    expect(simulator.lastRequest()?.params['vendor_secret']).toBe('31337');
  });

  it("chooses the vendor's test shop", async () => {
    await setPassword();
    await app.page.getByRole('button', { name: 'Тестовый магазин Скидкабот' }).click();
    await app.page.getByText('Отсканируйте QR-код покупателя').waitFor();
    expect(plainText(await app.page.locator('[data-status="shop"]').textContent())).toBe('Магазин 4');
    await app.scan(simulator.issueQr(83532824));
    await expect.poll(() => nameOnScreen(app.page)).toBe('Иван Петров');
  });

  it('chooses demo mode: a banner, and demo customers that scan with one key', async () => {
    const { page } = app;
    await setPassword();
    await page.getByRole('button', { name: 'Демо-режим' }).click();
    await page.getByText(/ДЕМО-РЕЖИМ/).waitFor();
    await page.getByRole('heading', { name: 'Демо-покупатели' }).waitFor();
    await expect.poll(() => page.locator('.demo__customer').count()).toBeGreaterThan(3);
    await app.screenshot('demo-idle');
    await page.keyboard.press('1');
    await expect.poll(() => nameOnScreen(page)).toBe('Иван Петров');
    await app.screenshot('demo-customer');
    await page.locator('.demo__customer', { hasText: 'Ира' }).click();
    await expect.poll(() => nameOnScreen(page)).toBe('<b>Ира</b> Кузнецова');

    await page.setViewportSize({ width: 1024, height: 768 });
    // The purchase field has the focus, where a digit is a digit: Esc first, then the demo key.
    await page.keyboard.press('Escape');
    await page.getByText('Отсканируйте QR-код покупателя').waitFor();
    await page.keyboard.press('4');
    await expect.poll(() => nameOnScreen(page)).toBe('Алексей Иванов');
    await page.keyboard.type('123 456,78');
    expect(await overflowsSideways(page)).toBe(false);
    await app.screenshot('demo-customer-1024x768');
    expect(app.pageErrors()).toEqual([]);
  });
});
