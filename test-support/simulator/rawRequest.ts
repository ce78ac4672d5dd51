import http from 'node:http';
import https from 'node:https';
import type { Simulator } from '../../src-main/simulator/simulator';

export interface Reply {
  status: number;
  contentType: string | undefined;
  body: Buffer;
}

/** A bare request, so the simulator is checked without the client under test. */
export function post(url: string, path: string, body: string, contentType = 'application/x-www-form-urlencoded', method = 'POST'): Promise<Reply> {
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

export function formOf(fields: Record<string, string | number>): string {
  return new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)])).toString();
}

/** The demo shop's form for a customer's fresh QR code, with any extra fields. */
export function demoShopForm(sim: Pick<Simulator, 'issueQr'>, client: number, extra: Record<string, string | number> = {}): string {
  const qr = JSON.parse(sim.issueQr(client)) as { client: number; secret: number };
  return formOf({ fk_vendor: 4, vendor_secret: 31337, fk_client: qr.client, qr_secret: qr.secret, ...extra });
}
