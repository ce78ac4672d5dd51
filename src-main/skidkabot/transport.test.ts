import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { envProxyResolver } from './net/proxyRoute';
import { startLoopbackProxy, type LoopbackProxy } from '../../test-support/net/loopbackProxy';
import { privateCaServerCert, type TestPki } from '../../test-support/net/testCa';
import { createHttpTransport, type FormTransport } from './transport';

/** A TLS server with a short keep-alive that notes every connection (resumed or not) and every request. */
interface CountingServer {
  url: URL;
  connections: Array<{ resumed: boolean }>;
  requests: string[];
  server: https.Server;
  close(): Promise<void>;
}

let pki: TestPki;
const closers: Array<() => Promise<void> | void> = [];

beforeAll(() => {
  pki = privateCaServerCert();
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function countingServer(keepAliveMs: number): Promise<CountingServer> {
  const connections: Array<{ resumed: boolean }> = [];
  const requests: string[] = [];
  const server = https.createServer({ key: pki.key, cert: pki.cert }, (request, response) => {
    requests.push(`${request.method ?? ''} ${request.url ?? ''}`);
    request.resume();
    // A request to a path with "held" is never answered: a server that stopped replying.
    if (request.url?.includes('held') === true) return;
    // Stating the length, as Apache and nginx do, also on HEAD: without it Node's client closes the socket.
    request.on('end', () => response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 10 }).end(request.method === 'HEAD' ? undefined : '{"code":0}'));
  });
  server.keepAliveTimeout = keepAliveMs;
  server.on('secureConnection', (socket: TLSSocket) => {
    connections.push({ resumed: socket.isSessionReused() });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  closers.push(close);
  return { url: new URL(`https://127.0.0.1:${port}/api`), connections, requests, server, close };
}

function transportFor(server: CountingServer, proxy?: LoopbackProxy): FormTransport {
  const resolver = proxy ? envProxyResolver({ https_proxy: proxy.url }) : undefined;
  const transport = createHttpTransport(server.url, 3_000, { ca: [pki.caCert], ...(resolver ? { proxy: resolver } : { proxy: { resolve: () => Promise.resolve({ kind: 'direct' }) } }) });
  closers.push(() => transport.close());
  return transport;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('createHttpTransport keeps the connection ready', () => {
  it('warm-ups during a pause longer than the keep-alive keep one connection, with HEAD of the root only', async () => {
    const server = await countingServer(3_000);
    const transport = transportFor(server);
    expect(await transport.post('/api_get_balance.php', { a: '1' }, 3_000)).toMatchObject({ ok: true });
    for (let step = 0; step < 3; step += 1) {
      await sleep(1_600);
      await transport.warm();
    }
    await sleep(1_000);
    // 5.8 s after the balance, past the server's 3 s keep-alive: the press still finds the connection up.
    expect(await transport.post('/api_bonus_minus.php', { a: '1' }, 3_000)).toMatchObject({ ok: true });
    expect(server.connections).toHaveLength(1);
    expect(server.requests).toEqual(['POST /api/api_get_balance.php', 'HEAD /api/', 'HEAD /api/', 'HEAD /api/', 'POST /api/api_bonus_minus.php']);
  }, 15_000);

  it('skips a warm-up right after a request, and one while a request is out', async () => {
    const server = await countingServer(3_000);
    const transport = transportFor(server);
    const posted = transport.post('/api_get_balance.php', {}, 3_000);
    await transport.warm();
    await posted;
    await transport.warm();
    expect(server.requests).toEqual(['POST /api/api_get_balance.php']);
  });

  it('resumes the TLS session on a new connection, straight and through a CONNECT proxy', async () => {
    const server = await countingServer(3_000);
    const proxy = await startLoopbackProxy();
    closers.push(() => proxy.close());
    for (const via of [undefined, proxy]) {
      const transport = transportFor(server, via);
      const before = server.connections.length;
      expect(await transport.post('/api_get_balance.php', {}, 3_000)).toMatchObject({ ok: true });
      server.server.closeIdleConnections();
      await sleep(100);
      expect(await transport.post('/api_get_balance.php', {}, 3_000)).toMatchObject({ ok: true });
      expect(server.connections.slice(before)).toEqual([{ resumed: false }, { resumed: true }]);
    }
    expect(proxy.seen.filter((line) => line.startsWith('CONNECT'))).toHaveLength(2);
  });

  it('opens nothing after close until the owner posts again', async () => {
    const server = await countingServer(3_000);
    const transport = transportFor(server);
    transport.close();
    await transport.warm();
    expect(server.connections).toEqual([]);
    expect(await transport.post('/api_get_balance.php', {}, 3_000)).toMatchObject({ ok: true });
    await sleep(1_600);
    await transport.warm();
    expect(server.requests).toEqual(['POST /api/api_get_balance.php', 'HEAD /api/']);
  });

  it('a warm-up against a server that is down resolves quietly, and the post after it still reports not sent', async () => {
    const server = await countingServer(3_000);
    const transport = transportFor(server);
    await server.close();
    await expect(transport.warm()).resolves.toBeUndefined();
    const result = await transport.post('/api_bonus_minus.php', {}, 3_000);
    expect(result).toMatchObject({ ok: false, reached: false });
  });

  it('an aborted post resolves at once and the next post does not wait behind it', async () => {
    const server = await countingServer(3_000);
    const transport = transportFor(server);
    const abort = new AbortController();
    // Longer than the test may run: only the abort can end it.
    const held = transport.post('/held_balance.php', {}, 600_000, abort.signal);
    await expect.poll(() => server.requests).toEqual(['POST /api/held_balance.php']);
    abort.abort();
    expect(await held).toMatchObject({ ok: false, reached: true });
    // One socket per route: without the abort this post would wait behind the held one.
    expect(await transport.post('/api_get_balance.php', {}, 3_000)).toMatchObject({ ok: true, answer: { status: 200 } });
    expect(server.connections).toHaveLength(2);
    expect(await transport.post('/api_get_balance.php', {}, 3_000, AbortSignal.abort())).toMatchObject({ ok: false, reached: false });
    expect(server.requests).toEqual(['POST /api/held_balance.php', 'POST /api/api_get_balance.php']);
  });
});
