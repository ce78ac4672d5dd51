import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ScriptedEndpoint = 'balance' | 'accrue' | 'redeem';

const PATHS: Record<string, ScriptedEndpoint> = {
  '/api_get_balance.php': 'balance',
  '/api_plus_balance.php': 'accrue',
  '/api_minus_balance.php': 'redeem',
};

/**
 * A hostile Skidkabot server on loopback: each endpoint answers whatever body the test sets
 * (an object is sent as JSON, a string as it is), so tests can send what the simulator never would.
 */
export interface ScriptedServer {
  url: string;
  answer(endpoint: ScriptedEndpoint, body: unknown): void;
  /** Requests served per endpoint. */
  count(endpoint: ScriptedEndpoint): number;
  close(): Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  const bodies = new Map<ScriptedEndpoint, string>();
  const counts = new Map<ScriptedEndpoint, number>();
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const endpoint = PATHS[new URL(request.url ?? '/', 'http://127.0.0.1').pathname];
      const body = endpoint === undefined ? undefined : bodies.get(endpoint);
      if (endpoint === undefined || body === undefined) {
        response.writeHead(404).end();
        return;
      }
      counts.set(endpoint, (counts.get(endpoint) ?? 0) + 1);
      response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answer(endpoint, body) {
      bodies.set(endpoint, typeof body === 'string' ? body : JSON.stringify(body));
    },
    count: (endpoint) => counts.get(endpoint) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
