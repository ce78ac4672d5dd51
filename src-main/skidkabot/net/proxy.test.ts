import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFaultySimulator } from '../../../test-support/simulator/faultySimulator';
import type { FaultySimulator } from '../../../test-support/simulator/faultySimulator';
import { SkidkabotClient } from '../client';
import type { QrRef } from '../client';
import { translate } from '../../../src-shared/messages/messages';
import type { NetworkSetup } from './networkSetup';
import { envProxyResolver } from './proxyRoute';
import { startLoopbackProxy } from '../../../test-support/net/loopbackProxy';
import type { LoopbackProxy } from '../../../test-support/net/loopbackProxy';
import { privateCaServerCert } from '../../../test-support/net/testCa';
import type { TestPki } from '../../../test-support/net/testCa';
import { closedPort } from '../../../test-support/skidkabot/closedPort';

const IVAN = 83532824;
const SHOP = { shopCode: 4, shopSecret: 31337, kassa: 2 };

let pki: TestPki;
let httpsSim: FaultySimulator;
let httpSim: FaultySimulator;
const clients: SkidkabotClient[] = [];
const proxies: LoopbackProxy[] = [];

beforeAll(async () => {
  pki = privateCaServerCert();
  httpsSim = await startFaultySimulator({ tls: { key: pki.key, cert: pki.cert } });
  httpSim = await startFaultySimulator();
});
afterEach(async () => {
  httpsSim.clearFaults();
  httpSim.clearFaults();
  for (const client of clients.splice(0)) client.close();
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
});
afterAll(async () => {
  await httpsSim.close();
  await httpSim.close();
});

async function proxy(options: Parameters<typeof startLoopbackProxy>[0] = {}): Promise<LoopbackProxy> {
  const started = await startLoopbackProxy(options);
  proxies.push(started);
  return started;
}

function client(sim: FaultySimulator, network: NetworkSetup): SkidkabotClient {
  const made = new SkidkabotClient({ baseUrl: sim.url, credentials: SHOP, network, totalTimeoutMs: 8_000 });
  clients.push(made);
  return made;
}

function qrOf(sim: FaultySimulator): QrRef {
  const { secret } = JSON.parse(sim.issueQr(IVAN)) as { secret: number };
  return { client: IVAN, secret };
}

function through(p: LoopbackProxy, ca?: string, env: Record<string, string> = {}): NetworkSetup {
  const resolver = envProxyResolver({ HTTPS_PROXY: p.url, HTTP_PROXY: p.url, ...env });
  return ca === undefined ? { proxy: resolver } : { proxy: resolver, ca: [ca] };
}

const simPort = (sim: FaultySimulator): string => new URL(sim.url).port;

describe('https through a CONNECT proxy, certificate trusted only through an added root', () => {
  it('reads the balance and redeems through the tunnel', async () => {
    const p = await proxy();
    const till = client(httpsSim, through(p, pki.caCert));
    const qr = qrOf(httpsSim);
    const before = httpsSim.balanceOf(IVAN);
    expect(await till.balance(qr)).toMatchObject({ ok: true, value: { balance: before } });
    expect(await till.redeem(qr, 3, before)).toMatchObject({ status: 'applied', balance: before - 3, confirmedBy: 'answer' });
    // One tunnel carries both calls: the keep-alive socket lives inside it.
    expect(p.seen).toEqual([`CONNECT 127.0.0.1:${simPort(httpsSim)}`]);
  });

  it('without the added root the certificate fails and nothing is sent, so an operation is plainly not done', async () => {
    const p = await proxy();
    const till = client(httpsSim, through(p));
    const qr = qrOf(httpsSim);
    const before = httpsSim.balanceOf(IVAN);
    const requests = httpsSim.requestCount();
    const outcome = await till.accrue(qr, 5, before);
    expect(outcome).toEqual({ status: 'refused', kind: 'accrue', bonuses: 5, error: { kind: 'network', key: 'network.tls', message: translate('network.tls') } });
    expect(httpsSim.requestCount()).toBe(requests);
    expect(httpsSim.balanceOf(IVAN)).toBe(before);
  });

  it('the added root works without a proxy too', async () => {
    const till = client(httpsSim, { proxy: envProxyResolver({}), ca: [pki.caCert] });
    expect(await till.balance(qrOf(httpsSim))).toMatchObject({ ok: true });
  });

  it('a lost answer inside the tunnel is settled by the balance, never sent again', async () => {
    const p = await proxy();
    const till = client(httpsSim, through(p, pki.caCert));
    const qr = qrOf(httpsSim);
    const before = httpsSim.balanceOf(IVAN);
    httpsSim.injectFault({ kind: 'drop-after-apply' }, { endpoint: 'plus' });
    const requests = httpsSim.requestCount();
    const outcome = await till.accrue(qr, 7, before);
    expect(outcome).toMatchObject({ status: 'applied', balance: before + 7, confirmedBy: 'balance-check' });
    expect(httpsSim.balanceOf(IVAN)).toBe(before + 7);
    expect(httpsSim.requestCount() - requests).toBe(2);
  });

  it('a proxy that demands a password (407) is named, and nothing reaches the server', async () => {
    const p = await proxy({ authorization: 'Basic c2hvcDpwYXNz' });
    const till = client(httpsSim, through(p, pki.caCert));
    const before = httpsSim.balanceOf(IVAN);
    const requests = httpsSim.requestCount();
    const outcome = await till.redeem(qrOf(httpsSim), 2, before);
    expect(outcome).toMatchObject({ status: 'refused', error: { kind: 'network' } });
    expect(outcome.status === 'refused' && outcome.error.message).toBe(translate('network.proxy-auth', { via: `127.0.0.1:${p.port}` }));
    expect(outcome.status === 'refused' && outcome.error.message).toContain(`Прокси 127.0.0.1:${p.port} требует авторизацию`);
    expect(httpsSim.requestCount()).toBe(requests);
    // A policy answer is not retried.
    expect(p.seen).toHaveLength(1);
  });

  it('the password from https_proxy=http://user:pass@host is sent to the proxy', async () => {
    const p = await proxy({ authorization: `Basic ${Buffer.from('shop:p@ss').toString('base64')}` });
    const resolver = envProxyResolver({ https_proxy: `http://shop:p%40ss@127.0.0.1:${p.port}` });
    const till = client(httpsSim, { proxy: resolver, ca: [pki.caCert] });
    expect(await till.balance(qrOf(httpsSim))).toMatchObject({ ok: true });
  });

  it('a CONNECT the proxy refuses (403) is reported as not sent', async () => {
    const p = await proxy({ connectStatus: 403 });
    const till = client(httpsSim, through(p, pki.caCert));
    const before = httpsSim.balanceOf(IVAN);
    const outcome = await till.accrue(qrOf(httpsSim), 4, before);
    expect(outcome).toMatchObject({ status: 'refused', error: { message: expect.stringContaining(`Прокси-сервер 127.0.0.1:${p.port} не пропустил`) as unknown } });
    expect(httpsSim.balanceOf(IVAN)).toBe(before);
  });
});

