import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { expect, test } from './fixtures';
import type { LaunchedApp } from './harness';
import { balanceIn, DEMO, overflowsSideways, qrOf, openManagerTab } from './screens';

test.use({ tillOptions: { setup: 'ready', localApiPort: 0 } });

interface TillEvent {
  kind: string;
  bonuses: number;
  status: string;
  purchase: string | null;
  client: number;
  by: string;
}

/** A POS program on the same computer: real HTTP to the till's local API, with its token. */
async function posOf(app: LaunchedApp) {
  const address = app.core.localApi();
  if (!address) throw new Error('the local API is not serving');
  const token = (await readFile(address.tokenFile, 'utf8')).trim();
  const url = new URL(address.url);
  const post = async (target: string, body: unknown) => {
    const response = await fetch(`${address.url}${target}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  const events: TillEvent[] = [];
  const stream = http.request({ host: url.hostname, port: Number(url.port), path: '/v1/till/events', headers: { authorization: `Bearer ${token}` } });
  await new Promise<void>((resolve, reject) => {
    stream
      .on('response', (response) => {
        let buffer = '';
        response.setEncoding('utf8').on('data', (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
            const data = buffer
              .slice(0, end)
              .split('\n')
              .find((line) => line.startsWith('data: '));
            buffer = buffer.slice(end + 2);
            if (data) events.push(JSON.parse(data.slice(6)) as TillEvent);
          }
        });
        resolve();
      })
      .on('error', reject)
      .end();
  });
  return { post, events, close: () => stream.destroy() };
}

test.describe('the till and the POS program', () => {
  test('a total pushed by the POS fills the purchase field, and the press on screen arrives on /v1/till/events', async ({ app, simulator }) => {
    const { page } = app;
    const pos = await posOf(app);
    try {
      // Pushed before the customer comes: it waits for them.
      expect(await pos.post('/v1/till/purchase', { purchase: '1234.50' })).toEqual({ status: 200, json: { ok: true, purchase: '1234.50' } });
      await app.scan(qrOf(simulator, DEMO.ivan));
      await expect(balanceIn(page)).toHaveText('2 365');
      const field = page.getByLabel('Сумма покупки');
      await expect(field).toHaveValue('1234,50');
      await expect(page.locator('.figures__accrue')).toHaveText('Покупка принесёт 24 бонуса');
      expect(await overflowsSideways(page)).toBe(false);
      await app.screenshot('local-api-purchase-pushed');

      // A new total while the customer is on screen replaces the one shown.
      await pos.post('/v1/till/purchase', { purchase: 1500 });
      await expect(field).toHaveValue('1500');
      await page.keyboard.press('Enter');
      await expect(page.locator('[data-outcome="applied"]')).toContainText('Начислено 30 бонусов');
      await expect.poll(() => pos.events.length).toBe(1);
      expect(pos.events[0]).toMatchObject({ kind: 'accrue', bonuses: 30, status: 'applied', purchase: '1500.00', client: DEMO.ivan, by: 'cashier' });
      expect(simulator.balanceOf(DEMO.ivan)).toBe(2395);
      await app.screenshot('local-api-accrued');

      // The same accrual through the API moments later is a double press: asked, not sent.
      const again = await pos.post('/v1/checkout', { qr: qrOf(simulator, DEMO.ivan), purchase: 1500 });
      expect(again.status).toBe(409);
      await app.settled();
      expect(simulator.balanceOf(DEMO.ivan)).toBe(2395);
      expect(pos.events).toHaveLength(1);
    } finally {
      pos.close();
    }
  });

  test('the manager sees the local API, its address and token, and can make a new token', async ({ app }) => {
    const { page } = app;
    await openManagerTab(page, 'Программа');
    const section = page.getByTestId('local-api-section');
    await section.scrollIntoViewIfNeeded();
    await expect(section.getByTestId('local-api-state')).toHaveText(/^Работает: http:\/\/127\.0\.0\.1:\d+$/);
    const token = section.getByTestId('local-api-token');
    await expect(token).toHaveText(/^[A-Za-z0-9_-]{43}$/);
    const before = await token.textContent();
    await app.screenshot('local-api-manager');
    await section.getByRole('button', { name: 'Новый токен' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Новый токен создан' })).toBeVisible();
    await expect(token).not.toHaveText(before ?? '');
    const address = app.core.localApi();
    expect((await readFile(address?.tokenFile ?? '', 'utf8')).trim()).toBe(await token.textContent());
    expect(await overflowsSideways(page)).toBe(false);
    await app.screenshot('local-api-new-token');
  });
});
