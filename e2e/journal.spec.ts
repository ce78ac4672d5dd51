import { mkdir, readFile } from 'node:fs/promises';
import type { ExportReply } from '../src-shared/journal/types';
import { MemorySecretStore } from '../src-main/settings/secretStore';
import type { FaultySimulator } from '../test-support/simulator/faultySimulator';
import { expect, test } from './fixtures';
import type { LaunchedApp } from './harness';
import { balanceIn, DEMO, focused, logInAsManager, plainText, qrOf, openManagerTab } from './screens';

/** Scan a customer, type the purchase, press Enter (accrue), as the cashier does. */
async function accrue(app: LaunchedApp, simulator: FaultySimulator, client: number, purchase: string): Promise<void> {
  const { page } = app;
  await app.scan(qrOf(simulator, client));
  await expect(page.getByTestId('customer-name')).toBeVisible();
  await page.keyboard.type(purchase);
  await page.keyboard.press('Enter');
}

async function openJournal(app: LaunchedApp): Promise<void> {
  const { page } = app;
  await openManagerTab(page, /Журнал/);
  await expect(page.getByRole('heading', { name: 'Журнал операций', level: 1 })).toBeVisible();
}

const rows = (app: LaunchedApp) => app.page.locator('tr[data-operation]');

test.describe('operations journal', () => {
  test('shows an accrual in the journal, with the shift report and the hourly chart', async ({ app, simulator }) => {
    const { page } = app;
    await accrue(app, simulator, DEMO.ivan, '1000');
    await expect(page.locator('[data-outcome="applied"]')).toBeVisible();
    await accrue(app, simulator, DEMO.maria, '500');
    await expect(page.locator('[data-outcome="applied"]')).toHaveCount(1);
    await expect(balanceIn(page)).toHaveText('10');

    await openJournal(app);
    await expect(rows(app)).toHaveCount(2);
    const newest = rows(app).first();
    await expect(newest).toContainText(String(DEMO.maria));
    await expect(newest).toHaveText(/Начисление 10 бонусов.*500\s₽.*Проведена/);
    await page.getByRole('tab', { name: 'Отчёт за смену и часы' }).click();
    const report = page.getByTestId('shift-report');
    await expect(report.locator('[data-report="accruals"]')).toContainText('30 бонусов');
    await expect(report.locator('[data-report="purchases"]')).toHaveText(/Покупок обслужено\s*2\s*1\s500\s₽/);
    expect(await page.locator('.chart__bar--accrued').count()).toBeGreaterThan(0);
    await app.screenshot('journal-day');
    await page.getByRole('tab', { name: 'Операции за день' }).click();

    await page.getByLabel('Покупатель (номер)').fill(String(DEMO.ivan));
    await expect(rows(app)).toHaveCount(1);
    await page.getByRole('combobox', { name: 'Операции' }).selectOption('redeem');
    await expect(page.getByText('Операций с такими условиями нет')).toBeVisible();
    await page.getByLabel('Касса').fill('x');
    await expect(page.getByText('Номер кассы — целое число от 1')).toBeVisible();
    await app.screenshot('journal-filters');
    expect(app.pageErrors()).toEqual([]);
  });

  test('asks before the same accrual again: Esc or Enter keeps the purchase, only F9 sends it', async ({ app, simulator }) => {
    const { page } = app;
    await accrue(app, simulator, DEMO.ivan, '1000');
    await expect(page.locator('[data-outcome="applied"]')).toBeVisible();
    await page.keyboard.press('Escape');
    const requests = simulator.requestCount();
    await accrue(app, simulator, DEMO.ivan, '1000');
    const question = page.getByRole('dialog', { name: 'Такая операция только что была' });
    await expect(question).toBeVisible();
    await expect(page.getByTestId('repeat-text')).toHaveText(/^Начисление 20 бонусов этому покупателю уже было в \d\d:\d\d\.$/);
    // The scan's balance only: nothing was sent for the press.
    await app.settled();
    expect(simulator.requestCount() - requests).toBe(1);
    await app.screenshot('cashier-repeat-question');
    // The focus rests on «Нет»: no stray key sends the operation a second time.
    await expect(focused(page)).toHaveText(/^Нет/);

    await page.keyboard.press('Escape');
    await expect(question).toHaveCount(0);
    await expect(page.getByLabel('Сумма покупки, ₽')).toHaveValue('1000');
    await app.settled();
    expect(simulator.balanceOf(DEMO.ivan)).toBe(2385);

    // Enter pressed again by habit is a «no» too.
    await page.keyboard.press('F2');
    await expect(question).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(question).toHaveCount(0);
    await app.settled();
    expect(simulator.balanceOf(DEMO.ivan)).toBe(2385);

    await page.keyboard.press('F2');
    await expect(question).toBeVisible();
    await page.keyboard.press('F9');
    await expect(page.locator('[data-outcome="applied"]')).toBeVisible();
    await expect.poll(() => simulator.balanceOf(DEMO.ivan)).toBe(2405);
    await expect(question).toHaveCount(0);
  });

  test('blocks a repeat after an unknown outcome, and the manager settles it by a re-check', async ({ app, simulator }) => {
    const { page } = app;
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect(page.getByTestId('customer-name')).toBeVisible();
    await page.keyboard.type('1000');
    simulator.injectFault({ kind: 'drop-after-apply' }, { endpoint: 'plus' });
    simulator.injectFault({ kind: 'drop-before-apply' }, { endpoint: 'balance', times: 2 });
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-outcome="unknown"]')).toBeVisible();
    await expect(page.getByTestId('unresolved-notice')).toBeVisible();
    await app.screenshot('cashier-unknown');

    await page.keyboard.press('Escape');
    await app.scan(qrOf(simulator, DEMO.ivan));
    const blocked = page.getByTestId('blocked');
    await expect(blocked).toHaveText(/Повторять нельзя.*начисление 20 бонусов — неизвестно, прошло ли.*Позовите менеджера/);
    await expect(page.getByRole('button', { name: /Начислить бонусы/ })).toBeDisabled();
    await page.keyboard.type('1000');
    await app.screenshot('cashier-blocked');
    const requests = simulator.requestCount();
    await page.keyboard.press('F2');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-error-kind="outcome-unknown"]')).toBeVisible();
    await app.settled();
    expect(simulator.requestCount()).toBe(requests);

    // After the login the journal opens by itself, the unresolved operation on top.
    await logInAsManager(page);
    const panel = page.getByTestId('unresolved-panel');
    await expect(panel).toBeVisible();
    await expect(page.getByRole('tab', { name: /Журнал/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('tr[data-tone="unresolved"]')).toHaveCount(1);
    await app.screenshot('journal-unresolved');

    await panel.getByRole('button', { name: 'Решить' }).click();
    const dialog = page.getByRole('dialog', { name: 'Решить операцию с неизвестным итогом' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Проверить сейчас' }).click();
    await expect(dialog.getByText('Напишите причину: хотя бы 3 знака')).toBeVisible();
    await dialog.getByLabel(/Причина/).fill('Связь пропала, проверяю по балансу');
    await app.screenshot('journal-resolve-dialog');
    await dialog.getByRole('button', { name: 'Проверить сейчас' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('journal-notice')).toContainText('Проверено: баланс 2 385 — операция прошла');
    await expect(panel).toHaveCount(0);
    await expect(page.getByTestId('unresolved-notice')).toHaveCount(0);
    await expect(rows(app).first()).toContainText('решение менеджера: Связь пропала, проверяю по балансу');
    await app.screenshot('journal-resolved');

    await page.keyboard.press('Escape');
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect(balanceIn(page)).toHaveText('2 385');
    await app.settled();
    await expect(page.getByTestId('blocked')).toHaveCount(0);
  });

  test('reverses an accrual, asking for a fresh QR code when the server no longer takes the old one', async ({ app, simulator }) => {
    const { page } = app;
    await accrue(app, simulator, DEMO.ivan, '1000');
    await expect(page.locator('[data-outcome="applied"]')).toBeVisible();
    await openJournal(app);
    const dialog = page.getByRole('dialog', { name: 'Отменить операцию' });
    // Esc closes the dialog only, not the manager screen behind it.
    await rows(app).first().getByRole('button', { name: 'Отменить' }).click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Журнал операций', level: 1 })).toBeVisible();
    await rows(app).first().getByRole('button', { name: 'Отменить' }).click();
    await expect(dialog).toContainText(`У покупателя ${DEMO.ivan} будет списано 20 бонусов.`);
    await dialog.getByLabel(/Причина/).fill('Покупатель вернул товар');
    // The customer renewed the QR in the bot: the kept one is refused by the server.
    simulator.injectFault({ kind: 'code', code: 9, text: 'QR-код устарел. Перевыпустите QR-код.' }, { endpoint: 'balance' });
    await dialog.getByRole('button', { name: 'Отменить операцию' }).click();
    const fresh = page.getByTestId('fresh-qr');
    await expect(fresh).toHaveAttribute('data-state', 'waiting');
    await expect(dialog.getByRole('button', { name: 'Отменить по новому коду' })).toBeDisabled();
    await app.screenshot('journal-reverse-fresh-qr');

    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect(fresh).toHaveAttribute('data-state', 'ready');
    await dialog.getByRole('button', { name: 'Отменить по новому коду' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('journal-notice')).toContainText('Операция отменена.');
    await expect.poll(() => simulator.balanceOf(DEMO.ivan)).toBe(2365);
    await expect(rows(app)).toHaveCount(2);
    await expect(rows(app).nth(0)).toHaveAttribute('data-tone', 'reversal');
    await expect(rows(app).nth(1)).toHaveAttribute('data-tone', 'reversed');
    await page.getByRole('tab', { name: 'Отчёт за смену и часы' }).click();
    await expect(page.locator('.report__more')).toContainText('Отмен операций: 1');
    await page.getByRole('tab', { name: 'Операции за день' }).click();
    await expect(rows(app).nth(1)).toHaveText(/отменена в \d\d:\d\d: Покупатель вернул товар/);
    await app.screenshot('journal-reversed');
  });

  test('exports the day as CSV for Excel: UTF-8 with BOM, semicolons', async ({ app, simulator }) => {
    const { page } = app;
    await accrue(app, simulator, DEMO.ivan, '1000');
    await expect(page.locator('[data-outcome="applied"]')).toBeVisible();
    await openJournal(app);
    await page.getByRole('button', { name: 'Выгрузить в Excel (CSV)' }).click();
    const status = page.getByTestId('export-status');
    await expect(status.getByText(/Выгружено 1 операция в файл/)).toBeVisible();
    await app.screenshot('journal-exported');
    const reply = app.calls('journal.export')[0]?.reply;
    if (!reply?.ok) throw new Error(`the export failed: ${JSON.stringify(reply)}`);
    const { file } = reply.value as ExportReply;
    expect(plainText(await status.textContent())).toContain(file ?? 'нет файла');
    const bytes = await readFile(file ?? '');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row] = bytes.toString('utf8').slice(1).split('\r\n');
    expect(header?.split(';')[0]).toBe('"Номер операции"');
    expect(row).toMatch(new RegExp(`;${DEMO.ivan};"Начисление";20;"1000,00";"Проведена";2385;`));
  });

  test('lists an operation left unresolved before a restart, for the manager, from the first screen', async ({ launch, simulator }, testInfo) => {
    // In the test's output folder, which Playwright empties before the next run.
    const dataDir = testInfo.outputPath('data');
    await mkdir(dataDir, { recursive: true });
    const before = await launch({ setup: 'ready', dataDir, secretStore: new MemorySecretStore() });
    await before.scan(qrOf(simulator, DEMO.alexey));
    await expect(before.page.getByTestId('customer-name')).toBeVisible();
    await before.page.keyboard.type('2000');
    simulator.injectFault({ kind: 'drop-before-apply' }, { endpoint: 'plus' });
    simulator.injectFault({ kind: 'drop-before-apply' }, { endpoint: 'balance', times: 2 });
    await before.page.keyboard.press('Enter');
    await expect(before.page.locator('[data-outcome="unknown"]')).toBeVisible();
    await before.close();

    const after = await launch({ dataDir, secretStore: new MemorySecretStore(31337) });
    const { page } = after;
    await expect(page.getByTestId('unresolved-notice')).toBeVisible();
    await logInAsManager(page);
    const panel = page.getByTestId('unresolved-panel');
    await expect(panel).toContainText(`начисление 40 бонусов · покупатель ${DEMO.alexey}`);
    await after.screenshot('journal-after-restart');
    await panel.getByRole('button', { name: 'Решить' }).click();
    const dialog = page.getByRole('dialog', { name: 'Решить операцию с неизвестным итогом' });
    await dialog.getByLabel(/Причина/).fill('Баланс в боте не изменился');
    await dialog.getByRole('button', { name: 'Проверить сейчас' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('journal-notice')).toContainText('операция не прошла');
    await after.settled();
    expect(simulator.balanceOf(DEMO.alexey)).toBe(12000);
  });
});