describe('plain http through a forwarding proxy', () => {
  it('sends the absolute URL to the proxy and gets the answer', async () => {
    const p = await proxy();
    const till = client(httpSim, through(p));
    const qr = qrOf(httpSim);
    const before = httpSim.balanceOf(IVAN);
    expect(await till.accrue(qr, 6, before)).toMatchObject({ status: 'applied', balance: before + 6, confirmedBy: 'answer' });
    expect(p.seen).toEqual([`POST http://127.0.0.1:${simPort(httpSim)}/api_plus_balance.php`]);
    expect(httpSim.lastRequest()).toMatchObject({ path: '/api_plus_balance.php', params: { summa: '6' } });
  });

  it("a proxy's 502 after it forwarded the request is NOT taken as not sent: the balance decides", async () => {
    const p = await proxy();
    const till = client(httpSim, through(p));
    const qr = qrOf(httpSim);
    const before = httpSim.balanceOf(IVAN);
    httpSim.injectFault({ kind: 'drop-after-apply' }, { endpoint: 'plus' });
    const outcome = await till.accrue(qr, 9, before);
    expect(outcome).toMatchObject({ status: 'applied', balance: before + 9, confirmedBy: 'balance-check' });
    expect(httpSim.balanceOf(IVAN)).toBe(before + 9);
  });

  it('a 502 for a request the server never applied leaves it not applied, by the balance', async () => {
    const p = await proxy();
    const till = client(httpSim, through(p));
    const qr = qrOf(httpSim);
    const before = httpSim.balanceOf(IVAN);
    httpSim.injectFault({ kind: 'drop-before-apply' }, { endpoint: 'minus' });
    const outcome = await till.redeem(qr, 2, before);
    expect(outcome).toMatchObject({ status: 'not-applied', balance: before });
  });

  it('a forwarding proxy that demands a password (407) forwarded nothing: not sent, the proxy is named', async () => {
    const p = await proxy({ authorization: 'Basic c2hvcDpwYXNz' });
    const till = client(httpSim, through(p));
    const before = httpSim.balanceOf(IVAN);
    const requests = httpSim.requestCount();
    const outcome = await till.accrue(qrOf(httpSim), 2, before);
    expect(outcome).toMatchObject({ status: 'refused', error: { message: expect.stringContaining(`Прокси 127.0.0.1:${p.port} требует авторизацию (407)`) as unknown } });
    expect(httpSim.requestCount()).toBe(requests);
    expect(p.seen).toEqual([`POST http://127.0.0.1:${simPort(httpSim)}/api_plus_balance.php`]);
  });

  it('NO_PROXY sends the request straight to the server', async () => {
    const p = await proxy();
    const till = client(httpSim, through(p, undefined, { NO_PROXY: 'example.org, 127.0.0.1' }));
    expect(await till.balance(qrOf(httpSim))).toMatchObject({ ok: true });
    expect(p.seen).toEqual([]);
  });
});

describe('a proxy that is not there', () => {
  it.each([
    ['https', () => httpsSim],
    ['http', () => httpSim],
  ] as const)('%s: refused by the proxy → not sent, the proxy is named', async (_name, sim) => {
    const port = await closedPort();
    const resolver = envProxyResolver({ HTTPS_PROXY: `http://127.0.0.1:${port}`, HTTP_PROXY: `127.0.0.1:${port}` });
    const till = client(sim(), { proxy: resolver, ca: [pki.caCert] });
    const before = sim().balanceOf(IVAN);
    const requests = sim().requestCount();
    const outcome = await till.redeem(qrOf(sim()), 1, before);
    expect(outcome).toEqual({
      status: 'refused',
      kind: 'redeem',
      bonuses: 1,
      error: { kind: 'network', key: 'network.proxy-down', params: { via: `127.0.0.1:${port}` }, message: translate('network.proxy-down', { via: `127.0.0.1:${port}` }) },
    });
    expect(sim().requestCount()).toBe(requests);
  });

  it('an unreadable proxy variable is an error, not a quiet direct connection', async () => {
    const till = client(httpSim, { proxy: envProxyResolver({ HTTP_PROXY: 'socks5://127.0.0.1:1080' }) });
    const requests = httpSim.requestCount();
    expect(await till.balance(qrOf(httpSim))).toEqual({ ok: false, error: { kind: 'network', key: 'network.proxy-setting', message: translate('network.proxy-setting') } });
    expect(httpSim.requestCount()).toBe(requests);
  });
});
