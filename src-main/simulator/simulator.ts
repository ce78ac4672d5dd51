import { randomInt } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { DemoCustomer } from '../../src-shared/ipc/views';
import { Bank, QR_LIFETIME_MS } from './bank';
import type { CustomerRecord, Endpoint, ShopRecord } from './bank';
import { DEMO_CUSTOMERS, DEMO_SHOP, EXPIRED_QR_CUSTOMER, INDEBTED_SHOP, OTHER_SHOP_CUSTOMER } from './demoData';

export type { DemoCustomer, CustomerRecord, Endpoint, ShopRecord };

export interface SimulatorOptions {
  /** 0 (any free port) when not given. */
  port?: number;
  /** 127.0.0.1 when not given: the simulator is for this computer only. */
  host?: string;
  /** Serve HTTPS with this key and certificate. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** The clock that ages QR codes; Date.now when not given. */
  now?: () => number;
  /** Stands in front of the bank for every request to a vendor endpoint (tests break the server through it). */
  intercept?: Interceptor;
}

/** A request to one of the vendor endpoints, as an interceptor sees it before the bank does. */
export interface EndpointRequest {
  readonly endpoint: Endpoint;
  /** The PHP script asked for, e.g. api_plus_balance.php. */
  readonly file: string;
  /** True once the client has hung up. */
  clientGone(): boolean;
  /** Runs the request in the bank, applying an operation, and returns the JSON text the bank answers. */
  apply(): string;
  /** Answers as the PHP server does, text/html: a string in UTF-8, bytes as given, declared as `charset` (UTF-8 when not given). */
  respond(status: number, body: string | Uint8Array, charset?: string): void;
  /** Cuts the connection without an answer. */
  hangUp(): void;
}

/** Resolves true when it has dealt with the request itself, false to leave it to the bank. */
export type Interceptor = (request: EndpointRequest) => boolean | Promise<boolean>;

export interface RecordedRequest {
  method: string;
  path: string;
  contentType: string | undefined;
  /** The form fields as the server read them: none unless the body was form-encoded. */
  params: Record<string, string>;
}

export interface Simulator {
  /** e.g. http://127.0.0.1:PORT */
  url: string;
  demoCustomers(): DemoCustomer[];
  /** A fresh QR JSON text for a customer, as after pressing "refresh" in the bot. */
  issueQr(client: number): string;
  balanceOf(client: number): number;
  addShop(shop: ShopRecord): void;
  addCustomer(customer: CustomerRecord): void;
  /** HTTP requests served, whatever their path. */
  requestCount(): number;
  /** Resolves when no request is being handled (one an interceptor holds included): tests look at balances after it, not after a sleep. */
  idle(): Promise<void>;
  /** TCP connections accepted. */
  connectionCount(): number;
  lastRequest(): RecordedRequest | null;
  close(): Promise<void>;
}

const ENDPOINTS: ReadonlyArray<{ file: string; endpoint: Endpoint }> = [
  { file: 'api_get_balance.php', endpoint: 'balance' },
  { file: 'api_plus_balance.php', endpoint: 'plus' },
  { file: 'api_minus_balance.php', endpoint: 'minus' },
];
/** PHP's own post_max_size is far larger, but nothing the protocol sends comes near this. */
const MAX_BODY_BYTES = 64 * 1024;

export const SERVER_ERROR_PAGE = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>500 Internal Server Error</title>
</head><body>
<h1>Internal Server Error</h1>
<p>The server encountered an internal error or misconfiguration and was unable to complete your request.</p>
</body></html>
`;
const NOT_FOUND_PAGE = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>404 Not Found</title>
</head><body>
<h1>Not Found</h1>
<p>The requested URL was not found on this server.</p>
</body></html>
`;

