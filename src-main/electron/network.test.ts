import type { Session } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../simulator/simulator';
import type { Simulator } from '../simulator/simulator';
import { SkidkabotClient } from '../skidkabot/client';
import { startLoopbackProxy } from '../../test-support/net/loopbackProxy';
import type { LoopbackProxy } from '../../test-support/net/loopbackProxy';
import { electronNetwork } from './network';

let sim: Simulator;
let proxy: LoopbackProxy;

beforeAll(async () => {
  sim = await startSimulator();
  proxy = await startLoopbackProxy();
});
afterAll(async () => {
  await proxy.close();
  await sim.close();
});

/** Only resolveProxy is used; Chromium's answers are given as it writes them. */
function sessionAnswering(answer: () => Promise<string>, asked: string[] = []): Session {
  return {
    resolveProxy: (url: string) => {
      asked.push(url);
      return answer();
    },
  } as unknown as Session;
}

async function balanceThrough(session: Session) {
  const client = new SkidkabotClient({ baseUrl: sim.url, credentials: { shopCode: 4, shopSecret: 31337, kassa: 1 }, network: electronNetwork(session) });
  try {
    const { secret } = JSON.parse(sim.issueQr(83532824)) as { secret: number };
    return await client.balance({ client: 83532824, secret });
  } finally {
    client.close();
  }
}

describe('electronNetwork (Chromium’s proxy answer → the node:http route)', () => {
  it('follows a PROXY answer, asking for the server’s URL', async () => {
    const asked: string[] = [];
    const before = proxy.seen.length;
    const result = await balanceThrough(sessionAnswering(() => Promise.resolve(`PROXY 127.0.0.1:${proxy.port}; DIRECT`), asked));
    expect(result.ok).toBe(true);
    expect(asked).toEqual([`${sim.url}/`]);
    expect(proxy.seen.slice(before)).toEqual([`POST ${sim.url}/api_get_balance.php`]);
  });

  it('goes direct on DIRECT, and when the PAC script fails', async () => {
    const before = proxy.seen.length;
    expect((await balanceThrough(sessionAnswering(() => Promise.resolve('DIRECT')))).ok).toBe(true);
    expect((await balanceThrough(sessionAnswering(() => Promise.reject(new Error('PAC failed'))))).ok).toBe(true);
    expect(proxy.seen.length).toBe(before);
  });
});
