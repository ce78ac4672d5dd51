import http from 'node:http';
import https from 'node:https';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENTED_ANSWERS } from './documentedAnswers';
import { selfSignedCert } from './selfSignedCert';
import { startSimulator } from './simulator';
import type { Simulator } from './simulator';

interface Reply {
  status: number;
  contentType: string | undefined;
  body: Buffer;
}

/** A bare request, so the simulator is checked without the client under test. */
function post(url: string, path: string, body: string, contentType = 'application/x-www-form-urlencoded', method = 'POST'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = (url.startsWith('https') ? https : http).request(
      `${url}${path}`,
      { method, agent: false, rejectUnauthorized: false, headers: { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, contentType: response.headers['content-type'], body: Buffer.concat(chunks) }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function formOf(fields: Record<string, string | number>): string {
  return new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)])).toString();
}

let sim: Simulator;
const IVAN = 83532824;

function ivanForm(extra: Record<string, string | number> = {}): string {
  const qr = JSON.parse(sim.issueQr(IVAN)) as { client: number; secret: number };
  return formOf({ fk_vendor: 4, vendor_secret: 31337, fk_client: qr.client, qr_secret: qr.secret, ...extra });
}

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
afterEach(() => sim.clearFaults());

describe('simulator: the protocol over HTTP', () => {
  it('listens on loopback on a free port', () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers the balance as a PHP script would', async () => {
    const reply = await post(sim.url, '/api_get_balance.php', ivanForm());
    expect(reply.status).toBe(200);
    expect(reply.contentType).toBe('text/html; charset=UTF-8');
    expect(JSON.parse(reply.body.toString('utf8'))).toMatchObject({ code: 0, first_name: 'Иван', last_name: 'Петров', p_plus: 2, p_minus: 10 });
  });

  it('does not read a JSON body: the request has no parameters, code 1', async () => {
    const json = JSON.stringify({ fk_vendor: 4, vendor_secret: 31337, fk_client: IVAN, qr_secret: 1 });
    const reply = await post(sim.url, '/api_get_balance.php', json, 'application/json');
    expect(reply.body.toString('utf8')).toBe(DOCUMENTED_ANSWERS[1]);
  });

  it('does not read the query string of a GET either', async () => {
    const reply = await post(sim.url, `/api_get_balance.php?${ivanForm()}`, '', 'text/plain', 'GET');
    expect(reply.body.toString('utf8')).toBe(DOCUMENTED_ANSWERS[1]);
  });

  it.each<[number, string, () => string]>([
    [1, '/api_get_balance.php', () => ''],
    [2, '/api_get_balance.php', () => formOf({ fk_vendor: 4 })],
    [3, '/api_plus_balance.php', () => formOf({ fk_vendor: 4, fk_client: IVAN })],
    [4, '/api_minus_balance.php', () => formOf({ fk_vendor: 4, fk_client: IVAN, vendor_secret: 31337 })],
    [5, '/api_get_balance.php', () => formOf({ fk_vendor: 4, fk_client: IVAN, vendor_secret: 1, qr_secret: 1 })],
    [6, '/api_get_balance.php', () => formOf({ fk_vendor: 4, fk_client: 1, vendor_secret: 31337, qr_secret: 1 })],
    [8, '/api_get_balance.php', () => formOf({ fk_vendor: 4, fk_client: IVAN, vendor_secret: 31337, qr_secret: 1 })],
    [11, '/api_plus_balance.php', () => ivanForm({ kassa: 1 })],
    [12, '/api_minus_balance.php', () => ivanForm({ kassa: 1 })],
    [13, '/api_minus_balance.php', () => ivanForm({ kassa: 1, summa: 1_000_000 })],
    [15, '/api_get_balance.php', () => formOf({ fk_vendor: 13, fk_client: 1, vendor_secret: 1313, qr_secret: 1 })],
  ])('sends the documented line for code %i byte for byte', async (code, path, body) => {
    const reply = await post(sim.url, path, body());
    expect(reply.body.equals(Buffer.from(DOCUMENTED_ANSWERS[code] ?? '-', 'utf8'))).toBe(true);
  });

  it('answers code 7 for a customer who never made a QR code', async () => {
    sim.addCustomer({ client: 555, vendor: 4, firstName: 'Новый', lastName: 'Клиент', balance: 0 });
    const reply = await post(sim.url, '/api_get_balance.php', formOf({ fk_vendor: 4, fk_client: 555, vendor_secret: 31337, qr_secret: 1 }));
    expect(reply.body.toString('utf8')).toBe(DOCUMENTED_ANSWERS[7]);
  });

  it('serves the scripts under any path prefix, and 404 elsewhere', async () => {
    expect((await post(sim.url, '/kassa/api/api_get_balance.php', ivanForm())).status).toBe(200);
    const missing = await post(sim.url, '/api_balance.php', ivanForm());
    expect(missing.status).toBe(404);
    expect(missing.body.toString('utf8')).toContain('<title>404 Not Found</title>');
  });

  it('records what it was sent', async () => {
    const body = ivanForm({ kassa: 3, summa: 1 });
    await post(sim.url, '/api_plus_balance.php', body);
    expect(sim.lastRequest()).toEqual({
      method: 'POST',
      path: '/api_plus_balance.php',
      contentType: 'application/x-www-form-urlencoded',
      params: Object.fromEntries(new URLSearchParams(body)),
    });
  });

  it('counts requests and connections', async () => {
    const requests = sim.requestCount();
    const connections = sim.connectionCount();
    await post(sim.url, '/api_get_balance.php', '');
    await post(sim.url, '/api_get_balance.php', '');
    expect(sim.requestCount() - requests).toBe(2);
    expect(sim.connectionCount() - connections).toBe(2);
  });
});

