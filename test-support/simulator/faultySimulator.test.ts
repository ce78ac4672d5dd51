import http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFaultySimulator } from './faultySimulator';
import type { FaultySimulator } from './faultySimulator';
import { demoShopForm, post } from './rawRequest';

let sim: FaultySimulator;
const IVAN = 83532824;
const ivanForm = (extra: Record<string, string | number> = {}): string => demoShopForm(sim, IVAN, extra);

beforeAll(async () => {
  sim = await startFaultySimulator();
});
afterAll(() => sim.close());
afterEach(() => sim.clearFaults());

describe('faulty simulator', () => {
  it('html-500: an Apache error page, nothing applied', async () => {
    const before = sim.balanceOf(IVAN);
    sim.injectFault({ kind: 'html-500' });
    const reply = await post(sim.url, '/api_plus_balance.php', ivanForm({ kassa: 1, summa: 5 }));
    expect(reply.status).toBe(500);
    expect(reply.body.toString('utf8')).toContain('<title>500 Internal Server Error</title>');
    expect(sim.balanceOf(IVAN)).toBe(before);
  });

  it('cp1251: the answer in windows-1251, declared', async () => {
    sim.injectFault({ kind: 'cp1251' });
    const reply = await post(sim.url, '/api_get_balance.php', ivanForm());
    expect(reply.contentType).toBe('text/html; charset=windows-1251');
    expect(reply.body.includes(Buffer.from('Иван', 'utf8'))).toBe(false);
    expect(JSON.parse(new TextDecoder('windows-1251').decode(reply.body))).toMatchObject({ first_name: 'Иван' });
  });

  it('php-notice: a notice before the JSON', async () => {
    sim.injectFault({ kind: 'php-notice' });
    const text = (await post(sim.url, '/api_get_balance.php', ivanForm())).body.toString('utf8');
    expect(text).toMatch(/^<br \/>\n<b>Notice<\/b>: {2}Undefined index: kassa in <b>\/var\/www\/skidkabot\/api_get_balance\.php<\/b>.*\n\{"code":0,/s);
  });

  it('empty-body: nothing to read, but the operation applied', async () => {
    const before = sim.balanceOf(IVAN);
    sim.injectFault({ kind: 'empty-body' });
    const reply = await post(sim.url, '/api_plus_balance.php', ivanForm({ kassa: 1, summa: 4 }));
    expect([reply.status, reply.body.length]).toEqual([200, 0]);
    expect(sim.balanceOf(IVAN)).toBe(before + 4);
  });

  it('malformed-json: the answer cut off, the operation applied', async () => {
    const before = sim.balanceOf(IVAN);
    sim.injectFault({ kind: 'malformed-json' });
    const text = (await post(sim.url, '/api_minus_balance.php', ivanForm({ kassa: 1, summa: 3 }))).body.toString('utf8');
    expect(text.startsWith('{"code":0,')).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(sim.balanceOf(IVAN)).toBe(before - 3);
  });

  it.each([
    ['drop-after-apply', 6],
    ['drop-before-apply', 0],
  ] as const)('%s: the connection is cut without an answer', async (kind, change) => {
    const before = sim.balanceOf(IVAN);
    sim.injectFault({ kind });
    await expect(post(sim.url, '/api_plus_balance.php', ivanForm({ kassa: 1, summa: 6 }))).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(sim.balanceOf(IVAN)).toBe(before + change);
  });

  it('slow: answers after the delay', async () => {
    sim.injectFault({ kind: 'slow', delayMs: 200 });
    const reply = await post(sim.url, '/api_get_balance.php', ivanForm());
    expect(JSON.parse(reply.body.toString('utf8'))).toMatchObject({ code: 0 });
  });

  it('slow: answers at once when the test releases the wait', async () => {
    sim.injectFault({ kind: 'slow', delayMs: 60_000 });
    const reply = post(sim.url, '/api_get_balance.php', ivanForm());
    await expect.poll(() => sim.held()).toBe(1);
    sim.releaseDelays();
    expect(JSON.parse((await reply).body.toString('utf8'))).toMatchObject({ code: 0 });
    expect(sim.held()).toBe(0);
  });

  it('slow: a request whose client went away is never applied', async () => {
    const before = sim.balanceOf(IVAN);
    sim.injectFault({ kind: 'slow', delayMs: 300 });
    const gone = new Promise<void>((resolve) => {
      const body = ivanForm({ kassa: 1, summa: 9 });
      const request = http.request(`${sim.url}/api_plus_balance.php`, {
        method: 'POST',
        agent: false,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) },
      });
      request.on('error', () => resolve());
      request.end(body, () => setTimeout(() => request.destroy(), 50));
    });
    await gone;
    // Past the end of the 300 ms delay, when the simulator would have applied it.
    await sim.idle();
    expect(sim.balanceOf(IVAN)).toBe(before);
  });

  it('code: any answer code, for the undocumented 10 and 14', async () => {
    sim.injectFault({ kind: 'code', code: 14, text: 'Непонятно что' });
    expect((await post(sim.url, '/api_get_balance.php', '')).body.toString('utf8')).toBe('{"code":14,"text":"Непонятно что"}');
    sim.injectFault({ kind: 'code', code: 10 });
    expect((await post(sim.url, '/api_get_balance.php', '')).body.toString('utf8')).toBe('{"code":10}');
  });

  it('applies a fault only to its endpoint and only the given number of times', async () => {
    sim.injectFault({ kind: 'html-500' }, { endpoint: 'minus', times: 2 });
    expect((await post(sim.url, '/api_get_balance.php', ivanForm())).status).toBe(200);
    expect((await post(sim.url, '/api_minus_balance.php', '')).status).toBe(500);
    expect((await post(sim.url, '/api_minus_balance.php', '')).status).toBe(500);
    expect((await post(sim.url, '/api_minus_balance.php', '')).status).toBe(200);
  });

  it('forgets armed faults on clearFaults', async () => {
    sim.injectFault({ kind: 'html-500' }, { times: Infinity });
    sim.clearFaults();
    expect((await post(sim.url, '/api_get_balance.php', '')).status).toBe(200);
  });

  it('refuses a fault with no uses', () => {
    expect(() => sim.injectFault({ kind: 'html-500' }, { times: 0 })).toThrow();
  });
});
