import type { Locator, Page } from 'playwright/test';
import type { FaultySimulator } from '../test-support/simulator/faultySimulator';
import { expect, test } from './fixtures';
import { MANAGER_PASSWORD, type LaunchedApp } from './harness';
import { DEMO, logInAsManager, overflowsSideways, qrOf } from './screens';

/**
 * Every state a cashier and a manager meet, shot at both till sizes and checked by geometry: the top
 * bar keeps one height, nothing overflows sideways, a long name does not move the buttons, the
 * manager's table starts within the first screen. Error panels are checked by who acts next
 * (`data-error-category`), and the English screens by the absence of Cyrillic.
 */

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
] as const;

const CYRILLIC = /[\u0400-\u04ff]/;
const LONG_NAME = { first: 'Александра-Виктория', last: 'Константинопольская-Петропавловская-Рождественская' };
const LONG_CLIENT = 55500555;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('the element is not on screen');
  return found;
}

/** Shoots one state and checks the geometry every screen owes: one bar height, nothing sideways. */
async function shoot(app: LaunchedApp, name: string, size: { width: number }, barHeight: number): Promise<void> {
  await app.screenshot(`layout-${size.width}-${name}`);
  expect(await overflowsSideways(app.page), `${name} at ${size.width} overflows sideways`).toBe(false);
  expect((await box(app.page.locator('header.status'))).height, `${name}: the top bar changed height`).toBe(barHeight);
}

function category(page: Page): Locator {
  return page.locator('[data-error-category]').first();
}

/** Esc, and wait until main has cleared the till: a scan sent before that would race the clear. */
async function clearTill(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-error-category]')).toHaveCount(0);
  await expect(page.getByTestId('customer-name')).toHaveCount(0);
  await expect(page.locator('.idle')).toBeVisible();
}

function addLongName(simulator: FaultySimulator): void {
  simulator.addCustomer({ client: LONG_CLIENT, vendor: 4, firstName: LONG_NAME.first, lastName: LONG_NAME.last, balance: 2365 });
}

interface ErrorCase {
  name: string;
  /** Who acts next: the panel's `data-error-category`. */
  expected: string;
  run: () => Promise<void>;
}

/** The balance request meets `fault` when Ivan's code is scanned. */
function balanceFault(
  app: LaunchedApp,
  simulator: FaultySimulator,
  name: string,
  expected: string,
  fault: Parameters<FaultySimulator['injectFault']>[0],
): ErrorCase {
  return {
    name,
    expected,
    run: async () => {
      simulator.injectFault(fault, { endpoint: 'balance' });
      await app.scan(qrOf(simulator, DEMO.ivan));
    },
  };
}

/** Each case's panel: its category, the words it must not show, a shot; then the till is cleared for the next. */
async function showEach(
  app: LaunchedApp,
  cases: readonly ErrorCase[],
  shot: { prefix: string; size: { width: number }; bar: number },
  hidden: { in: (page: Page) => Locator; text: RegExp },
): Promise<void> {
  for (const each of cases) {
    await each.run();
    await expect(category(app.page)).toHaveAttribute('data-error-category', each.expected);
    await expect(hidden.in(app.page)).not.toContainText(hidden.text);
    await shoot(app, `${shot.prefix}${each.name}`, shot.size, shot.bar);
    await clearTill(app.page);
  }
}


