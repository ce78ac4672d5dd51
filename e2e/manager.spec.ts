import { describe, expect, it } from 'vitest';
import type { Simulator } from '../src-main/simulator/simulator';
import { MANAGER_PASSWORD, READY_SHOP, type LaunchedApp } from './harness';
import { everythingOnScreen, plainText } from './screens';
import { eachTestWithReadyTill } from './readyTill';

const NEW_SECRET = 77_665_544;

describe('manager screen', () => {
  let simulator: Simulator;
  let app: LaunchedApp;

  eachTestWithReadyTill((till) => ({ simulator, app } = till));

  async function logIn(): Promise<void> {
    const { page } = app;
    await page.keyboard.press('F10');
    await page.getByRole('heading', { name: 'Вход для менеджера' }).waitFor();
    await page.getByLabel('Пароль менеджера').fill(MANAGER_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Настройки кассы' }).waitFor();
  }

  it('locks out after repeated wrong passwords and shows the time left', async () => {
    const { page } = app;
    await page.keyboard.press('F10');
    await page.getByRole('heading', { name: 'Вход для менеджера' }).waitFor();
    await app.screenshot('manager-login');
    const password = page.getByLabel('Пароль менеджера');
    await password.press('Enter');
    await page.getByText('Введите пароль', { exact: true }).waitFor();
    await password.fill('неверный-1');
    await password.press('Enter');
    await page.locator('[data-error-kind="auth"]').waitFor();
    await app.screenshot('manager-login-wrong');
    for (let attempt = 2; attempt <= 6; attempt += 1) {
      await password.fill(`неверный-${attempt}`);
      await password.press('Enter');
      await expect.poll(() => password.inputValue()).toBe('');
    }
    await page.getByTestId('lockout').waitFor();
    expect(plainText(await page.getByTestId('lockout').textContent())).toMatch(/Вход снова через \d+:\d\d/);
    const logins = () => app.bridgeLog().filter((entry) => entry.channel === 'skidkabot:manager.login');
    await password.fill(MANAGER_PASSWORD);
    await password.press('Enter');
    await expect.poll(() => logins().length).toBe(7);
    expect(logins().at(-1)?.reply).toMatchObject({ ok: false, error: { kind: 'auth' } });
    expect(await page.getByRole('heading', { name: 'Настройки кассы' }).count()).toBe(0);
    await page.getByTestId('lockout').waitFor();
    await app.screenshot('manager-lockout');
  });

  it('masks the shop secret, shows only whether it is set, and never lets it reach the page', async () => {
    const { page } = app;
    await logIn();
    const secretField = page.getByLabel(/Секретный код магазина/);
    expect(await secretField.getAttribute('type')).toBe('password');
    expect(await secretField.inputValue()).toBe('');
    expect(plainText(await page.locator('.field__note').first().textContent())).toContain('задан');
    await app.screenshot('manager-settings');

    await secretField.fill('12a');
    await secretField.press('Enter');
    await page.getByText('Секретный код — только цифры').waitFor();
    await secretField.fill(String(NEW_SECRET));
    await app.screenshot('manager-secret-typed');
    await secretField.press('Enter');
    await page.getByText('Секретный код сохранён').waitFor();
    expect(await secretField.inputValue()).toBe('');

    const screen = await everythingOnScreen(page);
    expect(screen).not.toContain(String(READY_SHOP.secret));
    expect(screen).not.toContain(String(NEW_SECRET));
    const replies = JSON.stringify(app.bridgeLog());
    expect(app.bridgeLog().some((entry) => entry.channel === 'skidkabot:settings.setSecret')).toBe(true);
    expect(replies).not.toContain(String(READY_SHOP.secret));
    expect(replies).not.toContain(String(NEW_SECRET));
  });

  it('validates every field in Russian before sending, then saves', async () => {
    const { page } = app;
    await logIn();
    const saves = () => app.bridgeLog().filter((entry) => entry.channel === 'skidkabot:settings.save').length;
    await page.getByLabel('Код магазина', { exact: true }).fill('0');
    await page.getByLabel('Номер кассы').fill('касса');
    await page.getByLabel('Свои проценты магазина').check();
    await page.getByLabel('Начисление, % покупки').fill('150');
    await page.getByText('Дополнительно').click();
    await page.getByLabel('Адрес сервера Скидкабот').fill('skidkabot.ru');
    await page.getByRole('button', { name: 'Сохранить настройки' }).click();
    for (const message of [
      'Код магазина — целое число больше нуля',
      'Номер кассы — целое число от 1 до 1 000 000',
      'Процент — число от 0 до 100',
      'Адрес сервера начинается с https:// (или http://)',
    ]) {
      await page.getByText(message).waitFor();
    }
    expect(saves()).toBe(0);
    await app.screenshot('manager-settings-invalid');

    await page.getByLabel('Код магазина', { exact: true }).fill('4');
    await page.getByLabel('Номер кассы').fill('2');
    await page.getByLabel('Начисление, % покупки').fill('3');
    await page.getByLabel('Адрес сервера Скидкабот').fill(simulator.url);
    await page.getByRole('button', { name: 'Сохранить настройки' }).click();
    await page.getByText('Настройки сохранены').waitFor();
    expect(saves()).toBe(1);
    expect(plainText(await page.locator('[data-status="kassa"]').textContent())).toBe('Касса 2');
  });

  it('checks the connection, switches the language, and logs out', async () => {
    const { page } = app;
    await logIn();
    await page.getByRole('button', { name: 'Проверить подключение' }).click();
    await page.getByRole('status').waitFor();
    expect(plainText(await page.getByRole('status').textContent())).toContain('верны');
    await app.screenshot('manager-connection-ok');

    await page.getByLabel('Язык').selectOption('en');
    await page.getByRole('button', { name: 'Сохранить настройки' }).click();
    await page.getByRole('heading', { name: 'Till settings' }).waitFor();
    await app.screenshot('manager-english');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Manager sign-in' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByText("Scan the customer's QR code").waitFor();
    await app.screenshot('cashier-idle-english');
  });
});
