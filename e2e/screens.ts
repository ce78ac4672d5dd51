import { expect, type Locator, type Page } from 'playwright/test';
import type { Simulator } from '../src-main/simulator/simulator';
import { MANAGER_PASSWORD } from './harness';

/** Demo customers of the simulator's shop 4 (src-main/simulator/demoData.ts). */
export const DEMO = {
  ivan: 83532824,
  maria: 51234567,
  ira: 61234568,
  alexey: 71234569,
  expired: 91234570,
  otherShop: 81234571,
} as const;

/** A fresh QR text for a customer, as the bot shows after "refresh". */
export function qrOf(simulator: Simulator, client: number): string {
  return simulator.issueQr(client);
}

/** Text with every kind of space (Intl's group separators are no-break spaces) made plain. */
export function plainText(text: string | null): string {
  return (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** The balance on the cashier screen: `await expect(balanceIn(page)).toHaveText('2 365')`. */
export function balanceIn(page: Page): Locator {
  return page.getByTestId('customer-balance');
}

/** The element that has the keyboard focus. */
export function focused(page: Page): Locator {
  return page.locator(':focus');
}

/** The kinds of the error panels on screen, in order. */
export async function errorKinds(page: Page): Promise<string[]> {
  // Node's lib has no DOM types: the panels are described by what is read of them.
  return page.locator('[data-error-kind]').evaluateAll((panels: { getAttribute(name: string): string | null }[]) => panels.map((panel) => panel.getAttribute('data-error-kind') ?? ''));
}

/**
 * The little of the DOM the specs reach into, typed here because the Node-side tsconfig has no DOM
 * library (and must not: main's code may not use it).
 */
interface PageGlobals {
  innerWidth: number;
  document: {
    documentElement: { scrollWidth: number };
    body: { dispatchEvent(event: object): boolean; innerText: string };
  };
  DataTransfer: new () => { setData(type: string, value: string): void };
  ClipboardEvent: new (type: string, init: { clipboardData: object; bubbles: boolean; cancelable: boolean }) => object;
}

export function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    return g.document.documentElement.scrollWidth > g.innerWidth;
  });
}

/** A paste of `text` on the page body, as Ctrl+V outside any field delivers it. */
export async function pasteOnBody(page: Page, text: string): Promise<void> {
  await page.evaluate((pasted) => {
    const g = globalThis as unknown as PageGlobals;
    const data = new g.DataTransfer();
    data.setData('text/plain', pasted);
    g.document.body.dispatchEvent(new g.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Everything the page shows as text, and every input's value: where a leaked secret would be seen. */
export async function everythingOnScreen(page: Page): Promise<string> {
  const html = await page.content();
  const values = await page.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
  return `${html}\n${values.join('\n')}`;
}


/** F10 and the manager's password, from the till (in Russian) into the manager's area. */
export async function logInAsManager(page: Page): Promise<void> {
  await page.keyboard.press('F10');
  await expect(page.getByRole('heading', { name: 'Вход для менеджера' })).toBeVisible();
  await page.getByLabel('Пароль менеджера').fill(MANAGER_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.locator('header.manager-bar')).toBeVisible();
}

/** Logs in as the manager, then the named tab of the manager's area (opened unless it already is). */
export async function openManagerTab(page: Page, tab: string | RegExp): Promise<void> {
  await logInAsManager(page);
  const button = page.getByRole('tab', { name: tab });
  await expect(button).toBeVisible();
  if ((await button.getAttribute('aria-selected')) !== 'true') await button.click();
}
