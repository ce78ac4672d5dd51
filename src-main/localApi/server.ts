import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod/mini';
import { codedError, type AppError, type ErrorKind } from '../../src-shared/errors';
import type { MessageKey, MessageParams } from '../../src-shared/messages/messages';
import type { CommandReport, JsonObject } from '../cli/command';
import { reportJson } from '../cli/render';
import { errnoCode } from '../fs/errnoCode';
import { httpStatusOf } from './httpStatus';
import { REPORT_MEDIA_TYPE } from './mediaType';
import {
  accrueRequest,
  balanceRequest,
  checkoutRequest,
  journalQuery,
  openApiDocument,
  redeemRequest,
  tillPurchaseRequest,
  type TillOperation,
} from './schemas';
import type { TillApi } from './tillApi';

/** Far above any real request (a QR is under 200 bytes); a larger body is refused unread. */
const MAX_BODY_BYTES = 64 * 1024;
/** A comment on the events stream now and then, so a proxy or a POS's HTTP library does not time out an idle one. */
const KEEPALIVE_MS = 15_000;

export interface LocalApiOptions {
  /** 0 for any free port. */
  port: number;
  /** Read on every request, so a new token takes effect at once. */
  token: () => string;
  api: TillApi;
}

export interface LocalApiServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: JsonObject;
  lines?: string[];
}

class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly error: AppError,
  ) {
    super(error.message);
  }
}

function refusal(status: number, kind: ErrorKind, key: MessageKey, params?: MessageParams): Reply {
  return refused(status, codedError(kind, key, params));
}

function refused(status: number, error: AppError): Reply {
  return { status, body: { ok: false, error: { ...error } } };
}

function fromReport(report: CommandReport): Reply {
  return { status: httpStatusOf(report), body: reportJson(report), lines: report.lines };
}

const LOOPBACK_HOSTS = ['127.0.0.1', '[::1]', 'localhost'];

/** DNS rebinding: a page that made evil.example resolve to 127.0.0.1 still sends `Host: evil.example`. */
function hostAllowed(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const given = host.toLowerCase();
  // On port 80 a client may leave the port out of Host.
  return LOOPBACK_HOSTS.some((name) => given === `${name}:${port}` || (port === 80 && given === name));
}

/** Comparing digests keeps the time independent of where (and whether) the texts differ, and of their lengths. */
function tokenMatches(header: string | undefined, token: string): boolean {
  const match = header === undefined ? null : /^Bearer ([^\s]+)$/i.exec(header.trim());
  const given = createHash('sha256').update(match?.[1] ?? '').digest();
  const expected = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, expected) && match !== null;
}

async function readJsonBody(request: http.IncomingMessage): Promise<unknown> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    request.resume();
    throw new RequestError(415, codedError('input', 'localApi.notJsonType'));
  }
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) throw new RequestError(413, codedError('input', 'localApi.bodyTooLarge', { kib: MAX_BODY_BYTES / 1024 }));
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new RequestError(413, codedError('input', 'localApi.bodyTooLarge', { kib: MAX_BODY_BYTES / 1024 }));
    chunks.push(buffer);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks)).replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RequestError(400, codedError('input', 'localApi.bodyNotJson'));
  }
}

function parse<S extends z.ZodMiniType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const params: Record<string, string> = {};
  if (issue && issue.path.length > 0) params['field'] = issue.path.map(String).join('.');
  if (issue?.code === 'unrecognized_keys') params['extra'] = issue.keys.join(', ');
  throw new RequestError(400, codedError('input', 'localApi.badRequest', params));
}

type Route = (request: http.IncomingMessage, url: URL) => Promise<Reply>;

/**
 * The till's local HTTP API on 127.0.0.1 and ::1 only. Every request passes the same gate before
 * any route: a loopback Host with this port, no Origin (a browser page never gets in, so no CORS
 * either), the bearer token. Routes turn the body into a CLI report, and the reply is its JSON.
 */
