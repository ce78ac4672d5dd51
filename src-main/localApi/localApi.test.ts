import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IPC_PREFIX } from '../../src-shared/ipc/channelNames';
import type { CheckoutView } from '../../src-shared/ipc/views';
import { DEFAULT_SETTINGS } from '../../src-shared/settings/settings';
import { createAppCore, type AppCore } from '../app/createApp';
import { callCore, FRAME, ORIGIN, value, type CoreCall } from '../../test-support/app/callCore';
import { MemorySecretStore } from '../settings/secretStore';
import { SETTINGS_FILE } from '../settings/settingsStore';
import { DEMO_CUSTOMERS, OTHER_SHOP_CUSTOMER } from '../simulator/demoData';
import { startFaultySimulator, type FaultySimulator } from '../../test-support/simulator/faultySimulator';
import { TOKEN_FILE } from './token';
import { ENDPOINT_FILE } from './endpointFile';

// Real HTTP on loopback against the app core (as the window runs it), the core against the simulator.

const [ivan, maria, , alexey] = DEMO_CUSTOMERS;
if (!ivan || !maria || !alexey) throw new Error('the simulator has no demo customers');

let sim: FaultySimulator;
let dataDir: string;
let core: AppCore;
let call: CoreCall;
let base: string;
let port: number;
let token: string;
const pushed: { event: string; payload: unknown }[] = [];

beforeEach(async () => {
  sim = await startFaultySimulator();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kassa-api-'));
  await writeFile(path.join(dataDir, SETTINGS_FILE), JSON.stringify({ ...DEFAULT_SETTINGS, shopCode: 4, kassa: 3 }));
  core = await createAppCore({ dataDir, secretStore: new MemorySecretStore(31337), apiUrl: sim.url, trustedOrigin: ORIGIN, localApiPort: 0, appVersion: '9.9.9' });
  call = callCore(core);
  pushed.length = 0;
  core.subscribe((event, payload) => pushed.push({ event, payload }));
  const address = core.localApi();
  if (!address) throw new Error(`the local API did not start: ${core.localApiProblem()?.message ?? ''}`);
  base = address.url;
  port = Number(new URL(base).port);
  token = (await readFile(address.tokenFile, 'utf8')).trim();
});

