import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportReply } from '../src-shared/journal/types';
import { MemorySecretStore } from '../src-main/settings/secretStore';
import type { Simulator } from '../src-main/simulator/simulator';
import { launchApp, MANAGER_PASSWORD, type LaunchedApp } from './harness';
import { balanceOnScreen, DEMO, plainText, qrOf } from './screens';
import { eachTestWithReadyTill } from './readyTill';

describe('operations journal', () => {
  let simulator: Simulator;
  let app: LaunchedApp;

  eachTestWithReadyTill((till) => ({ simulator, app } = till));

  /** Scan a customer, type the purchase, press Enter (accrue), as the cashier does. */
  async function accrue(client: number, purchase: string): Promise<void> {
    const { page } = app;
    await app.scan(qrOf(simulator, client));
    await page.getByTestId('customer-name').waitFor();
    await page.keyboard.type(purchase);
    await page.keyboard.press('Enter');
  }

  async function openJournal(): Promise<void> {
    const { page } = app;
    await page.keyboard.press('F10');
    await page.getByLabel('Пароль менеджера').fill(MANAGER_PASSWORD);
    await page.keyboard.press('Enter');
    const tab = page.getByRole('tab', { name: /Журнал операций/ });
    await tab.waitFor();
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    await page.getByRole('heading', { name: 'Журнал операций', level: 1 }).waitFor();
  }

  const rows = () => app.page.locator('tr[data-operation]');

  it('shows an accrual in the journal, with the shift report and the hourly chart', async () => {
    const { page } = app;
    await accrue(DEMO.ivan, '1000');
    await page.locator('[data-outcome="applied"]').waitFor();
    await accrue(DEMO.maria, '500');
    await expect.poll(() => page.locator('[data-outcome="applied"]').count()).toBe(1);
    await expect.poll(() => balanceOnScreen(page)).toBe(10);

    await openJournal();
    await expect.poll(() => rows().count()).toBe(2);
    const newest = plainText(await rows().first().textContent());
    expect(newest).toContain(String(DEMO.maria));
    expect(newest).toMatch(/Начисление 10 бонусов.*500 ₽.*Проведена/);
    const report = page.getByTestId('shift-report');
    expect(plainText(await report.locator('[data-report="accruals"]').textContent())).toContain('30 бонусов');
    expect(plainText(await report.locator('[data-report="purchases"]').textContent())).toMatch(/Покупок обслужено\s*2\s*1 500 ₽/);
    expect(await page.locator('.chart__bar--accrued').count()).toBeGreaterThan(0);
    await app.screenshot('journal-day');

    await page.getByLabel('Покупатель (номер)').fill(String(DEMO.ivan));
    await expect.poll(() => rows().count()).toBe(1);
    await page.getByRole('combobox', { name: 'Операции' }).selectOption('redeem');
    await page.getByText('Операций с такими условиями нет').waitFor();
    await page.getByLabel('Касса').fill('x');
    await page.getByText('Номер кассы — целое число от 1').waitFor();
    await app.screenshot('journal-filters');
    expect(app.pageErrors()).toEqual([]);
  });

  it('asks before the same accrual again: Esc or Enter keeps the purchase, only F9 sends it', async () => {
    const { page } = app;
    await accrue(DEMO.ivan, '1000');
    await page.locator('[data-outcome="applied"]').waitFor();
    await page.keyboard.press('Escape');
    const requests = simulator.requestCount();
    await accrue(DEMO.ivan, '1000');
    const question = page.getByRole('dialog', { name: 'Такая операция только что была' });
    await question.waitFor();
    expect(plainText(await page.getByTestId('repeat-text').textContent())).toMatch(/^Начисление 20 бонусов этому покупателю уже было в \d\d:\d\d\.$/);
    // The scan's balance only: nothing was sent for the press.
    expect(simulator.requestCount() - requests).toBe(1);
    await app.screenshot('cashier-repeat-question');
    // The focus rests on «Нет»: no stray key sends the operation a second time.
    expect(plainText(await page.locator(':focus').textContent())).toMatch(/^Нет/);

    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Сумма покупки, ₽').inputValue()).toBe('1000');
    expect(simulator.balanceOf(DEMO.ivan)).toBe(2385);

    // Enter pressed again by habit is a «no» too.
    await page.keyboard.press('F2');
    await question.waitFor();
    await page.keyboard.press('Enter');
    await question.waitFor({ state: 'detached' });
    expect(simulator.balanceOf(DEMO.ivan)).toBe(2385);

    await page.keyboard.press('F2');
    await question.waitFor();
    await page.keyboard.press('F9');
    await page.locator('[data-outcome="applied"]').waitFor();
    expect(simulator.balanceOf(DEMO.ivan)).toBe(2405);
    expect(await question.count()).toBe(0);
  });

  it('blocks a repeat after an unknown outcome, and the manager settles it by a re-check', async () => {
    const { page } = app;
    await app.scan(qrOf(simulator, DEMO.ivan));
    await page.getByTestId('customer-name').waitFor();
    await page.keyboard.type('1000');
    simulator.injectFault({ kind: 'drop-after-apply' }, { endpoint: 'plus' });
    simulator.injectFault({ kind: 'drop-before-apply' }, { endpoint: 'balance', times: 2 });
    await page.keyboard.press('Enter');
    await page.locator('[data-outcome="unknown"]').waitFor();
    await page.getByTestId('unresolved-notice').waitFor();
    await app.screenshot('cashier-unknown');

    await page.keyboard.press('Escape');
    await app.scan(qrOf(simulator, DEMO.ivan));
    const blocked = page.getByTestId('blocked');
    await blocked.waitFor();
    expect(plainText(await blocked.textContent())).toMatch(/Повторять нельзя.*начисление 20 бонусов — неизвестно, прошло ли.*Позовите менеджера/);
    expect(await page.getByRole('button', { name: /Начислить бонусы/ }).isDisabled()).toBe(true);
    await page.keyboard.type('1000');
    await app.screenshot('cashier-blocked');
    const requests = simulator.requestCount();
    await page.keyboard.press('F2');
    await page.keyboard.press('Enter');
    await page.locator('[data-error-kind="outcome-unknown"]').waitFor();
    expect(simulator.requestCount()).toBe(requests);

    // After the login the journal opens by itself, the unresolved operation on top.
    await page.keyboard.press('F10');
    await page.getByLabel('Пароль менеджера').fill(MANAGER_PASSWORD);
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('unresolved-panel');
    await panel.waitFor();
    expect(await page.getByRole('tab', { name: /Журнал операций/ }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('tr[data-tone="unresolved"]').count()).toBe(1);
    await app.screenshot('journal-unresolved');

    await panel.getByRole('button', { name: 'Решить' }).click();
    const dialog = page.getByRole('dialog', { name: 'Решить операцию с неизвестным итогом' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Проверить сейчас' }).click();
    await dialog.getByText('Напишите причину: хотя бы 3 знака').waitFor();
    await dialog.getByLabel(/Причина/).fill('Связь пропала, проверяю по балансу');
    await app.screenshot('journal-resolve-dialog');
    await dialog.getByRole('button', { name: 'Проверить сейчас' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(plainText(await page.getByTestId('journal-notice').textContent())).toContain('Проверено: баланс 2 385 — операция прошла');
    await panel.waitFor({ state: 'detached' });
    await page.getByTestId('unresolved-notice').waitFor({ state: 'detached' });
    expect(plainText(await rows().first().textContent())).toContain('решение менеджера: Связь пропала, проверяю по балансу');
    await app.screenshot('journal-resolved');

    await page.keyboard.press('Escape');
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect.poll(() => balanceOnScreen(page)).toBe(2385);
    expect(await page.getByTestId('blocked').count()).toBe(0);
  });

  it('reverses an accrual, asking for a fresh QR code when the server no longer takes the old one', async () => {
    const { page } = app;
    await accrue(DEMO.ivan, '1000');
    await page.locator('[data-outcome="applied"]').waitFor();
    await openJournal();
    const dialog = page.getByRole('dialog', { name: 'Отменить операцию' });
    // Esc closes the dialog only, not the manager screen behind it.
    await rows().first().getByRole('button', { name: 'Отменить' }).click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Журнал операций', level: 1 }).waitFor();
    await rows().first().getByRole('button', { name: 'Отменить' }).click();
    await dialog.waitFor();
    expect(plainText(await dialog.textContent())).toContain(`У покупателя ${DEMO.ivan} будет списано 20 бонусов.`);
    await dialog.getByLabel(/Причина/).fill('Покупатель вернул товар');
    // The customer renewed the QR in the bot: the kept one is refused by the server.
    simulator.injectFault({ kind: 'code', code: 9, text: 'QR-код устарел. Перевыпустите QR-код.' }, { endpoint: 'balance' });
    await dialog.getByRole('button', { name: 'Отменить операцию' }).click();
    const fresh = page.getByTestId('fresh-qr');
    await fresh.waitFor();
    expect(await fresh.getAttribute('data-state')).toBe('waiting');
    expect(await dialog.getByRole('button', { name: 'Отменить по новому коду' }).isDisabled()).toBe(true);
    await app.screenshot('journal-reverse-fresh-qr');

    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect.poll(() => fresh.getAttribute('data-state')).toBe('ready');
    await dialog.getByRole('button', { name: 'Отменить по новому коду' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(plainText(await page.getByTestId('journal-notice').textContent())).toContain('Операция отменена.');
    expect(simulator.balanceOf(DEMO.ivan)).toBe(2365);
    await expect.poll(() => rows().count()).toBe(2);
    expect(await rows().nth(0).getAttribute('data-tone')).toBe('reversal');
    expect(await rows().nth(1).getAttribute('data-tone')).toBe('reversed');
    expect(plainText(await page.locator('.report__more').textContent())).toContain('Отмен операций: 1');
    expect(plainText(await rows().nth(1).textContent())).toMatch(/отменена в \d\d:\d\d: Покупатель вернул товар/);
    await app.screenshot('journal-reversed');
  });

  it('lists an operation left unresolved before a restart, for the manager, from the first screen', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kassa-e2e-restart-'));
    try {
      const before = await launchApp({ apiUrl: simulator.url, setup: 'ready', dataDir, secretStore: new MemorySecretStore() });
      await before.scan(qrOf(simulator, DEMO.alexey));
      await before.page.getByTestId('customer-name').waitFor();
      await before.page.keyboard.type('2000');
      simulator.injectFault({ kind: 'drop-before-apply' }, { endpoint: 'plus' });
      simulator.injectFault({ kind: 'drop-before-apply' }, { endpoint: 'balance', times: 2 });
      await before.page.keyboard.press('Enter');
      await before.page.locator('[data-outcome="unknown"]').waitFor();
      await before.close();

      const after = await launchApp({ apiUrl: simulator.url, dataDir, secretStore: new MemorySecretStore(31337) });
      try {
        const { page } = after;
        await page.getByTestId('unresolved-notice').waitFor();
        await page.keyboard.press('F10');
        await page.getByLabel('Пароль менеджера').fill(MANAGER_PASSWORD);
        await page.keyboard.press('Enter');
        const panel = page.getByTestId('unresolved-panel');
        await panel.waitFor();
        expect(plainText(await panel.textContent())).toContain(`начисление 40 бонусов · покупатель ${DEMO.alexey}`);
        await after.screenshot('journal-after-restart');
        await panel.getByRole('button', { name: 'Решить' }).click();
        const dialog = page.getByRole('dialog', { name: 'Решить операцию с неизвестным итогом' });
        await dialog.getByLabel(/Причина/).fill('Баланс в боте не изменился');
        await dialog.getByRole('button', { name: 'Проверить сейчас' }).click();
        await dialog.waitFor({ state: 'detached' });
        expect(plainText(await page.getByTestId('journal-notice').textContent())).toContain('операция не прошла');
        expect(simulator.balanceOf(DEMO.alexey)).toBe(12000);
      } finally {
        await after.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('exports the day as CSV for Excel: UTF-8 with BOM, semicolons', async () => {
    const { page } = app;
    await accrue(DEMO.ivan, '1000');
    await page.locator('[data-outcome="applied"]').waitFor();
    await openJournal();
    await page.getByRole('button', { name: 'Выгрузить в Excel (CSV)' }).click();
    const status = page.getByTestId('export-status');
    await status.getByText(/Выгружено 1 операция в файл/).waitFor();
    await app.screenshot('journal-exported');
    const reply = app.bridgeLog().find((entry) => entry.channel === 'skidkabot:journal.export')?.reply;
    if (!reply?.ok) throw new Error(`the export failed: ${JSON.stringify(reply)}`);
    const { file } = reply.value as ExportReply;
    expect(plainText(await status.textContent())).toContain(file ?? 'нет файла');
    const bytes = await readFile(file ?? '');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row] = bytes.toString('utf8').slice(1).split('\r\n');
    expect(header?.split(';')[0]).toBe('"Номер операции"');
    expect(row).toMatch(new RegExp(`;${DEMO.ivan};"Начисление";20;"1000,00";"Проведена";2385;`));
  });
});
