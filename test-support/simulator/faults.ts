import type { Endpoint } from '../../src-main/simulator/simulator';

/**
 * Ways the simulator can misbehave, each one a thing a real PHP server behind a real network does.
 * Whether the operation is applied is part of each fault, because that is what a client must find out:
 * - html-500: a PHP fatal error page with status 500, before anything is applied;
 * - slow: the answer waits `delayMs`; the request is handled after the wait, and not at all if the
 *   client has gone by then (like a request still queued in front of PHP);
 * - drop-after-apply / drop-before-apply: the connection is cut without an answer;
 * - cp1251: the answer in windows-1251, with that charset in Content-Type;
 * - php-notice: a PHP notice printed before the JSON;
 * - empty-body: status 200 and no body, after the operation was applied;
 * - malformed-json: the answer cut off halfway, after the operation was applied;
 * - code: the answer `{"code": N, "text": …}` without any check, for the undocumented codes 10 and 14.
 */
export type Fault =
  | { kind: 'html-500' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'drop-after-apply' }
  | { kind: 'drop-before-apply' }
  | { kind: 'cp1251' }
  | { kind: 'php-notice' }
  | { kind: 'empty-body' }
  | { kind: 'malformed-json' }
  | { kind: 'code'; code: number; text?: string };

export interface FaultOptions {
  /** Only requests to this endpoint; any endpoint when not given. */
  endpoint?: Endpoint;
  /** How many matching requests get the fault; 1 when not given, Infinity until cleared. */
  times?: number;
}

interface Armed {
  fault: Fault;
  endpoint: Endpoint | undefined;
  left: number;
}

/** Faults wait in the order they were injected; each request takes the first one that matches it. */
export class FaultQueue {
  #armed: Armed[] = [];

  add(fault: Fault, options: FaultOptions = {}): void {
    const times = options.times ?? 1;
    if (!(times >= 1)) throw new Error('simulator: a fault needs times >= 1');
    this.#armed.push({ fault, endpoint: options.endpoint, left: times });
  }

  clear(): void {
    this.#armed = [];
  }

  take(endpoint: Endpoint): Fault | null {
    const index = this.#armed.findIndex((armed) => armed.endpoint === undefined || armed.endpoint === endpoint);
    const armed = this.#armed[index];
    if (!armed) return null;
    armed.left -= 1;
    if (armed.left <= 0) this.#armed.splice(index, 1);
    return armed.fault;
  }
}