afterEach(async () => {
  await core.close();
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  json: Record<string, unknown>;
}

/** node:http rather than fetch: fetch will not send a Host or Origin of the test's choosing. */
function request(
  method: string,
  target: string,
  options: { body?: unknown; raw?: string; headers?: Record<string, string>; host?: string; auth?: string | null } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.auth !== null) headers.authorization = options.auth ?? `Bearer ${token}`;
  const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (payload !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = http.request({ host: options.host ?? '127.0.0.1', port, path: target, method, headers, setHost: true }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const post = (target: string, body: unknown) => request('POST', target, { body });
const qrOf = (client: number) => sim.issueQr(client);

describe('the local API gate', () => {
  it('keeps the token in a file only this user can read, and refuses a missing or wrong one with 401', async () => {
    expect((await stat(path.join(dataDir, TOKEN_FILE))).mode & 0o777).toBe(0o600);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const none = await request('GET', '/v1/status', { auth: null });
    expect(none.status).toBe(401);
    expect(none.json).toMatchObject({ ok: false, error: { kind: 'auth' } });
    expect((await request('GET', '/v1/status', { auth: `Bearer ${token.slice(0, -1)}x` })).status).toBe(401);
    expect((await request('GET', '/v1/status', { auth: token })).status).toBe(401);
    expect((await request('GET', '/v1/status')).status).toBe(200);
  });

  it('refuses a foreign Host (DNS rebinding) and any Origin, and never sends CORS headers', async () => {
    for (const host of [`evil.example:${port}`, '127.0.0.1', `127.0.0.1:${port + 1}`, `localhost.evil:${port}`]) {
      const answer = await request('GET', '/v1/status', { headers: { host } });
      expect(answer.status, host).toBe(403);
    }
    expect((await request('GET', '/v1/status', { headers: { host: `localhost:${port}` } })).status).toBe(200);
    expect((await request('GET', '/v1/status', { headers: { host: `[::1]:${port}` } })).status).toBe(200);
    for (const origin of ['http://127.0.0.1', 'null', `http://localhost:${port}`]) {
      const answer = await request('GET', '/v1/status', { headers: { origin } });
      expect(answer.status, origin).toBe(403);
      expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
    const preflight = await request('OPTIONS', '/v1/checkout', { headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' }, auth: null });
    expect(preflight.status).toBe(403);
    expect(Object.keys(preflight.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('answers on ::1 as well', async () => {
    const answer = await request('GET', '/v1/status', { host: '::1', headers: { host: `[::1]:${port}` } });
    expect(answer.status).toBe(200);
  });

  it('refuses bodies that are not JSON, too large, or not by the schema, with nothing sent', async () => {
    const before = sim.requestCount();
    const qr = qrOf(ivan.client);
    expect((await request('POST', '/v1/balance', { raw: `qr=${qr}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
    expect((await request('POST', '/v1/balance', { raw: JSON.stringify({ qr }), headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await request('POST', '/v1/balance', { raw: '{"qr": ' })).status).toBe(400);
    expect((await request('POST', '/v1/balance', { raw: JSON.stringify({ qr: 'x'.repeat(70 * 1024) }) })).status).toBe(413);
    const extra = await post('/v1/accrue', { qr, bonuses: 5, amount: 1 });
    expect(extra.status).toBe(400);
    expect((extra.json.error as { message: string }).message).toContain('amount');
    expect((await post('/v1/redeem', { qr, bonuses: 1.5 })).status).toBe(400);
    expect((await post('/v1/checkout', { qr, purchase: '1000', redeem: 'all' })).status).toBe(400);
    expect((await request('GET', '/v1/nothing')).status).toBe(404);
    expect((await request('GET', '/v1/checkout')).status).toBe(405);
    expect(sim.requestCount()).toBe(before);
  });
});

describe('the endpoints against the simulator', () => {
  it('status tells the shop, register and version, never the secret', async () => {
    const answer = await request('GET', '/v1/status');
    expect(answer.json).toMatchObject({ ok: true, version: '9.9.9', shop: 4, kassa: 3, demo: false });
    expect(JSON.stringify(answer.json)).not.toContain('31337');
  });

  it('balance, accrue, redeem and checkout answer as the CLI prints with --json', async () => {
    const balance = await post('/v1/balance', { qr: qrOf(ivan.client) });
    expect(balance).toMatchObject({ status: 200, json: { ok: true, client: ivan.client, firstName: 'Иван', balance: ivan.balance, pPlus: 2, pMinus: 10 } });

    const accrue = await post('/v1/accrue', { qr: qrOf(ivan.client), bonuses: 7 });
    expect(accrue).toMatchObject({ status: 200, json: { ok: true, operation: 'accrue', status: 'applied', bonuses: 7, balance: ivan.balance + 7 } });

    const redeem = await post('/v1/redeem', { qr: qrOf(ivan.client), bonuses: 100 });
    expect(redeem).toMatchObject({ status: 200, json: { ok: true, operation: 'redeem', status: 'applied', bonuses: 100, balance: ivan.balance - 93 } });

    // 2 % of 500,00 ₽: the rules decide the bonuses, as on the screen.
    const byPurchase = await post('/v1/accrue', { qr: qrOf(alexey.client), purchase: 500 });
    expect(byPurchase).toMatchObject({ status: 200, json: { ok: true, accrued: 10, redeemed: 0, purchase: '500.00', toPay: '500.00' } });

    const checkout = await post('/v1/checkout', { qr: qrOf(alexey.client), purchase: '1 234,50', redeem: 'max' });
    expect(checkout).toMatchObject({ status: 200, json: { ok: true, redeemed: 123, purchase: '1234.50', toPay: '1111.50' } });
    expect(sim.balanceOf(alexey.client)).toBe(alexey.balance + 10 - 123 + (checkout.json.accrued as number));
  });

  it('refusals: another shop 422, not enough bonuses 422, a double press 409 then sent with confirmDuplicate', async () => {
    const other = await post('/v1/balance', { qr: JSON.stringify({ type: 'Skidkabot', vendor: OTHER_SHOP_CUSTOMER.vendor, client: OTHER_SHOP_CUSTOMER.client, secret: 1 }) });
    expect(other).toMatchObject({ status: 422, json: { ok: false, error: { kind: 'vendor' } } });
    const tooMuch = await post('/v1/redeem', { qr: qrOf(maria.client), bonuses: 50 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.json).toMatchObject({ ok: false, error: { kind: 'server' } });

    expect((await post('/v1/accrue', { qr: qrOf(ivan.client), bonuses: 5 })).status).toBe(200);
    const again = await post('/v1/accrue', { qr: qrOf(ivan.client), bonuses: 5 });
    expect(again).toMatchObject({ status: 409, json: { ok: false, error: { kind: 'input', code: 1001 } } });
    expect(sim.balanceOf(ivan.client)).toBe(ivan.balance + 5);
    const confirmed = await post('/v1/accrue', { qr: qrOf(ivan.client), bonuses: 5, confirmDuplicate: true });
    expect(confirmed.status).toBe(200);
    expect(sim.balanceOf(ivan.client)).toBe(ivan.balance + 10);
  });

  it('journal lists the day as `journal --json` does; till/last and the events stream tell each completed operation', async () => {
    const events = await openEvents();
    await post('/v1/checkout', { qr: qrOf(ivan.client), purchase: '1000', redeem: 50 });
    const last = await request('GET', '/v1/till/last');
    expect(last.json).toMatchObject({ ok: true, operation: { kind: 'accrue', client: ivan.client, status: 'applied', purchase: '1000.00', kassa: 3 } });
    const received = await events.next(2);
    expect(received.map((event) => [event.kind, event.bonuses, event.status])).toEqual([
      ['redeem', 50, 'applied'],
      ['accrue', 19, 'applied'],
    ]);
    expect(received[0]?.checkoutId).toBe(received[1]?.checkoutId);
    events.close();

    const day = String(received[0]?.at).slice(0, 10);
    const journal = await request('GET', `/v1/journal?day=${day}&kind=redeem`);
    expect(journal.status).toBe(200);
    const operations = journal.json.operations as { kind: string; bonuses: number }[];
    expect(operations.map((operation) => [operation.kind, operation.bonuses])).toEqual([['redeem', 50]]);
    expect((await request('GET', '/v1/journal?day=2025-02-30')).status).toBe(422);
  });

  it('till/purchase puts the total on the cashier screen', async () => {
    const answer = await post('/v1/till/purchase', { purchase: '1 234,50' });
    expect(answer).toMatchObject({ status: 200, json: { ok: true, purchase: '1234.50' } });
    expect(pushed.filter((push) => push.event === 'tillPurchase').map((push) => push.payload)).toEqual([{ purchaseKopecks: 123450 }]);
    expect((await post('/v1/till/purchase', { purchase: -5 })).status).toBe(400);
    expect((await post('/v1/till/purchase', { purchase: '12,345' })).status).toBe(422);
  });

  it('openapi.json is OpenAPI 3.1 whose request schemas accept and refuse what the server does', async () => {
    const doc = (await request('GET', '/v1/openapi.json')).json as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: object }> } }>> };
    expect(doc.openapi).toBe('3.1.0');
    const schema = doc.paths['/v1/checkout']?.post?.requestBody?.content['application/json']?.schema;
    if (!schema) throw new Error('no checkout schema');
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate({ qr: 'x', purchase: '100', redeem: 'max' })).toBe(true);
    expect(validate({ qr: 'x', purchase: '100', redeem: 'all' })).toBe(false);
    expect(validate({ qr: 'x', purchase: 100, extra: 1 })).toBe(false);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/status', '/v1/balance', '/v1/accrue', '/v1/redeem', '/v1/checkout', '/v1/journal', '/v1/till/purchase', '/v1/till/last', '/v1/till/events']),
    );
  });
});

describe('one set of rules with the screen', () => {
  const scan = async (client: number) => value(await call('scan.submit', qrOf(client)), 'scan');

  it('a lost answer through the API is applied once and told honestly; an unknown outcome is 504 and blocks the customer (423)', async () => {
    sim.injectFault({ kind: 'drop-after-apply' }, { endpoint: 'plus' });
    const lost = await post('/v1/accrue', { qr: qrOf(ivan.client), bonuses: 9 });
    expect(lost).toMatchObject({ status: 200, json: { ok: true, status: 'applied', confirmedBy: 'balance-check', balance: ivan.balance + 9 } });
    expect(sim.balanceOf(ivan.client)).toBe(ivan.balance + 9);

    // The balance read before sending passes (a wait of 0 ms); the re-checks after the lost answer get nothing.
    sim.injectFault({ kind: 'slow', delayMs: 0 }, { endpoint: 'balance' });
    sim.injectFault({ kind: 'drop-after-apply' }, { endpoint: 'minus' });
    sim.injectFault({ kind: 'drop-before-apply' }, { endpoint: 'balance', times: 2 });
    const unknown = await post('/v1/redeem', { qr: qrOf(ivan.client), bonuses: 20 });
    expect(unknown).toMatchObject({ status: 504, json: { ok: false, status: 'unknown', error: { kind: 'outcome-unknown' } } });
    sim.clearFaults();
    expect(sim.balanceOf(ivan.client)).toBe(ivan.balance + 9 - 20);
    const blocked = await post('/v1/redeem', { qr: qrOf(ivan.client), bonuses: 1 });
    expect(blocked).toMatchObject({ status: 423, json: { ok: false, error: { kind: 'outcome-unknown' } } });
    expect(sim.balanceOf(ivan.client)).toBe(ivan.balance + 9 - 20);
    // The screen sees the same block.
    const view = await scan(ivan.client);
    expect(view.stage === 'customer' && view.customer.blocked).toEqual([expect.objectContaining({ kind: 'redeem', bonuses: 20 })]);
  });

  it('a press on screen and the same operation through the API ask as two presses do, both ways', async () => {
    await scan(ivan.client);
    value(await call('checkout.accrue', { purchaseKopecks: 100_000 }), 'press');
    const viaApi = await post('/v1/checkout', { qr: qrOf(ivan.client), purchase: '1000' });
    expect(viaApi.status).toBe(409);
    expect(sim.balanceOf(ivan.client)).toBe(ivan.balance + 20);

    expect((await post('/v1/checkout', { qr: qrOf(maria.client), purchase: 2000 })).status).toBe(200);
    await scan(maria.client);
    const asked = value(await call('checkout.accrue', { purchaseKopecks: 200_000 }), 'press');
    expect(asked.stage).toBe('confirm');
    expect(sim.balanceOf(maria.client)).toBe(40);
  });

  it('20 API checkouts for different customers at once and a press on screen: nothing doubled, the journal consistent', async () => {
    const customers = Array.from({ length: 20 }, (_, index) => ({ client: 70_000_000 + index, vendor: 4, firstName: `Покупатель${index}`, lastName: 'Тестов', balance: 1000 + index }));
    for (const customer of customers) sim.addCustomer(customer);
    await scan(ivan.client);
    const [press, ...answers] = await Promise.all([
      call('checkout.redeem', { purchaseKopecks: 50_000, bonuses: 50 }),
      ...customers.map((customer) => post('/v1/checkout', { qr: qrOf(customer.client), purchase: '300', redeem: 30 })),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual(customers.map(() => 200));
    const pressed = value(press, 'press') as CheckoutView;
    expect(pressed.stage).toBe('done');
    for (const customer of customers) expect(sim.balanceOf(customer.client), String(customer.client)).toBe(customer.balance - 30 + 5);
    expect(sim.balanceOf(ivan.client)).toBe(ivan.balance - 50 + 9);

    const listed = value(await call('manager.setupPassword', 'пароль-менеджера'), 'password');
    expect(listed.manager.loggedIn).toBe(true);
    const journal = value(await call('journal.list', {}), 'journal');
    expect(journal).toHaveLength(42);
    expect(journal.every((operation) => operation.status === 'applied' && !operation.unresolved)).toBe(true);
    const perClient = new Map<number, string[]>();
    for (const operation of journal) perClient.set(operation.client, [...(perClient.get(operation.client) ?? []), operation.kind].sort());
    expect([...perClient.values()].every((kinds) => JSON.stringify(kinds) === '["accrue","redeem"]')).toBe(true);
    expect(perClient.size).toBe(21);
  });
});

describe('the manager switch', () => {
  it('is off by default in the app, serves when enabled, and a new token replaces the old at once', async () => {
    await core.close();
    core = await createAppCore({ dataDir, secretStore: new MemorySecretStore(31337), apiUrl: sim.url, trustedOrigin: ORIGIN });
    call = callCore(core);
    expect(core.localApi()).toBeNull();
    expect(JSON.parse(await readFile(path.join(dataDir, ENDPOINT_FILE), 'utf8'))).toMatchObject({ pid: process.pid, enabled: false, url: null });
    expect((await core.dispatch(`${IPC_PREFIX}localApi.get`, FRAME, [])).ok).toBe(false);
    value(await call('manager.setupPassword', 'пароль-менеджера'), 'password');
    const view = value(await call('localApi.save', { enabled: true, port: await freePort() }), 'save');
    expect(view.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    port = Number(new URL(view.url ?? '').port);
    token = view.token;
    expect((await request('GET', '/v1/status')).status).toBe(200);
    const renewed = value(await call('localApi.newToken'), 'new token');
    expect(renewed.token).not.toBe(token);
    expect((await request('GET', '/v1/status')).status).toBe(401);
    token = renewed.token;
    expect((await request('GET', '/v1/status')).status).toBe(200);
    value(await call('localApi.save', { enabled: false, port: 17231 }), 'off');
    await expect(request('GET', '/v1/status')).rejects.toThrow();
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = http.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as { port: number };
      server.close(() => resolve(free));
    });
  });
}

interface TillEvent {
  kind: string;
  bonuses: number;
  status: string;
  checkoutId: string | null;
  at: string;
}

async function openEvents(): Promise<{ next(count: number): Promise<TillEvent[]>; close(): void }> {
  const received: TillEvent[] = [];
  let wake: () => void = () => undefined;
  const req = http.request({ host: '127.0.0.1', port, path: '/v1/till/events', headers: { authorization: `Bearer ${token}` } });
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    req.on('response', resolve).on('error', reject).end();
  });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('text/event-stream');
  let buffer = '';
  response.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').find((line) => line.startsWith('data: '));
      if (block.includes('event: operation') && data) received.push(JSON.parse(data.slice(6)) as TillEvent);
      end = buffer.indexOf('\n\n');
    }
    wake();
  });
  return {
    async next(count) {
      while (received.length < count) await new Promise<void>((resolve) => (wake = resolve));
      return received.slice(0, count);
    },
    close: () => req.destroy(),
  };
}
