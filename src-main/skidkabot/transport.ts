import http from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { MAX_ANSWER_BYTES } from './answerParser';
import type { RawAnswer } from './answerParser';
import { classifyNetworkError } from './networkErrors';
import type { NetworkFailure } from './networkErrors';
import { DIRECT_NETWORK } from './net/networkSetup';
import type { NetworkSetup } from './net/networkSetup';
import { openConnection, TlsSessionCache } from './net/openConnection';
import type { ConnectOptions, Target } from './net/openConnection';
import { routeLabel } from './net/proxyRoute';
import type { ProxyRoute } from './net/proxyRoute';

export type PostResult =
  | { ok: true; answer: RawAnswer }
  | {
      ok: false;
      failure: NetworkFailure;
      /**
       * The request may have reached the server: the connection was up when it failed. False only
       * when no byte of the request can have left this computer (refused, DNS, TLS handshake,
       * connect timeout), which is what makes an operation safe to report as not done.
       */
      reached: boolean;
      /** The proxy the request went to, `host:port`, for the message. */
      via?: string;
    };

/** Sends one form-encoded POST and returns whatever came back. Never rejects. */
export interface FormTransport {
  /**
   * An abort (only ever for a balance query, which changes nothing on the server) drops the request
   * and its connection at once, so the next request does not wait behind an answer nobody wants.
   */
  post(path: string, form: Readonly<Record<string, string>>, timeoutMs: number, signal?: AbortSignal): Promise<PostResult>;
  /**
   * Opens the connection, or keeps the open one from timing out, so the next post finds it ready.
   * Asks only for the headers of the server's root: never an operation's endpoint. Resolves when
   * done or skipped; never rejects, and its failures mean nothing for any operation.
   */
  warm(): Promise<void>;
  close(): void;
}

/**
 * Longest a kept socket waits idle for the next call. Node drops it a second before the server's
 * own `Keep-Alive: timeout=N` when that is shorter, so a request is rarely sent into a socket the
 * server is closing (which would make an operation's outcome a question for the balance).
 */
const IDLE_SOCKET_MS = 30_000;

/**
 * A warm-up right after another request is wasted: the socket is fresh. Well under the 5 s that
 * Node and Apache keep an idle connection, minus the second Node's agent gives back.
 */
const WARM_AFTER_IDLE_MS = 1_500;
/** A warm-up that takes longer than this is given up: the post behind it must not wait on it. */
const WARM_TIMEOUT_MS = 3_000;

/**
 * node:http with one keep-alive socket per route, so the balance, redemption and accrual of a
 * checkout share one connection (and one TLS handshake). Every socket comes from openConnection,
 * which hands it over only once it is ready for the request's first byte (through the proxy, if the
 * route says so, and past the server's certificate check): a failure before that is "not sent".
 */
