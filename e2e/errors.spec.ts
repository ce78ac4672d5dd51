import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../src-main/simulator/simulator';
import { launchApp, type LaunchedApp } from './harness';
import { balanceOnScreen, DEMO, errorKinds, plainText, qrOf } from './screens';

describe('errors a cashier meets, each in its own look', () => {
  let simulator: Simulator;
  let app: LaunchedApp;
  let simulatorOpen: boolean;

  beforeEach(async () => {
    simulator = await startSimulator();
    simulatorOpen = true;
    app = await launchApp({ apiUrl: simulator.url, setup: 'ready' });
  });

  afterEach(async () => {
    await app.close();
    if (simulatorOpen) await simulator.close();
  });

  const errorText = async (): Promise<string> => plainText(await app.page.locator('[data-error-kind]').first().textContent());

  it('bad scan: a product barcode is refused without asking the server', async () => {
    const before = simulator.requestCount();
    await app.scan('4607001234567');
    await expect.poll(() => errorKinds(app.page)).toEqual(['scan']);
    expect(await errorText()).toContain('QR-код не прочитан');
    expect(simulator.requestCount()).toBe(before);
    await app.screenshot('error-bad-scan');
  });

  it("wrong shop: another shop's QR makes no server call", async () => {
    const before = simulator.requestCount();
    await app.scan(qrOf(simulator, DEMO.otherShop));
    await expect.poll(() => errorKinds(app.page)).toEqual(['vendor']);
    expect(await errorText()).toContain('QR-код другого магазина');
    expect(simulator.requestCount()).toBe(before);
    await app.screenshot('error-wrong-shop');
  });

  it('server code: an expired QR asks for a fresh one in the bot', async () => {
    const expired = simulator.demoCustomers().find((customer) => customer.label.includes('устарел'));
    if (!expired) throw new Error('the simulator lists no expired-QR customer');
    await app.scan(expired.qrText);
    await expect.poll(() => errorKinds(app.page)).toEqual(['server']);
    const text = await errorText();
    expect(text).toContain('код 9');
    expect(text).toMatch(/бот/i);
    await app.screenshot('error-server-code-9');
  });

  it('server code while a customer is on screen: the customer stays, the reason shows', async () => {
    await app.scan(qrOf(simulator, DEMO.maria));
    await expect.poll(() => balanceOnScreen(app.page)).toBe(0);
    simulator.injectFault({ kind: 'code', code: 13, text: 'У клиента не хватает баллов для списания.' }, { endpoint: 'plus' });
    await app.page.keyboard.type('500');
    await app.page.keyboard.press('F2');
    await expect.poll(() => errorKinds(app.page)).toEqual(['server']);
    expect(await app.page.getByTestId('customer-name').count()).toBe(1);
    await app.screenshot('error-server-refused-operation');
  });

  it('network down: a stopped server is reported as no connection', async () => {
    await simulator.close();
    simulatorOpen = false;
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect.poll(() => errorKinds(app.page)).toEqual(['network']);
    expect(await errorText()).toContain('Нет связи с сервером');
    expect(plainText(await app.page.locator('[data-status="server"]').textContent())).toContain('ошибка');
    await app.screenshot('error-network-down');
  });

  it('outcome unknown: the answer is lost and the re-check fails; the screen says what to check, not to press again', async () => {
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect.poll(() => balanceOnScreen(app.page)).toBe(2365);
    simulator.injectFault({ kind: 'drop-after-apply' }, { endpoint: 'plus' });
    simulator.injectFault({ kind: 'html-500' }, { endpoint: 'balance', times: 2 });
    await app.page.keyboard.type('1000');
    await app.page.keyboard.press('Enter');
    await app.page.locator('[data-outcome="unknown"]').waitFor();
    expect(await errorKinds(app.page)).toEqual(['outcome-unknown']);
    const shown = plainText(await app.page.locator('.till__main').textContent());
    expect(shown).toContain('НЕ нажимайте кнопку ещё раз');
    expect(shown).toContain('Баланс до операции: 2 365');
    expect(plainText(await app.page.getByTestId('customer-balance').textContent())).toBe('неизвестен');
    expect(await app.page.getByRole('button', { name: /Начислить бонусы/ }).count()).toBe(0);
    await app.screenshot('error-outcome-unknown');
  });

  it('a lost answer confirmed by the balance counts as done, and says how it was confirmed', async () => {
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect.poll(() => balanceOnScreen(app.page)).toBe(2365);
    simulator.injectFault({ kind: 'drop-after-apply' }, { endpoint: 'plus' });
    await app.page.keyboard.type('1000');
    await app.page.keyboard.press('Enter');
    await app.page.locator('[data-outcome="applied"]').waitFor();
    expect(plainText(await app.page.locator('[data-outcome="applied"]').textContent())).toContain('подтверждено по балансу');
    await expect.poll(() => balanceOnScreen(app.page)).toBe(2385);
    await app.screenshot('cashier-accrued-confirmed-by-balance');
  });

  it('HTML 500 on the balance call is a server failure, not a crash', async () => {
    simulator.injectFault({ kind: 'html-500' }, { endpoint: 'balance', times: 2 });
    await app.scan(qrOf(simulator, DEMO.ivan));
    await expect.poll(() => errorKinds(app.page)).toEqual(['server']);
    expect(await app.page.getByTestId('customer-name').count()).toBe(0);
    await app.screenshot('error-html-500');
    expect(app.pageErrors()).toEqual([]);
  });
});
