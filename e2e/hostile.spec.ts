import { decodeScan } from '../src-shared/scan/decodeScan';
import { typeThrough } from '../test-support/scan/keyboardTyping';
import { startScriptedServer, type ScriptedServer } from '../test-support/skidkabot/scriptedServer';
import { expect, test } from './fixtures';
import { balanceIn, DEMO, errorKinds, pasteOnBody, qrOf, openManagerTab } from './screens';

test.describe('cashier: pasted text goes where a scan goes', () => {
  test('a QR pasted with Ctrl+V in the Russian layout is repaired and read like a scan', async ({ app, simulator }) => {
    const garbled = typeThrough(qrOf(simulator, DEMO.ivan), { os: 'ru', scanner: 'us', capsLock: false });
    expect(garbled.startsWith('Х')).toBe(true);
    await pasteOnBody(app.page, garbled);
    await expect(app.page.getByTestId('customer-name')).toHaveText('Иван Петров');
    await expect(balanceIn(app.page)).toHaveText('2 365');
  });

  test('pasted text that is no QR gets the bad-scan message and asks the server nothing', async ({ app, simulator }) => {
    const before = simulator.requestCount();
    await pasteOnBody(app.page, 'привет');
    await expect.poll(() => errorKinds(app.page)).toEqual(['scan']);
    const expected = decodeScan('привет');
    if (expected.ok) throw new Error('"привет" decoded as a QR');
    await expect(app.page.locator('[data-error-kind="scan"]').first()).toContainText(expected.error.message);
    expect(simulator.requestCount()).toBe(before);
  });
});

test.describe('cashier: a server whose balance does not add up', () => {
  let server: ScriptedServer;
  test.beforeEach(async () => {
    server = await startScriptedServer();
    server.answer('balance', { code: 0, first_name: 'Иван\u202e\u200b', last_name: '\x1b[2JПетров', balance: 2365, p_plus: 2, p_minus: 10 });
  });
  test.afterEach(async () => {
    await server.close();
  });

  test('an accrual of 7 onto 2365 answered −5 shows as done, with the warning for the manager', async ({ launch }) => {
    const app = await launch({ setup: 'ready', apiUrl: server.url });
    const { page } = app;
    await app.scan(JSON.stringify({ type: 'Skidkabot', vendor: 4, client: DEMO.ivan, secret: 97531 }));
    await expect(page.getByTestId('customer-name')).toHaveText('Иван Петров');
    server.answer('accrue', { code: 0, first_name: 'Иван', last_name: 'Петров', balance: -5 });
    await page.keyboard.type('350');
    await expect(page.locator('.figures__accrue')).toHaveText('Покупка принесёт 7 бонусов');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-outcome="applied"] .outcome__text')).toContainText('Начислено 7 бонусов');
    await expect(page.locator('[data-anomaly="balance-mismatch"]')).toHaveText(
      '⚠ Бонусы начислены, но сервер прислал баланс -5, а должно было стать 2372. Операция записана как проведённая; менеджеру нужно проверить баланс клиента в журнале.',
    );
    await app.screenshot('cashier-balance-mismatch');
    await app.settled();
    expect(server.count('accrue')).toBe(1);

    await openManagerTab(page, /Журнал/);
    const row = page.locator('tr[data-operation]');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Проведена');
    await expect(row.locator('[data-anomaly="balance-mismatch"]')).toHaveText(
      '⚠ баланс не сходится: сервер прислал -5, ожидалось 2372 — проверьте баланс клиента',
    );
    await app.screenshot('journal-balance-mismatch');
  });
});
