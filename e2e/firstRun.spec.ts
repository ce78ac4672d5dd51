import { expect, test } from './fixtures';
import type { LaunchedApp } from './harness';
import { balanceIn, overflowsSideways } from './screens';

const PASSWORD = 'хозяин-кассы';

async function setPassword(app: LaunchedApp): Promise<void> {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Первый запуск: пароль менеджера' })).toBeVisible();
  await app.screenshot('first-run-password');
  await page.getByLabel('Пароль', { exact: true }).fill('12345');
  await page.getByLabel('Пароль ещё раз').fill('12345');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Пароль — не короче 6 символов')).toBeVisible();
  await page.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Пароль ещё раз').fill(`${PASSWORD}!`);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Пароли не совпадают — введите ещё раз')).toBeVisible();
  await app.screenshot('first-run-password-mismatch');
  await page.getByLabel('Пароль ещё раз').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Какой магазин подключить?' })).toBeVisible();
}

test.describe('first run', () => {
  test.use({ tillOptions: { setup: 'none' } });

  test("sets the password, then the shop's own code and secret, checking each field first", async ({ app, simulator }) => {
    const { page } = app;
    await setPassword(app);
    await app.screenshot('first-run-shop');
    await page.getByLabel('Код магазина', { exact: true }).fill('четыре');
    await page.getByLabel('Секретный код магазина').fill('31 337');
    await page.getByRole('button', { name: 'Подключить магазин' }).click();
    await expect(page.getByText('Код магазина — целое число больше нуля')).toBeVisible();
    await expect(page.getByText('Секретный код — только цифры')).toBeVisible();
    await app.screenshot('first-run-shop-invalid');
    await expect(page.getByLabel('Секретный код магазина')).toHaveAttribute('type', 'password');

    await page.getByLabel('Код магазина', { exact: true }).fill('4');
    await page.getByLabel('Секретный код магазина').fill('31337');
    await page.getByLabel('Номер кассы').fill('3');
    await page.getByLabel('Номер кассы').press('Enter');
    await expect(page.getByText('Отсканируйте QR-код покупателя')).toBeVisible();
    await expect(page.locator('[data-status="shop"]')).toHaveText('Магазин 4');
    await expect(page.locator('[data-status="kassa"]')).toHaveText('Касса 3');

    await app.scan(simulator.issueQr(83532824));
    await expect(balanceIn(page)).toHaveText('2 365');
    expect(simulator.lastRequest()?.params['vendor_secret']).toBe('31337');
  });

  test("chooses the vendor's test shop", async ({ app, simulator }) => {
    await setPassword(app);
    await app.page.getByRole('button', { name: 'Тестовый магазин Скидкабот' }).click();
    await expect(app.page.getByText('Отсканируйте QR-код покупателя')).toBeVisible();
    await expect(app.page.locator('[data-status="shop"]')).toHaveText('Магазин 4');
    await app.scan(simulator.issueQr(83532824));
    await expect(app.page.getByTestId('customer-name')).toHaveText('Иван Петров');
  });

  test('chooses demo mode: a banner, and demo customers that scan with one key', async ({ app }) => {
    const { page } = app;
    const name = page.getByTestId('customer-name');
    await setPassword(app);
    await page.getByRole('button', { name: 'Демо-режим' }).click();
    await expect(page.getByText(/ДЕМО-РЕЖИМ/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Демо-покупатели' })).toBeVisible();
    await expect.poll(() => page.locator('.demo__customer').count()).toBeGreaterThan(3);
    await app.screenshot('demo-idle');
    await page.keyboard.press('1');
    await expect(name).toHaveText('Иван Петров');
    await app.screenshot('demo-customer');
    await page.locator('.demo__customer', { hasText: 'Ира' }).click();
    await expect(name).toHaveText('<b>Ира</b> Кузнецова');

    await page.setViewportSize({ width: 1024, height: 768 });
    // The purchase field has the focus, where a digit is a digit: Esc first, then the demo key.
    await page.keyboard.press('Escape');
    await expect(page.getByText('Отсканируйте QR-код покупателя')).toBeVisible();
    await page.keyboard.press('4');
    await expect(name).toHaveText('Алексей Иванов');
    await page.keyboard.type('123 456,78');
    expect(await overflowsSideways(page)).toBe(false);
    await app.screenshot('demo-customer-1024x768');
    expect(app.pageErrors()).toEqual([]);
  });
});
