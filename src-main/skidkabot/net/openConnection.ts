import http from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import type { ProxyRoute } from './proxyRoute';

export interface Target {
  secure: boolean;
  /** Without IPv6 brackets. */
  host: string;
  port: number;
}

export interface ConnectOptions {
  /** Trusted roots for the server's certificate; Node's own when not given. */
  ca?: readonly string[];
  timeoutMs: number;
  /** TLS sessions to resume: a new connection after a pause then costs one round trip less. */
  sessions?: TlsSessionCache;
}

/**
 * The last TLS session (ticket) the server gave for each host and port. Resuming one skips the
 * certificate exchange, whether the TLS runs straight to the server or inside a proxy's tunnel.
 * Held per transport, whose trusted roots do not change, so a resumed session was checked by the same roots.
 */
export class TlsSessionCache {
  readonly #sessions = new Map<string, Buffer>();

  get(target: Target): Buffer | undefined {
    return this.#sessions.get(key(target));
  }

  set(target: Target, session: Buffer): void {
    this.#sessions.set(key(target), session);
  }

  /** A session the server would not resume (or a handshake that failed) is not offered again. */
  forget(target: Target): void {
    this.#sessions.delete(key(target));
  }
}

function key(target: Target): string {
  return `${target.host}|${target.port}`;
}

/**
 * Why no byte of a request left this computer, in the proxy's part of the trip. The codes are
 * read by classifyNetworkError; the proxy's own words are never shown.
 */
class ProxyFailure extends Error {
  constructor(
    readonly code: 'SKB_PROXY_DOWN' | 'SKB_PROXY_AUTH' | 'SKB_PROXY_REFUSED',
    cause?: unknown,
  ) {
    super(code, { cause });
  }
}

/**
 * A socket ready for the request's first byte: TCP (and TLS) to the server, TCP to an HTTP proxy
 * for an http URL (absolute-URI forwarding), or a CONNECT tunnel through it with TLS to the server
 * inside. It resolves only once all of that stands, so any failure before it is one where the
 * request has certainly not been sent — which is what lets the client report "not done" without
 * asking the balance.
 */
export function openConnection(target: Target, route: ProxyRoute, options: ConnectOptions): Promise<Duplex> {
  return new Promise<Duplex>((resolve, reject) => {
    let cancel = (): void => undefined;
    const timer = setTimeout(() => {
      const error = Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' });
      fail(route.kind === 'proxy' && !tunnelUp ? new ProxyFailure('SKB_PROXY_DOWN', error) : error);
    }, options.timeoutMs);
    let tunnelUp = false;
    let done = false;
    const fail = (error: unknown): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      cancel();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const succeed = (socket: Duplex): void => {
      if (done) {
        socket.destroy();
        return;
      }
      done = true;
      clearTimeout(timer);
      resolve(socket);
    };
    const startTls = (socket?: Duplex): void => {
      const sessions = options.sessions;
      const session = sessions?.get(target);
      const secured = tls.connect({
        host: target.host,
        ...(socket ? { socket } : { port: target.port }),
        servername: net.isIP(target.host) === 0 ? target.host : undefined,
        ...(options.ca ? { ca: [...options.ca] } : {}),
        ...(session ? { session } : {}),
        ALPNProtocols: ['http/1.1'],
      });
      cancel = () => {
        secured.destroy();
        socket?.destroy();
      };
      // TLS 1.3 sends its tickets after the handshake, possibly more than one: the latest is kept.
      secured.on('session', (ticket: Buffer) => sessions?.set(target, ticket));
      secured.once('error', (error) => {
        sessions?.forget(target);
        fail(error);
      });
      secured.once('secureConnect', () => succeed(secured));
    };

    if (route.kind === 'direct') {
      if (target.secure) {
        startTls();
        return;
      }
      const socket = net.connect({ host: target.host, port: target.port });
      cancel = () => socket.destroy();
      socket.once('error', fail);
      socket.once('connect', () => succeed(socket));
      return;
    }

    if (!target.secure) {
      const socket = net.connect({ host: route.host, port: route.port });
      cancel = () => socket.destroy();
      socket.once('error', (error) => fail(new ProxyFailure('SKB_PROXY_DOWN', error)));
      socket.once('connect', () => succeed(socket));
      return;
    }

    const authority = `${net.isIPv6(target.host) ? `[${target.host}]` : target.host}:${target.port}`;
    const request = http.request({
      host: route.host,
      port: route.port,
      method: 'CONNECT',
      path: authority,
      agent: false,
      headers: { Host: authority, ...(route.authorization ? { 'Proxy-Authorization': route.authorization } : {}) },
    });
    cancel = () => request.destroy();
    request.once('error', (error) => fail(new ProxyFailure('SKB_PROXY_DOWN', error)));
    request.once('connect', (response: http.IncomingMessage, socket: Duplex, head: Buffer) => {
      const status = response.statusCode ?? 0;
      if (status < 200 || status > 299) {
        socket.destroy();
        fail(new ProxyFailure(status === 407 ? 'SKB_PROXY_AUTH' : 'SKB_PROXY_REFUSED'));
        return;
      }
      // A proxy that speaks before the server's TLS hello has sent something no server wrote.
      if (head.length > 0) {
        socket.destroy();
        fail(new ProxyFailure('SKB_PROXY_REFUSED'));
        return;
      }
      tunnelUp = true;
      startTls(socket);
    });
    request.end();
  });
}