for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ tillOptions: { setup: 'ready', viewport: size } });

    test('the cashier: idle, customers, waiting and every error category', async ({ app, simulator }) => {
      const { page } = app;
      addLongName(simulator);
      await expect(page.getByText('Отсканируйте QR-код покупателя')).toBeVisible();
      const bar = (await box(page.locator('header.status'))).height;
      await shoot(app, 'idle', size, bar);

      await app.scan(qrOf(simulator, DEMO.ivan));
      await expect(page.getByTestId('customer-name')).toHaveText('Иван Петров');
      const accrue = await box(page.locator('.action--accrue'));
      const redeem = await box(page.locator('.action--redeem'));
      await shoot(app, 'customer', size, bar);

      await app.scan(qrOf(simulator, LONG_CLIENT));
      const name = page.getByTestId('customer-name');
      await expect(name).toHaveAttribute('title', `${LONG_NAME.first} ${LONG_NAME.last}`);
      expect(await box(page.locator('.action--accrue')), 'a long name moved «Начислить»').toEqual(accrue);
      expect(await box(page.locator('.action--redeem')), 'a long name moved «Списать»').toEqual(redeem);
      expect((await box(name)).height, 'the long name wraps').toBeLessThan(60);
      await shoot(app, 'customer-long-name', size, bar);

      // Waiting on a slow balance: what, and the seconds from the first second; Esc drops it.
      await clearTill(page);
      simulator.injectFault({ kind: 'slow', delayMs: 4_000 }, { endpoint: 'balance' });
      // Not awaited: app.scan resolves only when main has the answer, and the wait is what is under test.
      const scanning = app.scan(qrOf(simulator, DEMO.ivan));
      const waiting = page.locator('[data-waiting="balance"]');
      await expect(waiting).toBeVisible();
      await expect(page.getByTestId('waiting-seconds')).toHaveText(/^\s*[01] с$/);
      await expect(page.locator('[data-status="server"]')).toContainText('ждём ответа');
      await expect(page.getByTestId('waiting-seconds')).toHaveText(/^\s*2 с$/, { timeout: 4_000 });
      await shoot(app, 'waiting-balance', size, bar);
      await page.keyboard.press('Escape');
      await expect(waiting).toHaveCount(0);
      await expect(page.getByText('Отсканируйте QR-код покупателя')).toBeVisible();
      await scanning;
      // The late answer is not shown: the till stays idle.
      await expect(page.getByTestId('customer-name')).toHaveCount(0);

      // An operation in flight cannot be cancelled, and the screen says why.
      await app.scan(qrOf(simulator, DEMO.ivan));
      await expect(page.getByTestId('customer-name')).toHaveText('Иван Петров');
      simulator.injectFault({ kind: 'slow', delayMs: 2_500 }, { endpoint: 'plus' });
      await page.keyboard.type('1000');
      await page.keyboard.press('F2');
      const sending = page.locator('[data-waiting="accrue"]');
      await expect(sending).toContainText('Отменить нельзя');
      await page.keyboard.press('Escape');
      await expect(sending).toBeVisible();
      const panel = await box(sending);
      expect(panel.y + panel.height, 'the wait is below the first screen').toBeLessThanOrEqual(size.height);
      await shoot(app, 'waiting-operation', size, bar);
      await expect(page.locator('[data-outcome="applied"]')).toBeVisible({ timeout: 8_000 });
      await clearTill(page);

      const cases: ErrorCase[] = [
        { name: 'bad-scan', expected: 'cashier', run: () => app.scan('4607001234567') },
        { name: 'wrong-shop', expected: 'customer', run: () => app.scan(qrOf(simulator, DEMO.otherShop)) },
        {
          name: 'expired-qr',
          expected: 'customer',
          run: async () => {
            const expired = simulator.demoCustomers().find((customer) => customer.label.includes('устарел'));
            if (!expired) throw new Error('the simulator lists no expired-QR customer');
            await app.scan(expired.qrText);
          },
        },
        balanceFault(app, simulator, 'html-500', 'server', { kind: 'html-500' }),
        balanceFault(app, simulator, 'shop-switched-off', 'manager', { kind: 'code', code: 15, text: 'Shop disabled' }),
      ];
      await showEach(app, cases, { prefix: 'error-', size, bar }, { in: category, text: /Internal Server Error|Shop disabled/ });

      // Too few bonuses, with the customer on screen: the cashier's, and the customer stays.
      await app.scan(qrOf(simulator, DEMO.maria));
      await expect(page.getByTestId('customer-name')).toHaveText('Мария Смирнова');
      simulator.injectFault({ kind: 'code', code: 13, text: 'У клиента не хватает баллов для списания.' }, { endpoint: 'plus' });
      await page.keyboard.type('500');
      await page.keyboard.press('F2');
      await expect(category(page)).toHaveAttribute('data-error-category', 'cashier');
      await expect(page.getByTestId('customer-name')).toBeVisible();
      await shoot(app, 'error-too-few-bonuses', size, bar);
      await clearTill(page);

      // The answer is lost and the re-check fails: nobody knows yet.
      await app.scan(qrOf(simulator, DEMO.ivan));
      await expect(page.getByTestId('customer-name')).toHaveText('Иван Петров');
      simulator.injectFault({ kind: 'drop-after-apply' }, { endpoint: 'plus' });
      simulator.injectFault({ kind: 'html-500' }, { endpoint: 'balance', times: 2 });
      await page.keyboard.type('100');
      await page.keyboard.press('F2');
      await expect(page.locator('[data-error-category="outcome-unknown"]').first()).toBeVisible({ timeout: 15_000 });
      await shoot(app, 'error-outcome-unknown', size, bar);
      await clearTill(page);

      // The server stops: no connection. A wrong-shop scan next leaves the status line's error as the last answer.
      await simulator.close();
      await app.scan(qrOf(simulator, DEMO.ivan));
      await expect(category(page)).toHaveAttribute('data-error-category', 'network');
      await expect(page.locator('[data-status="server"]')).toContainText('ошибка');
      await shoot(app, 'error-network', size, bar);
      expect(app.pageErrors()).toEqual([]);
    });

    test("the manager's area: one bar that stays, the table on the first screen", async ({ app, simulator }) => {
      const { page } = app;
      await app.scan(qrOf(simulator, DEMO.ivan));
      await page.keyboard.type('1000');
      await page.keyboard.press('F2');
      await expect(page.locator('[data-outcome="applied"]')).toBeVisible();
      await page.keyboard.press('Escape');
      const bar = (await box(page.locator('header.status'))).height;

      await page.keyboard.press('F10');
      await expect(page.getByRole('heading', { name: 'Вход для менеджера' })).toBeVisible();
      await shoot(app, 'manager-login', size, bar);
      await page.getByLabel('Пароль менеджера').fill(MANAGER_PASSWORD);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { name: 'Настройки кассы' })).toBeVisible();
      const managerBar = page.locator('header.manager-bar');
      const managerBarBox = await box(managerBar);
      expect(managerBarBox.height, 'the manager bar wraps').toBeLessThan(90);
      const lastTab = await box(managerBar.getByRole('tab').last());
      const actions = await box(managerBar.locator('.manager-bar__actions'));
      expect(lastTab.x + lastTab.width, `the last tab runs under «Назад к кассе»: ${JSON.stringify([lastTab, actions])}`).toBeLessThanOrEqual(actions.x);
      await shoot(app, 'manager-settings', size, bar);
      await page.mouse.wheel(0, 2_000);
      await expect.poll(async () => (await box(managerBar)).y, { message: 'the manager bar scrolled away' }).toBe(0);
      const save = await box(page.getByRole('button', { name: 'Сохранить настройки' }));
      expect(save.y, '«Сохранить настройки» scrolled away or under the bar').toBeGreaterThanOrEqual(managerBarBox.height);
      expect(save.y + save.height).toBeLessThan(size.height);
      // What the manager sees scrolled: the viewport, not the full page the harness shoots.
      await page.screenshot({ path: `test-results/screenshots/layout-${size.width}-manager-settings-scrolled-viewport.png` });
      await shoot(app, 'manager-settings-scrolled', size, bar);

      for (const [tab, section] of [['Устройства', 'camera-section'], ['Программа', 'update-section']] as const) {
        await page.getByRole('tab', { name: tab }).click();
        await expect(page.getByTestId(section)).toBeVisible();
        expect((await box(managerBar)).height, `the manager bar wraps on «${tab}»`).toBe(managerBarBox.height);
        await shoot(app, `manager-${section}`, size, bar);
      }

      await page.getByRole('tab', { name: /Журнал/ }).click();
      const table = page.locator('.oplist__table');
      await expect(table).toBeVisible();
      expect((await box(table)).y + 80, 'the operations table starts below the first screen').toBeLessThan(size.height);
      await shoot(app, 'manager-journal', size, bar);
      await page.getByRole('tab', { name: /Отчёт за смену/ }).click();
      await expect(page.getByTestId('hour-chart').locator('[data-hour]')).toHaveCount(1);
      const money = page.getByTestId('shift-report').locator('[data-report="purchases"] .report__sub');
      expect((await box(money)).height, '«₽» wrapped onto a line of its own').toBeLessThan(40);
      await shoot(app, 'manager-report', size, bar);
      expect(app.pageErrors()).toEqual([]);
    });

    test('first run: the real shop first, the demo second', async ({ launch }) => {
      const app = await launch({ setup: 'none', viewport: size });
      const { page } = app;
      await page.getByLabel('Пароль', { exact: true }).fill(MANAGER_PASSWORD);
      await page.getByLabel('Пароль ещё раз').fill(MANAGER_PASSWORD);
      await page.keyboard.press('Enter');
      const own = page.locator('.choice--primary');
      await expect(own).toBeVisible();
      const ownBox = await box(own);
      const demoBox = await box(page.getByRole('button', { name: 'Демо-режим' }));
      expect(ownBox.width, 'the own-shop card is not the widest').toBeGreaterThan(demoBox.width * 1.3);
      expect(ownBox.x, 'the own-shop card is not first').toBeLessThan(demoBox.x);
      await app.screenshot(`layout-${size.width}-first-run-shop`);
      expect(await overflowsSideways(page)).toBe(false);
    });

    test('in English: no Cyrillic in the chrome or the errors', async ({ app, simulator }) => {
      const { page } = app;
      await logInAsManager(page);
      await page.getByLabel('Язык').selectOption('en');
      await page.getByRole('button', { name: 'Сохранить настройки' }).click();
      await expect(page.getByRole('heading', { name: 'Till settings' })).toBeVisible();
      const bar = (await box(page.locator('header.status'))).height;
      await shoot(app, 'english-manager', size, bar);
      await page.getByRole('tab', { name: /Journal/ }).click();
      await expect(page.locator('main')).not.toContainText(CYRILLIC);
      for (const [tab, section] of [['Devices', 'camera-section'], ['Program', 'update-section']] as const) {
        await page.getByRole('tab', { name: tab }).click();
        await expect(page.getByTestId(section)).toBeVisible();
        await expect(page.locator('main')).not.toContainText(CYRILLIC);
        await shoot(app, `english-${section}`, size, bar);
      }
      // A refusal main words from a message key: the English screen shows that very message, not a generic one.
      const feed = page.getByLabel(/Update feed address/);
      await feed.fill('http://updates.example.ru/kassa/');
      await page.getByRole('button', { name: 'Save address' }).click();
      await expect(page.getByTestId('update-section')).toContainText('The update feed must be on https://. An http:// address is allowed only for this computer');
      await expect(page.locator('main')).not.toContainText(CYRILLIC);
      await shoot(app, 'english-update-feed-refused', size, bar);
      await feed.fill('');
      await page.getByRole('button', { name: /Back to the till/ }).click();
      await expect(page.getByText("Scan the customer's QR code")).toBeVisible();
      await expect(page.locator('body')).not.toContainText(CYRILLIC);
      await shoot(app, 'english-idle', size, bar);

      const errors: ErrorCase[] = [
        { name: 'bad-scan', expected: 'cashier', run: () => app.scan('4607001234567') },
        { name: 'wrong-shop', expected: 'customer', run: () => app.scan(qrOf(simulator, DEMO.otherShop)) },
        balanceFault(app, simulator, 'html-500', 'server', { kind: 'html-500' }),
        balanceFault(app, simulator, 'unknown-code', 'server', { kind: 'code', code: 10, text: 'Лимит операций исчерпан' }),
      ];
      await showEach(app, errors, { prefix: 'english-error-', size, bar }, { in: (page) => page.locator('body'), text: CYRILLIC });

      // A customer's own name may be Cyrillic; everything around it may not.
      await app.scan(qrOf(simulator, DEMO.ivan));
      await expect(page.getByTestId('customer-name')).toHaveText('Иван Петров');
      type Copy = { querySelector(selector: string): { remove(): void } | null; textContent: string | null };
      const chrome = await page.locator('body').evaluate((body: { cloneNode(deep: boolean): Copy }) => {
        const copy = body.cloneNode(true);
        copy.querySelector('[data-testid="customer-name"]')?.remove();
        return copy.textContent ?? '';
      });
      expect(chrome).not.toMatch(CYRILLIC);
      await shoot(app, 'english-customer', size, bar);
      expect(app.pageErrors()).toEqual([]);
    });
  });
}
