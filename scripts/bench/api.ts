import http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { SkidkabotClient } from '../../src-main/skidkabot/client';
import type { QrRef } from '../../src-main/skidkabot/client';
import { performOperations, runCheckout } from '../../src-main/skidkabot/checkout';
import { effectiveRules } from '../../src-shared/bonus/bonusRules';
import { KEEP_WARM_MS } from '../../src-main/app/checkoutSession';
import { privateCaServerCert } from '../../test-support/net/testCa';
import { startSimulator } from '../../src-main/simulator/simulator';
import { median, versus } from '../benchGoal';
import type { Simulator } from '../../src-main/simulator/simulator';

const IVAN = 83532824;
const SHOP = { shopCode: 4, shopSecret: 31337, kassa: 1 };
const CALLS = 2000;
/** Round-trip time the proxy adds: half on the way out, half on the way back. */
const RTT_MS = 40;
const CHECKOUTS = 5;

function qrOf(sim: Simulator): QrRef {
  const { secret } = JSON.parse(sim.issueQr(IVAN)) as { secret: number };
  return { client: IVAN, secret };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

/** Microseconds per call of each, sorted; the calls alternate so that drift in the machine hits both alike. */
async function timeAlternating(calls: ReadonlyArray<() => Promise<unknown>>, rounds: number): Promise<number[][]> {
  const times = calls.map((): number[] => []);
  for (let i = 0; i < rounds; i += 1) {
    for (const [index, call] of calls.entries()) {
      const start = performance.now();
      await call();
      times[index]?.push((performance.now() - start) * 1000);
    }
  }
  return times.map((t) => t.sort((a, b) => a - b));
}

/** The least a balance call can cost: the same POST over a kept-alive node:http socket, body read, nothing parsed. */
function rawBalance(url: URL, agent: http.Agent, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        hostname: url.hostname,
        port: url.port,
        path: '/api_get_balance.php',
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) },
      },
      (response) => {
        response.on('data', () => undefined);
        response.on('end', resolve);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function overhead(sim: Simulator): Promise<void> {
  const qr = qrOf(sim);
  const client = new SkidkabotClient({ baseUrl: sim.url, credentials: SHOP });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const body = new URLSearchParams({ fk_vendor: '4', vendor_secret: '31337', fk_client: String(qr.client), qr_secret: String(qr.secret) }).toString();
  const url = new URL(sim.url);
  try {
    const calls = [() => rawBalance(url, agent, body), () => client.balance(qr)];
    await timeAlternating(calls, 300);
    const [raw = [], ours = []] = await timeAlternating(calls, CALLS);
    const row = (name: string, t: number[]) => `${name} median ${percentile(t, 0.5).toFixed(0)} µs, p95 ${percentile(t, 0.95).toFixed(0)} µs`;
    console.log(row('raw node:http loopback POST:   ', raw));
    console.log(row('SkidkabotClient.balance():     ', ours));
    console.log(
      `client overhead per call:       median ${(percentile(ours, 0.5) - percentile(raw, 0.5)).toFixed(0)} µs, p95 ${(percentile(ours, 0.95) - percentile(raw, 0.95)).toFixed(0)} µs`,
    );
  } finally {
    client.close();
    agent.destroy();
  }
}

/**
 * A TCP proxy that delays every chunk by half the RTT each way. A real connection costs one RTT of
 * handshake before its first byte can leave; the proxy holds the client's first bytes back by that
 * much too, so a fresh connection is charged for it.
 */
async function startDelayingProxy(target: URL): Promise<{ port: number; accepted: () => number; close: () => Promise<void> }> {
  const oneWay = RTT_MS / 2;
  let accepted = 0;
  const sockets = new Set<net.Socket>();
  const forward = (from: net.Socket, to: net.Socket, notBefore: number): void => {
    from.on('data', (chunk) => {
      const due = Math.max(performance.now() + oneWay, notBefore + oneWay);
      setTimeout(() => to.destroyed || to.write(chunk), due - performance.now());
    });
    from.on('end', () => setTimeout(() => to.end(), oneWay));
    from.on('error', () => to.destroy());
    from.on('close', () => setTimeout(() => to.destroy(), oneWay));
  };
  const server = net.createServer((inbound) => {
    accepted += 1;
    const handshakeDone = performance.now() + RTT_MS;
    const outbound = net.connect(Number(target.port), target.hostname);
    for (const socket of [inbound, outbound]) {
      socket.setNoDelay(true);
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    forward(inbound, outbound, handshakeDone);
    forward(outbound, inbound, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    accepted: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function checkoutRoundTrips(sim: Simulator): Promise<void> {
  const proxy = await startDelayingProxy(new URL(sim.url));
  const rules = { source: 'server', pPlus: 0, pMinus: 0, accrueOnPaidPart: true } as const;
  const cold: number[] = [];
  const warm: number[] = [];
  let connections = 0;
  let requests = 0;
  try {
    for (let i = 0; i < CHECKOUTS; i += 1) {
      const client = new SkidkabotClient({ baseUrl: `http://127.0.0.1:${proxy.port}`, credentials: SHOP });
      const acceptedBefore = proxy.accepted();
      const requestsBefore = sim.requestCount();
      for (const times of [cold, warm]) {
        const start = performance.now();
        const result = await runCheckout(client, qrOf(sim), { purchaseKopecks: 100_000, redeem: 'max', rules });
        times.push(performance.now() - start);
        if (!result.ok || result.value.outcomes.length !== 2) throw new Error('bench checkout did not redeem and accrue');
      }
      connections = proxy.accepted() - acceptedBefore;
      requests = sim.requestCount() - requestsBefore;
      client.close();
    }
  } finally {
    await proxy.close();
  }
  const line = (name: string, t: number[]) => `${name}${median(t).toFixed(1)} ms = ${(median(t) / RTT_MS).toFixed(2)} RTT`;
  console.log(`delaying proxy: RTT ${RTT_MS} ms; checkout = balance + redemption + accrual, median of ${CHECKOUTS}`);
  console.log(line('checkout on a new connection (incl. 1 RTT TCP handshake): ', cold));
  console.log(line('checkout on the kept-alive connection:                    ', warm));
  console.log(`TCP connections for two checkouts by one client:            ${connections} (${requests} requests)`);
}

/** The pause between the balance on screen and the press: longer than the 5 s a Node or Apache server keeps an idle connection. */
const PAUSE_MS = 6_000;
const PRESSES = 3;

/**
 * Over TLS through the delaying proxy, against the simulator on Node's default 5 s keep-alive: the
 * balance, a 6 s pause, then the press (redemption + accrual). Without warm-ups the press pays a new
 * TCP and TLS connection; with them (what the checkout does while a customer is on screen) it pays
 * its own two round trips.
 */
async function pressAfterPause(): Promise<void> {
  const pki = privateCaServerCert();
  const sim = await startSimulator({ tls: { key: pki.key, cert: pki.cert } });
  const proxy = await startDelayingProxy(new URL(sim.url.replace('https:', 'http:')));
  const rules = { source: 'server', pPlus: 0, pMinus: 0, accrueOnPaidPart: true } as const;
  const modes = ['cold', 'warm', 'floor'] as const;
  const results: Record<(typeof modes)[number], { ms: number[]; connections: number[] }> = {
    cold: { ms: [], connections: [] },
    warm: { ms: [], connections: [] },
    floor: { ms: [], connections: [] },
  };
  try {
    for (let round = 0; round < PRESSES; round += 1) {
      for (const mode of modes) {
        const client = new SkidkabotClient({ baseUrl: `https://127.0.0.1:${proxy.port}`, credentials: SHOP, network: { proxy: { resolve: () => Promise.resolve({ kind: 'direct' }) }, ca: [pki.caCert] } });
        const qr = qrOf(sim);
        const customer = await client.balance(qr);
        if (!customer.ok) throw new Error(customer.error.message);
        const timer = mode === 'warm' ? setInterval(() => void client.warm(), KEEP_WARM_MS) : null;
        await new Promise((resolve) => setTimeout(resolve, mode === 'floor' ? 0 : PAUSE_MS));
        if (timer) clearInterval(timer);
        const acceptedBefore = proxy.accepted();
        const start = performance.now();
        const effective = effectiveRules(rules, { pPlus: customer.value.pPlus, pMinus: customer.value.pMinus });
        const done = await performOperations(client, qr, customer.value, 100_000, 10, effective);
        results[mode].ms.push(performance.now() - start);
        results[mode].connections.push(proxy.accepted() - acceptedBefore);
        if (!done.ok || done.value.length !== 2 || done.value.some((outcome) => outcome.status !== 'applied')) throw new Error(`bench press did not redeem and accrue: ${JSON.stringify(done)}`);
        client.close();
      }
    }
  } finally {
    await proxy.close();
    await sim.close();
  }
  console.log(`press (redemption + accrual) over TLS, ${PAUSE_MS / 1000} s after the balance, server keep-alive 5 s, RTT ${RTT_MS} ms, median of ${PRESSES}:`);
  const labels = { cold: 'without warm-ups (before): ', warm: `warm-ups every ${KEEP_WARM_MS / 1000} s:     `, floor: 'no pause (floor, this box):' };
  for (const mode of modes) {
    const { ms, connections } = results[mode];
    const label = labels[mode];
    // Round trips in the press, to the nearest whole one: the rest is the two machines' own work (a
    // little either way: the proxy's delay is timed per direction), while a new connection or a TLS
    // handshake would add at least one whole trip more.
    const trips = Math.round(median(ms) / RTT_MS);
    const opened = Math.max(...connections);
    const goal = mode === 'warm' ? `  ${versus('≤ 2 round trips, no new connection', trips <= 2 && opened === 0)}` : '';
    console.log(
      `  ${label} ${median(ms).toFixed(1)} ms = ${(median(ms) / RTT_MS).toFixed(2)} RTT → ${trips} round trip${trips === 1 ? '' : 's'} (each: ${ms.map((t) => (t / RTT_MS).toFixed(2)).join(', ')}), new connections during the press: ${opened}${goal}`,
    );
  }
}

async function refusedReport(): Promise<void> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  const client = new SkidkabotClient({ baseUrl: `http://127.0.0.1:${port}`, credentials: SHOP });
  const start = performance.now();
  await client.balance({ client: IVAN, secret: 1 });
  console.log(`refused connection reported in:                            ${(performance.now() - start).toFixed(1)} ms (retry included)`);
  client.close();
}

export async function run(): Promise<void> {
  const sim = await startSimulator();
  try {
    await overhead(sim);
    await checkoutRoundTrips(sim);
    await pressAfterPause();
    await refusedReport();
  } finally {
    await sim.close();
  }
}
