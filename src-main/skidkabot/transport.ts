import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { MAX_ANSWER_BYTES } from './answerParser';
import type { RawAnswer } from './answerParser';
import { classifyNetworkError } from './networkErrors';
import type { NetworkFailure } from './networkErrors';

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
    };

/** Sends one form-encoded POST and returns whatever came back. Never rejects. */
export interface FormTransport {
  post(path: string, form: Readonly<Record<string, string>>, timeoutMs: number): Promise<PostResult>;
  close(): void;
}

/**
 * Longest a kept socket waits idle for the next call. Node drops it a second before the server's
 * own `Keep-Alive: timeout=N` when that is shorter, so a request is rarely sent into a socket the
 * server is closing (which would make an operation's outcome a question for the balance).
 */
const IDLE_SOCKET_MS = 30_000;

/**
 * node:http(s) with one keep-alive socket, so the balance, redemption and accrual of a checkout
 * share one connection (and one TLS handshake).
 */
export function createHttpTransport(base: URL, connectTimeoutMs: number): FormTransport {
  const secure = base.protocol === 'https:';
  const agentOptions = { keepAlive: true, maxSockets: 1, timeout: IDLE_SOCKET_MS };
  const agent = secure ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
  const prefix = base.pathname.replace(/\/+$/, '');
  const hostname = base.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = base.port === '' ? undefined : Number(base.port);

  return {
    post(path, form, timeoutMs) {
      return new Promise<PostResult>((resolve) => {
        const body = new URLSearchParams(form).toString();
        let reached = false;
        let timedOut = false;
        let settled = false;
        const finish = (result: PostResult): void => {
          if (settled) return;
          settled = true;
          clearTimeout(connectTimer);
          clearTimeout(totalTimer);
          resolve(result);
        };
        const failWith = (error: unknown): void => {
          finish({ ok: false, failure: timedOut ? 'timeout' : classifyNetworkError(error), reached });
        };

        let request: http.ClientRequest;
        try {
          request = (secure ? https : http).request({
            hostname,
            port,
            path: `${prefix}${path}`,
            method: 'POST',
            agent,
            headers: {
              'Content-Type': 'application/x-www-form-urlencoded',
              'Content-Length': Buffer.byteLength(body),
              Accept: 'application/json, text/html;q=0.5, */*;q=0.1',
            },
          });
        } catch (error) {
          resolve({ ok: false, failure: classifyNetworkError(error), reached: false });
          return;
        }

        const abort = (): void => {
          timedOut = true;
          request.destroy();
        };
        const connectTimer = setTimeout(abort, Math.min(connectTimeoutMs, timeoutMs));
        const totalTimer = setTimeout(abort, timeoutMs);
        const markReached = (): void => {
          reached = true;
          clearTimeout(connectTimer);
        };

        request.on('socket', (socket: Socket) => {
          if (request.reusedSocket) markReached();
          else socket.once(secure ? 'secureConnect' : 'connect', markReached);
        });
        request.on('error', failWith);
        request.on('response', (response) => {
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
    },
    close() {
      agent.destroy();
    },
  };
}
