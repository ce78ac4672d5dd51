import type { AppError } from '../errors';
/** The local API as the manager's screen shows it. The token is shown to the manager: the POS technician copies it. */
export interface LocalApiView {
  enabled: boolean;
  port: number;
  /** Serving now at this address; null when off or when it could not start. */
  url: string | null;
  token: string;
  tokenFile: string;
  /** Why it is not serving though enabled (port taken), or a token file others can read. */
  problem: AppError | null;
}

/** A purchase total a POS sent through the local API, for the cashier's purchase field. */
export interface TillPurchase {
  purchaseKopecks: number;
}
