import { SERVER_ERROR_PAGE, startSimulator } from '../../src-main/simulator/simulator';
import type { EndpointRequest, Simulator, SimulatorOptions } from '../../src-main/simulator/simulator';
import { FaultQueue } from './faults';
import type { Fault, FaultOptions } from './faults';
import { encodeWindows1251 } from './windows1251';

export type { Fault, FaultOptions };

/** The demo simulator with faults to arm: the tests' server, which the shipped app never carries. */
export interface FaultySimulator extends Simulator {
  injectFault(fault: Fault, options?: FaultOptions): void;
  clearFaults(): void;
  /** Ends every slow fault's wait now: a test holds an answer for as long as it needs, not for a guessed time. */
  releaseDelays(): void;
  /** Requests a slow fault is holding now: a test releases them once they have arrived, not before. */
  held(): number;
}

export async function startFaultySimulator(options: Omit<SimulatorOptions, 'intercept'> = {}): Promise<FaultySimulator> {
  const faults = new FaultQueue();
  const delays = new Map<NodeJS.Timeout, () => void>();
  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        delays.delete(timer);
        resolve();
      }, ms);
      delays.set(timer, resolve);
    });

  const simulator = await startSimulator({
    ...options,
    intercept: async (request) => {
      const fault = faults.take(request.endpoint);
      if (!fault) return false;
      if (fault.kind === 'slow') {
        await wait(fault.delayMs);
        // Like a request still queued in front of PHP: never run once its client has gone.
        if (request.clientGone()) return true;
        return false;
      }
      misbehave(request, fault);
      return true;
    },
  });

  return {
    ...simulator,
    injectFault: (fault, faultOptions) => faults.add(fault, faultOptions),
    clearFaults: () => faults.clear(),
    releaseDelays() {
      for (const [timer, resolve] of delays) {
        clearTimeout(timer);
        resolve();
      }
      delays.clear();
    },
    held: () => delays.size,
    close() {
      for (const timer of delays.keys()) clearTimeout(timer);
      delays.clear();
      return simulator.close();
    },
  };
}

/** Whether the bank applies the operation first is part of each fault: that is what a client must find out. */
function misbehave(request: EndpointRequest, fault: Exclude<Fault, { kind: 'slow' }>): void {
  switch (fault.kind) {
    case 'drop-before-apply':
      request.hangUp();
      return;
    case 'html-500':
      request.respond(500, SERVER_ERROR_PAGE);
      return;
    case 'code':
      request.respond(200, JSON.stringify(fault.text === undefined ? { code: fault.code } : { code: fault.code, text: fault.text }));
      return;
    case 'drop-after-apply':
      request.apply();
      request.hangUp();
      return;
    case 'cp1251':
      request.respond(200, encodeWindows1251(request.apply()), 'windows-1251');
      return;
    case 'php-notice':
      request.respond(200, phpNotice(request.file) + request.apply());
      return;
    case 'empty-body':
      request.apply();
      request.respond(200, '');
      return;
    case 'malformed-json': {
      const answer = request.apply();
      request.respond(200, answer.slice(0, Math.ceil(answer.length / 2)));
      return;
    }
  }
}

function phpNotice(file: string): string {
  return `<br />\n<b>Notice</b>:  Undefined index: kassa in <b>/var/www/skidkabot/${file}</b> on line <b>12</b><br />\n`;
}