/**
 * The built-in Skidkabot server: demo mode, cashier training, and the integration tests.
 * It speaks the vendor protocol over node:http (or node:https when given a key and certificate);
 * only form-encoded bodies are read, as PHP's $_POST would, so a JSON body is a request without parameters.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const now = options.now ?? Date.now;
  const bank = new Bank(now, () => randomInt(10_000, 100_000));
  for (const shop of [DEMO_SHOP, INDEBTED_SHOP]) bank.addShop(shop);
  for (const customer of [...DEMO_CUSTOMERS, EXPIRED_QR_CUSTOMER, OTHER_SHOP_CUSTOMER]) bank.addCustomer(customer);
  const expiredQr = bank.issueQr(EXPIRED_QR_CUSTOMER.client, now() - 2 * QR_LIFETIME_MS);

  let requests = 0;
  let connections = 0;
  let last: RecordedRequest | null = null;

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    requests += 1;
    const body = await readBody(request);
    if (body === null) {
      send(response, 413, '');
      request.socket.destroy();
      return;
    }
    const path = new URL(request.url ?? '/', 'http://simulator').pathname;
    const contentType = request.headers['content-type'];
    const isForm = request.method === 'POST' && /^application\/x-www-form-urlencoded\b/i.test(contentType ?? '');
    const params = new URLSearchParams(isForm ? body.toString('utf8') : '');
    last = { method: request.method ?? '', path, contentType, params: Object.fromEntries(params) };

    const route = ENDPOINTS.find(({ file }) => path.endsWith(`/${file}`));
    if (!route) {
      send(response, 404, NOT_FOUND_PAGE);
      return;
    }
    const endpointRequest: EndpointRequest = {
      endpoint: route.endpoint,
      file: route.file,
      clientGone: () => request.socket.destroyed,
      apply: () => bank.answer(route.endpoint, params).body,
      respond: (status, answer, charset) => send(response, status, answer, charset),
      hangUp: () => request.socket.destroy(),
    };
    if (options.intercept && (await options.intercept(endpointRequest))) return;
    send(response, 200, endpointRequest.apply());
  };

  let handling = 0;
  const idleWaiters: (() => void)[] = [];
  const listener = (request: http.IncomingMessage, response: http.ServerResponse): void => {
    handling += 1;
    handle(request, response)
      .catch(() => {
        if (!response.headersSent) send(response, 500, SERVER_ERROR_PAGE);
        else response.destroy();
      })
      .finally(() => {
        handling -= 1;
        if (handling === 0) for (const resolve of idleWaiters.splice(0)) resolve();
      });
  };
  const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener) : http.createServer(listener);
  server.on('connection', () => {
    connections += 1;
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url,
    demoCustomers: () => [
      ...DEMO_CUSTOMERS.map((customer) => {
        const { firstName, lastName, balance } = bank.customer(customer.client);
        return { label: `${firstName} ${lastName} — баланс ${balance}`, qrText: bank.currentQr(customer.client) };
      }),
      { label: `${EXPIRED_QR_CUSTOMER.firstName} ${EXPIRED_QR_CUSTOMER.lastName} — QR-код устарел`, qrText: expiredQr },
      {
        label: `${OTHER_SHOP_CUSTOMER.firstName} ${OTHER_SHOP_CUSTOMER.lastName} — QR-код другого магазина`,
        qrText: bank.currentQr(OTHER_SHOP_CUSTOMER.client),
      },
    ],
    issueQr: (client) => bank.issueQr(client),
    balanceOf: (client) => bank.customer(client).balance,
    addShop: (shop) => bank.addShop(shop),
    addCustomer: (customer) => bank.addCustomer(customer),
    requestCount: () => requests,
    idle: () => (handling === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
    connectionCount: () => connections,
    lastRequest: () => last,
    close: () =>
      new Promise<void>((resolve) => {
        for (const resolve of idleWaiters.splice(0)) resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(request: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : null));
    request.on('error', () => resolve(null));
  });
}

/** PHP's default Content-Type is text/html even for JSON; the real server is a PHP script. */
function send(response: http.ServerResponse, status: number, body: string | Uint8Array, charset = 'UTF-8'): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  response.writeHead(status, { 'Content-Type': `text/html; charset=${charset}`, 'Content-Length': bytes.length });
  response.end(bytes);
}