export async function startLocalApi(options: LocalApiOptions): Promise<LocalApiServer> {
  const { api } = options;
  const streams = new Set<http.ServerResponse>();
  let port = 0;

  const post = <S extends z.ZodMiniType>(schema: S, run: (body: z.infer<S>) => Promise<CommandReport> | CommandReport): Route => {
    return async (request) => fromReport(await run(parse(schema, await readJsonBody(request))));
  };
  const routes: Record<string, Partial<Record<'GET' | 'POST', Route>>> = {
    '/v1/status': { GET: () => Promise.resolve(fromReport(api.status())) },
    '/v1/balance': { POST: post(balanceRequest, (body) => api.balance(body)) },
    '/v1/accrue': { POST: post(accrueRequest, (body) => api.accrue(body)) },
    '/v1/redeem': { POST: post(redeemRequest, (body) => api.redeem(body)) },
    '/v1/checkout': { POST: post(checkoutRequest, (body) => api.checkout(body)) },
    '/v1/journal': {
      GET: async (_request, url) => fromReport(await api.journal(parse(journalQuery, Object.fromEntries(url.searchParams)))),
    },
    '/v1/till/purchase': { POST: post(tillPurchaseRequest, (body) => api.tillPurchase(body)) },
    '/v1/till/last': { GET: () => Promise.resolve(fromReport(api.last())) },
    '/v1/openapi.json': {
      GET: () => Promise.resolve({ status: 200, body: openApiDocument(api.backend.version, `http://127.0.0.1:${port}`) as JsonObject }),
    },
  };

  const send = (request: http.IncomingMessage, response: http.ServerResponse, reply: Reply): void => {
    const wantsLines = (request.headers.accept ?? '').includes(REPORT_MEDIA_TYPE) && reply.lines !== undefined;
    const body = JSON.stringify(wantsLines ? { report: reply.body, lines: reply.lines } : reply.body);
    response.writeHead(reply.status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    response.end(body);
  };

  const openStream = (response: http.ServerResponse): void => {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      Connection: 'keep-alive',
    });
    response.write(': Скидкабот Касса: операции этой кассы\n\n');
    streams.add(response);
    const keepalive = setInterval(() => response.write(': keepalive\n\n'), KEEPALIVE_MS);
    keepalive.unref();
    const stop = api.backend.onOperation((operation: TillOperation) => {
      response.write(`event: operation\nid: ${operation.id}\ndata: ${JSON.stringify(operation)}\n\n`);
    });
    response.on('close', () => {
      clearInterval(keepalive);
      stop();
      streams.delete(response);
    });
  };

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    if (!hostAllowed(request.headers.host, port)) {
      request.resume();
      send(request, response, refusal(403, 'auth', 'localApi.badHost', { port }));
      return;
    }
    if (request.headers.origin !== undefined) {
      request.resume();
      send(request, response, refusal(403, 'auth', 'localApi.browserOrigin'));
      return;
    }
    if (!tokenMatches(request.headers.authorization, options.token())) {
      request.resume();
      response.setHeader('WWW-Authenticate', 'Bearer');
      send(request, response, refusal(401, 'auth', 'localApi.tokenNeeded'));
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const methods = routes[url.pathname];
    if (url.pathname === '/v1/till/events') {
      if (request.method === 'GET') {
        openStream(response);
        return;
      }
    } else if (!methods) {
      request.resume();
      send(request, response, refusal(404, 'input', 'localApi.noRoute', { path: url.pathname }));
      return;
    }
    const route = methods?.[request.method as 'GET' | 'POST'];
    if (!route) {
      request.resume();
      send(request, response, refusal(405, 'input', 'localApi.badMethod', { method: request.method ?? '', path: url.pathname }));
      return;
    }
    try {
      send(request, response, await route(request, url));
    } catch (error) {
      if (error instanceof RequestError) {
        send(request, response, refused(error.status, error.error));
        return;
      }
      const detail: AppError = codedError('internal', 'internal.unexpected', { detail: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error) });
      send(request, response, refused(500, detail));
    }
  };

  const listener = (request: http.IncomingMessage, response: http.ServerResponse): void => {
    handle(request, response).catch(() => response.destroy());
  };
  const servers: http.Server[] = [];
  const v4 = http.createServer(listener);
  await listen(v4, options.port, '127.0.0.1');
  servers.push(v4);
  port = (v4.address() as AddressInfo).port;
  const v6 = http.createServer(listener);
  try {
    await listen(v6, port, '::1');
    servers.push(v6);
  } catch (error) {
    // A computer without IPv6 on loopback: 127.0.0.1 is enough. A port taken on ::1 alone is a real conflict.
    if (!['EADDRNOTAVAIL', 'EAFNOSUPPORT'].includes(errnoCode(error) ?? '')) {
      await closeServer(v4);
      throw error;
    }
  }
  for (const server of servers) {
    server.requestTimeout = 120_000;
    server.headersTimeout = 10_000;
  }

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const stream of streams) stream.end();
      await Promise.all(servers.map(closeServer));
    },
  };
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
