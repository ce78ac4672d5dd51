import { useCallback } from 'react';
import type { AppError } from '../../src-shared/errors';
import { needsFreshQr } from '../../src-shared/journal/errorCodes';
import { useManagerT } from '../i18n/useT';
import { useActions, useKassa } from '../store/StoreContext';

/** The customer the till scanned last, when a correction needs the fresh code of `client`. */
export function useScannedClient(): number | null {
  return useKassa((state) => (state.checkout.stage === 'idle' ? null : state.checkout.customer.client));
}

/**
 * For a refusal that asks for a fresh code: clears the till, so the customer it shows next is a new
 * scan (the one on screen may carry the very code the server has just refused). True when it asked.
 */
export function useAskFreshQr(): (error: AppError) => boolean {
  const { newCustomer } = useActions();
  return useCallback(
    (error) => {
      if (!needsFreshQr(error)) return false;
      void newCustomer();
      return true;
    },
    [newCustomer],
  );
}

/** Asks for the customer's fresh QR code, and shows when the till has scanned it. */
export function FreshQr({ client }: { client: number }) {
  const t = useManagerT();
  const scanned = useScannedClient();
  const words = t.journal.dialog;
  const state = scanned === client ? 'ready' : scanned === null ? 'waiting' : 'other';
  return (
    <div className={`fresh fresh--${state}`} role="status" data-testid="fresh-qr" data-state={state}>
      <p className="fresh__title">{words.freshQrTitle}</p>
      <p className="fresh__hint">{words.freshQrHint}</p>
      <p className="fresh__state">
        {state === 'ready' ? words.freshQrReady(client) : state === 'other' && scanned !== null ? words.freshQrOther(scanned) : words.freshQrWaiting}
      </p>
    </div>
  );
}
