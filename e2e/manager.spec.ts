import { expect, test } from './fixtures';
import { MANAGER_PASSWORD, READY_SHOP, type LaunchedApp } from './harness';
import { everythingOnScreen, logInAsManager } from './screens';

const NEW_SECRET = 77_665_544;

async function logIn(app: LaunchedApp): Promise<void> {
  const { page } = app;
  await logInAsManager(page);
  await expect(page.getByRole('heading', { name: 'Настройки кассы' })).toBeVisible();
}

test.describe('manager screen', () => {
  test('locks out after repeated wrong passwords and shows the time left', async ({ app }) => {
    const { page } = app;
    await page.keyboard.press('F10');
    await expect(page.getByRole('heading', { name: 'Вход для менеджера' })).toBeVisible();
    await app.screenshot('manager-login');
    const password = page.getByLabel('Пароль менеджера');
    await password.press('Enter');
    await expect(page.getByText('Введите пароль', { exact: true })).toBeVisible();
    await password.fill('неверный-1');
    await password.press('Enter');
    await expect(page.locator('[data-error-kind="auth"]')).toBeVisible();
    await app.screenshot('manager-login-wrong');
    for (let attempt = 2; attempt <= 6; attempt += 1) {
      await password.fill(`неверный-${attempt}`);
      await password.press('Enter');
      await expect(password).toHaveValue('');
    }
    await expect(page.getByTestId('lockout')).toHaveText(/Вход снова через \d+:\d\d/);
    await password.fill(MANAGER_PASSWORD);
    await password.press('Enter');
    await expect.poll(() => app.calls('manager.login').length).toBe(7);
    await app.settled();
    expect(app.calls('manager.login')).toHaveLength(7);
    expect(app.calls('manager.login').at(-1)?.reply).toMatchObject({ ok: false, error: { kind: 'auth' } });
    await expect(page.getByRole('heading', { name: 'Настройки кассы' })).toHaveCount(0);
    await expect(page.getByTestId('lockout')).toBeVisible();
    await app.screenshot('manager-lockout');
  });

  test('masks the shop secret, shows only whether it is set, and never lets it reach the page', async ({ app }) => {
    const { page } = app;
    await logIn(app);
    const secretField = page.getByLabel(/Секретный код магазина/);
    await expect(secretField).toHaveAttribute('type', 'password');
    await expect(secretField).toHaveValue('');
    await expect(page.locator('.field__note').first()).toContainText('задан');
    await app.screenshot('manager-settings');

    await secretField.fill('12a');
    await secretField.press('Enter');
    await expect(page.getByText('Секретный код — только цифры')).toBeVisible();
    await secretField.fill(String(NEW_SECRET));
    await app.screenshot('manager-secret-typed');
    await secretField.press('Enter');
    await expect(page.getByText('Секретный код сохранён')).toBeVisible();
    await expect(secretField).toHaveValue('');
    await app.settled();

    const screen = await everythingOnScreen(page);
    expect(screen).not.toContain(String(READY_SHOP.secret));
    expect(screen).not.toContain(String(NEW_SECRET));
    const replies = JSON.stringify(app.bridgeLog());
    expect(app.calls('settings.setSecret')).not.toHaveLength(0);
    expect(replies).not.toContain(String(READY_SHOP.secret));
    expect(replies).not.toContain(String(NEW_SECRET));
  });

  test('validates every field in Russian before sending, then saves', async ({ app, simulator }) => {
    const { page } = app;
    await logIn(app);
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
      await expect(page.getByText(message)).toBeVisible();
    }
    await app.settled();
    expect(app.calls('settings.save').length).toBe(0);
    await app.screenshot('manager-settings-invalid');

    await page.getByLabel('Код магазина', { exact: true }).fill('4');
    await page.getByLabel('Номер кассы').fill('2');
    await page.getByLabel('Начисление, % покупки').fill('3');
    await page.getByLabel('Адрес сервера Скидкабот').fill(simulator.url);
    await page.getByRole('button', { name: 'Сохранить настройки' }).click();
    await expect(page.getByText('Настройки сохранены')).toBeVisible();
    await app.settled();
    expect(app.calls('settings.save').length).toBe(1);
    await expect(page.locator('[data-status="kassa"]')).toHaveText('Касса 2');
  });

  test('checks the connection, switches the language, and logs out', async ({ app }) => {
    const { page } = app;
    await logIn(app);
    await page.getByRole('button', { name: 'Проверить подключение' }).click();
    await expect(page.getByRole('status')).toContainText('верны');
    await app.screenshot('manager-connection-ok');

    await page.getByLabel('Язык').selectOption('en');
    await page.getByRole('button', { name: 'Сохранить настройки' }).click();
    await expect(page.getByRole('heading', { name: 'Till settings' })).toBeVisible();
    await app.screenshot('manager-english');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Manager sign-in' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByText("Scan the customer's QR code")).toBeVisible();
    await app.screenshot('cashier-idle-english');
  });
});