describe('simulator: QR lifetime', () => {
  it('expires a QR code after one day of its own clock', async () => {
    let clock = Date.UTC(2025, 0, 1);
    const local = await startSimulator({ now: () => clock });
    try {
      const qr = JSON.parse(local.issueQr(IVAN)) as { secret: number };
      const form = formOf({ fk_vendor: 4, vendor_secret: 31337, fk_client: IVAN, qr_secret: qr.secret });
      clock += 23 * 3600_000;
      expect(JSON.parse((await post(local.url, '/api_get_balance.php', form)).body.toString('utf8'))).toMatchObject({ code: 0 });
      clock += 3600_000;
      expect((await post(local.url, '/api_get_balance.php', form)).body.toString('utf8')).toBe(DOCUMENTED_ANSWERS[9]);
    } finally {
      await local.close();
    }
  });
});

describe('simulator: demo customers', () => {
  it('prints fresh QR codes of the demo shop, an expired one and one of another shop', async () => {
    const demo = sim.demoCustomers();
    expect(demo.map((d) => d.label)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Иван Петров — баланс \d+$/), expect.stringMatching(/^<b>Ира<\/b> Кузнецова/)]),
    );
    const bodies = await Promise.all(
      demo.map(async ({ qrText }) => {
        const qr = JSON.parse(qrText) as { type: string; vendor: number; client: number; secret: number };
        expect(qr.type).toBe('Skidkabot');
        const form = formOf({ fk_vendor: qr.vendor, vendor_secret: qr.vendor === 4 ? 31337 : 1313, fk_client: qr.client, qr_secret: qr.secret });
        return (await post(sim.url, '/api_get_balance.php', form)).body.toString('utf8');
      }),
    );
    expect(bodies.slice(0, 4).every((body) => body.startsWith('{"code":0,'))).toBe(true);
    expect(bodies.slice(4)).toEqual([DOCUMENTED_ANSWERS[9], DOCUMENTED_ANSWERS[15]]);
  });

  it('reports balances as they change', async () => {
    const before = sim.balanceOf(IVAN);
    await post(sim.url, '/api_plus_balance.php', ivanForm({ kassa: 1, summa: 10 }));
    expect(sim.balanceOf(IVAN)).toBe(before + 10);
  });

  it('has the demo shop 4/31337 and refuses unknown customers in its helpers', () => {
    expect(() => sim.balanceOf(1)).toThrow();
    expect(() => sim.issueQr(1)).toThrow();
  });
});

describe('simulator: faults', () => {
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

describe('simulator: HTTPS', () => {
  it('serves the protocol over TLS with the given certificate', async () => {
    const tlsSim = await startSimulator({ tls: selfSignedCert() });
    try {
      expect(tlsSim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const reply = await post(tlsSim.url, '/api_get_balance.php', '');
      expect(reply.body.toString('utf8')).toBe(DOCUMENTED_ANSWERS[1]);
      expect(tlsSim.connectionCount()).toBe(1);
    } finally {
      await tlsSim.close();
    }
  });
});
