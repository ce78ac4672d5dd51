import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENTED_ANSWERS } from './documentedAnswers';
import { selfSignedCert } from '../../test-support/simulator/selfSignedCert';
import { startSimulator } from './simulator';
import type { Simulator } from './simulator';
import { demoShopForm, formOf, post } from '../../test-support/simulator/rawRequest';

let sim: Simulator;
const IVAN = 83532824;

const ivanForm = (extra: Record<string, string | number> = {}): string => demoShopForm(sim, IVAN, extra);

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());

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

describe('simulator: the interceptor in front of the bank', () => {
  it('sees each endpoint request and answers it itself, or leaves it to the bank', async () => {
    const seen: string[] = [];
    const local = await startSimulator({
      intercept: (request) => {
        seen.push(`${request.endpoint} ${request.file} ${String(request.clientGone())}`);
        if (request.endpoint !== 'plus') return false;
        request.respond(502, request.apply().toUpperCase(), 'x-test');
        return true;
      },
    });
    try {
      const before = local.balanceOf(IVAN);
      expect(JSON.parse((await post(local.url, '/api_get_balance.php', demoShopForm(local, IVAN))).body.toString('utf8'))).toMatchObject({ code: 0 });
      const plus = await post(local.url, '/api_plus_balance.php', demoShopForm(local, IVAN, { kassa: 1, summa: 7 }));
      expect([plus.status, plus.contentType, plus.body.toString('utf8').slice(0, 10)]).toEqual([502, 'text/html; charset=x-test', '{"CODE":0,']);
      expect(local.balanceOf(IVAN)).toBe(before + 7);
      await post(local.url, '/api_balance.php', '');
      expect(seen).toEqual(['balance api_get_balance.php false', 'plus api_plus_balance.php false']);
    } finally {
      await local.close();
    }
  });

  it('lets it cut the connection without applying anything', async () => {
    const local = await startSimulator({
      intercept: (request) => {
        request.hangUp();
        return true;
      },
    });
    try {
      const before = local.balanceOf(IVAN);
      await expect(post(local.url, '/api_minus_balance.php', demoShopForm(local, IVAN, { kassa: 1, summa: 3 }))).rejects.toMatchObject({ code: 'ECONNRESET' });
      await local.idle();
      expect(local.balanceOf(IVAN)).toBe(before);
    } finally {
      await local.close();
    }
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