export function createHttpTransport(base: URL, connectTimeoutMs: number, network: NetworkSetup = DIRECT_NETWORK): FormTransport {
  const target = {
    secure: base.protocol === 'https:',
    host: base.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: base.port === '' ? (base.protocol === 'https:' ? 443 : 80) : Number(base.port),
  };
  const prefix = base.pathname.replace(/\/+$/, '');
  const agents = new Map<string, http.Agent>();
  const sessions = new TlsSessionCache();
  /** When the last request (post or warm-up) ended or began, and how many are out now. */
  let lastActivity = 0;
  let active = 0;
  /** After close, until the next post, nothing opens a connection on its own: a warm-up timer may still fire once. */
  let closed = false;
  const agentFor = (route: ProxyRoute): http.Agent => {
    const key = routeLabel(route) ?? 'direct';
    let agent = agents.get(key);
    if (!agent) {
      agent = new RouteAgent(target, route, { ...(network.ca ? { ca: network.ca } : {}), timeoutMs: connectTimeoutMs, sessions });
      agents.set(key, agent);
    }
    return agent;
  };

  return {
    async post(path, form, timeoutMs, signal) {
      const startedAt = Date.now();
      // A post after close is the owner using it again (close only drops the connection).
      closed = false;
      active += 1;
      try {
        let route: ProxyRoute;
        try {
          route = await network.proxy.resolve(base);
        } catch (error) {
          return { ok: false, failure: classifyNetworkError(error), reached: false };
        }
        const via = routeLabel(route);
        const left = Math.max(1, timeoutMs - (Date.now() - startedAt));
        const result = await send(agentFor(route), route, `${prefix}${path}`, form, left, connectTimeoutMs, signal);
        return !result.ok && via !== undefined ? { ...result, via } : result;
      } finally {
        active -= 1;
        lastActivity = Date.now();
      }
    },
    async warm() {
      if (closed || active > 0 || Date.now() - lastActivity < WARM_AFTER_IDLE_MS) return;
      active += 1;
      lastActivity = Date.now();
      try {
        const route = await network.proxy.resolve(base);
        await head(agentFor(route), route);
      } catch {
        // A failed warm-up changes nothing: the post opens its own connection as it always did.
      } finally {
        active -= 1;
        lastActivity = Date.now();
      }
    },
    close() {
      closed = true;
      for (const agent of agents.values()) agent.destroy();
      agents.clear();
    },
  };

  /** Through a proxy, a plain-http request names its whole URL; https goes inside the tunnel as usual. */
  function requestOptions(
    agent: http.Agent,
    route: ProxyRoute,
    method: 'HEAD' | 'POST',
    requestPath: string,
    headers: http.OutgoingHttpHeaders,
  ): { options: http.RequestOptions; forwarded: boolean } {
    const forwarded = route.kind === 'proxy' && !target.secure;
    const authority = `${net.isIPv6(target.host) ? `[${target.host}]` : target.host}:${target.port}`;
    return {
      forwarded,
      options: {
        host: target.host,
        port: target.port,
        path: forwarded ? `http://${authority}${requestPath}` : requestPath,
        method,
        agent,
        headers: { ...headers, ...(forwarded && route.authorization ? { 'Proxy-Authorization': route.authorization } : {}) },
      },
    };
  }

  /** HEAD of the server's root through the pool: the socket it used stays in the pool, freshly used. */
  function head(agent: http.Agent, route: ProxyRoute): Promise<void> {
    return new Promise<void>((resolve) => {
      const request = http.request(requestOptions(agent, route, 'HEAD', `${prefix}/`, {}).options);
      const timer = setTimeout(() => request.destroy(), WARM_TIMEOUT_MS);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      request.on('error', done);
      request.on('response', (response) => {
        response.resume();
        response.on('end', done);
        response.on('error', done);
        response.on('close', done);
      });
      request.on('close', done);
      request.end();
    });
  }

  function send(
    agent: http.Agent,
    route: ProxyRoute,
    fullPath: string,
    form: Readonly<Record<string, string>>,
    timeoutMs: number,
    connectMs: number,
    signal: AbortSignal | undefined,
  ): Promise<PostResult> {
    return new Promise<PostResult>((resolve) => {
      if (signal?.aborted) {
        resolve({ ok: false, failure: 'other', reached: false });
        return;
      }
      const body = new URLSearchParams(form).toString();
      let reached = false;
      let timedOut = false;
      let settled = false;
      const finish = (result: PostResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(connectTimer);
        clearTimeout(totalTimer);
        signal?.removeEventListener('abort', dropped);
        resolve(result);
      };
      const failWith = (error: unknown): void => {
        const failure = timedOut ? (route.kind === 'proxy' && !reached ? 'proxy-down' : 'timeout') : classifyNetworkError(error);
        finish({ ok: false, failure, reached });
      };
      const { options, forwarded } = requestOptions(agent, route, 'POST', fullPath, {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Length': Buffer.byteLength(body),
        Accept: 'application/json, text/html;q=0.5, */*;q=0.1',
      });

      let request: http.ClientRequest;
      try {
        request = http.request(options);
      } catch (error) {
        resolve({ ok: false, failure: classifyNetworkError(error), reached: false });
        return;
      }

      const abort = (): void => {
        timedOut = true;
        request.destroy();
      };
      const connectTimer = setTimeout(abort, Math.min(connectMs, timeoutMs));
      const totalTimer = setTimeout(abort, timeoutMs);
      // Destroying the request takes its socket out of the pool: the next request opens a fresh one.
      function dropped(): void {
        finish({ ok: false, failure: 'other', reached });
        request.destroy();
      }
      signal?.addEventListener('abort', dropped, { once: true });

      // Sockets are handed over ready (see RouteAgent): from here on the request may reach the server.
      request.on('socket', () => {
        reached = true;
        clearTimeout(connectTimer);
      });
      request.on('error', failWith);
      request.on('response', (response) => {
        // 407 is the proxy's own answer (RFC 9110 §15.5.8): it forwarded nothing to the server.
        if (forwarded && response.statusCode === 407) {
          finish({ ok: false, failure: 'proxy-auth', reached: false });
          request.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        const answer = (): RawAnswer => {
          const contentType = response.headers['content-type'];
          const raw = { status: response.statusCode ?? 0, body: Buffer.concat(chunks) };
          return contentType === undefined ? raw : { ...raw, contentType };
        };
        response.on('data', (chunk: Buffer) => {
          if (settled) return;
          chunks.push(chunk);
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) {
            // Enough to know it is not an answer; the rest would only cost memory.
            finish({ ok: true, answer: answer() });
            request.destroy();
          }
        });
        response.on('end', () => finish({ ok: true, answer: answer() }));
        response.on('error', failWith);
        response.on('close', () => {
          if (!response.complete) failWith(Object.assign(new Error('answer cut off'), { code: 'ECONNRESET' }));
        });
      });
      request.end(body);
    });
  }
}

/** A keep-alive pool whose sockets openConnection makes, through the route's proxy when there is one. */
class RouteAgent extends http.Agent {
  readonly #target: Target;
  readonly #route: ProxyRoute;
  readonly #options: ConnectOptions;

  constructor(target: Target, route: ProxyRoute, options: ConnectOptions) {
    super({ keepAlive: true, maxSockets: 1, timeout: IDLE_SOCKET_MS });
    this.#target = target;
    this.#route = route;
    this.#options = options;
  }

  override createConnection(_options: http.ClientRequestArgs, callback?: (error: Error | null, socket: Duplex) => void): undefined {
    // Node's Agent takes the socket through the callback when createConnection returns nothing.
    openConnection(this.#target, this.#route, this.#options).then(
      (socket) => callback?.(null, socket),
      (error: unknown) => callback?.(error instanceof Error ? error : new Error(String(error)), undefined as unknown as Duplex),
    );
    return undefined;
  }
}
