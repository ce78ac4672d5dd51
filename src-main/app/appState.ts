import type { AppError } from '../../src-shared/errors';
import type { AppState } from '../../src-shared/ipc/views';
import type { Settings } from '../../src-shared/settings/settings';
import type { ManagerStatus } from '../manager/passwordGuard';

export interface AppStateParts {
  demo: boolean;
  settings: Settings;
  secretSet: boolean;
  problems: AppError[];
  server: AppState['server'];
  scanner: AppState['scanner'];
  manager: ManagerStatus;
  /** The keychain did not answer: the shop is set up, its secret just cannot be read right now. */
  secretUnreadable?: boolean;
  /** Operations waiting for the manager's decision. */
  unresolved?: number;
}

/** First run: the password, then the shop (code and secret, the test shop, or demo), then the till. */
export function phaseOf(parts: Pick<AppStateParts, 'demo' | 'settings' | 'secretSet' | 'manager' | 'secretUnreadable'>): AppState['phase'] {
  if (!parts.manager.passwordSet) return 'setup-password';
  if (parts.demo) return 'ready';
  // A locked keychain is not a first run: the till stays, refuses to send, and the problem line tells the manager.
  return parts.settings.shopCode !== null && (parts.secretSet || parts.secretUnreadable === true) ? 'ready' : 'setup-shop';
}

export function buildAppState(parts: AppStateParts): AppState {
  return {
    phase: phaseOf(parts),
    demo: parts.demo,
    shopCode: parts.settings.shopCode,
    kassa: parts.settings.kassa,
    language: parts.settings.language,
    secretSet: parts.secretSet,
    problems: [...parts.problems],
    server: { ...parts.server },
    scanner: { ...parts.scanner },
    camera: { ...parts.settings.camera },
    manager: { ...parts.manager },
    unresolved: parts.unresolved ?? 0,
  };
}

export const SERVER_NOT_ASKED: AppState['server'] = { state: 'unknown', message: 'Сервер ещё не спрашивали', at: null };

/** The vendor codes that mean the shop itself cannot work (wrong code or secret, negative account). */
const SHOP_BROKEN_CODES: ReadonlySet<number> = new Set([5, 15]);

/**
 * The status line's server field after a call. A refusal about the customer (an expired QR, too few
 * bonuses) proves the server works; no answer, an unreadable one, or a refusal of the shop does not.
 */
export function serverStateAfter(error: AppError | null, at: number): AppState['server'] {
  if (error === null) return { state: 'ok', message: 'Сервер отвечает', at };
  const serverFault = error.kind === 'server' && (error.code === undefined || SHOP_BROKEN_CODES.has(error.code));
  if (error.kind === 'network' || error.kind === 'outcome-unknown' || serverFault) {
    return { state: 'error', message: error.message, at };
  }
  return { state: 'ok', message: 'Сервер отвечает', at };
}
