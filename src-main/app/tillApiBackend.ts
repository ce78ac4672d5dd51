import type { AppError } from '../../src-shared/errors';
import type { OperationView } from '../../src-shared/journal/types';
import type { AppState } from '../../src-shared/ipc/views';
import { failed } from '../cli/command';
import type { TillBackend } from '../localApi/tillApi';
import type { TillOperation } from '../localApi/schemas';
import { tillOperationOf } from '../localApi/tillOperation';
import type { JournalService } from './journalService';
import type { ShopConnection } from './shopConnection';

/** Each operation this till completed, for /v1/till/last and the events stream. */
export class TillOperationFeed {
  private last: TillOperation | null = null;
  private readonly listeners = new Set<(operation: TillOperation) => void>();

  publish(view: OperationView): void {
    const operation = tillOperationOf(view);
    this.last = operation;
    for (const listener of this.listeners) listener(operation);
  }

  latest(): TillOperation | null {
    return this.last;
  }

  subscribe(listener: (operation: TillOperation) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

export interface TillApiBackendParts {
  version: string;
  shop: ShopConnection;
  journal: JournalService;
  feed: TillOperationFeed;
  state(): { server: AppState['server']; scanner: AppState['scanner']; demo: boolean };
  /** The status line follows the API's server calls as it follows the screen's. */
  onServerCall(error: AppError | null): void;
  showPurchase: (purchaseKopecks: number) => void;
}

/** The app core seen from the local API: the same shop connection, journal and runner as the screen. */
export function tillApiBackend(parts: TillApiBackendParts): TillBackend {
  const { shop, journal, feed } = parts;
  return {
    version: parts.version,
    status: () => {
      const { server, scanner, demo } = parts.state();
      return {
        demo,
        shop: shop.settings.shopCode,
        kassa: shop.settings.kassa,
        server: { state: server.state, message: server.message },
        scanner: { state: scanner.state, message: scanner.message },
      };
    },
    shopCode: () => shop.settings.shopCode,
    rules: () => shop.settings.rules,
    desk: () => {
      const client = shop.client();
      if (!client.ok) return client;
      return {
        ok: true,
        value: {
          balance: async (qr) => {
            const answer = await client.value.balance(qr);
            parts.onServerCall(answer.ok ? null : answer.error);
            return answer;
          },
          withRunner: async (customer, work) => {
            const done = await journal.withRunner(customer, work);
            return done.ok ? done.value : failed(done.error, { client: customer });
          },
        },
      };
    },
    journal,
    showPurchase: parts.showPurchase,
    lastOperation: () => feed.latest(),
    onOperation: (listener) => feed.subscribe(listener),
  };
}
