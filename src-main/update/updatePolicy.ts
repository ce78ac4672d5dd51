import type { AppError } from '../../src-shared/errors';
import { translate, type MessageKey, type MessageParams } from '../../src-shared/messages/messages';
import type { UpdateCheckRecord, UpdateStage, UpdateView } from '../../src-shared/update/types';

export const CHECK_INTERVAL_MS = 24 * 60 * 60_000;
/** After a failed check: the feed or the shop's internet may be back within the hour. */
export const RETRY_AFTER_ERROR_MS = 60 * 60_000;

export interface UpdateState {
  feedUrl: string | null;
  stage: UpdateStage;
  available: { version: string; percent: number } | null;
  lastCheck: UpdateCheckRecord | null;
  /** The version downloaded and verified, waiting to be installed. */
  downloaded: string | null;
  /** When this run of the program began: every start checks once, whatever the last check was. */
  startedAt: number;
}

/** What the till is doing, as far as installing is concerned. */
export interface TillActivity {
  /** A request to the server is on its way, or the journal is being written. */
  operationInFlight: boolean;
  /** A customer is on the screen: a checkout has begun and is not finished. */
  checkoutOpen: boolean;
}

export type UpdateEvent =
  | { type: 'feed-set'; feedUrl: string | null }
  | { type: 'check-started'; at: number }
  | { type: 'up-to-date'; at: number }
  | { type: 'available'; at: number; version: string }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'failed'; at: number; error: AppError }
  | { type: 'installing' };

export function initialState(feedUrl: string | null, lastCheck: UpdateCheckRecord | null, startedAt: number): UpdateState {
  return { feedUrl, stage: feedUrl === null ? 'off' : 'idle', available: null, lastCheck, downloaded: null, startedAt };
}

export function reduce(state: UpdateState, event: UpdateEvent): UpdateState {
  switch (event.type) {
    case 'feed-set':
      // Another feed is another source of truth: what the old one offered is forgotten.
      if (event.feedUrl === state.feedUrl) return state;
      return { ...state, feedUrl: event.feedUrl, stage: event.feedUrl === null ? 'off' : 'idle', available: null, lastCheck: null, downloaded: null };
    case 'check-started':
      return state.stage === 'idle' || state.stage === 'ready' ? { ...state, stage: 'checking' } : state;
    case 'up-to-date':
      return {
        ...restAfterCheck(state),
        lastCheck: record(event.at, 'up-to-date', 'update.upToDate'),
      };
    case 'available':
      if (state.downloaded === event.version) {
        return { ...state, stage: 'ready', lastCheck: record(event.at, 'available', 'update.waiting', { version: event.version }) };
      }
      return {
        ...state,
        stage: 'downloading',
        available: { version: event.version, percent: 0 },
        downloaded: null,
        lastCheck: record(event.at, 'available', 'update.found', { version: event.version }),
      };
    case 'progress':
      if (state.stage !== 'downloading' || !state.available) return state;
      return { ...state, available: { ...state.available, percent: Math.max(0, Math.min(99, Math.floor(event.percent))) } };
    case 'downloaded':
      return {
        ...state,
        stage: 'ready',
        available: { version: event.version, percent: 100 },
        downloaded: event.version,
        lastCheck: record(state.lastCheck?.at ?? state.startedAt, 'available', 'update.verified', { version: event.version }),
      };
    case 'failed':
      return { ...restAfterCheck(state), lastCheck: { at: event.at, outcome: 'error', message: event.error.message, ...keyOf(event.error) } };
    case 'installing':
      return state.stage === 'ready' ? { ...state, stage: 'installing' } : state;
  }
}

function record(at: number, outcome: UpdateCheckRecord['outcome'], key: MessageKey, params?: MessageParams): UpdateCheckRecord {
  return { at, outcome, message: translate(key, params), key, ...(params === undefined ? {} : { params }) };
}

function keyOf(error: AppError): { key?: MessageKey; params?: MessageParams } {
  return { ...(error.key === undefined ? {} : { key: error.key }), ...(error.params === undefined ? {} : { params: error.params }) };
}

function verdict(allowed: boolean, key: MessageKey, params?: MessageParams): UpdateView['install'] {
  return { allowed, reason: translate(key, params), key, ...(params === undefined ? {} : { params }) };
}

/** After a check or a failed download: a verified download still waits to be installed, anything else is dropped. */
function restAfterCheck(state: UpdateState): UpdateState {
  if (state.stage === 'off') return state;
  if (state.downloaded !== null) return { ...state, stage: 'ready', available: { version: state.downloaded, percent: 100 } };
  return { ...state, stage: 'idle', available: null };
}

/** When the feed is next to be asked: at start, then a day after a good check, an hour after a failed one. */
export function nextCheckAt(state: UpdateState): number | null {
  if (state.feedUrl === null || state.stage === 'checking' || state.stage === 'downloading' || state.stage === 'installing') return null;
  const last = state.lastCheck;
  if (last === null || last.at < state.startedAt) return state.startedAt;
  return last.at + (last.outcome === 'error' ? RETRY_AFTER_ERROR_MS : CHECK_INTERVAL_MS);
}

export function isCheckDue(state: UpdateState, now: number): boolean {
  const at = nextCheckAt(state);
  return at !== null && now >= at;
}

/**
 * Installing restarts the program. Never while a request or the journal is busy, never with a
 * customer on the screen: the cashier finishes (or clears) the checkout first. At quit it is always
 * safe: the journal is closed by then.
 */
export function installVerdict(state: UpdateState, till: TillActivity): UpdateView['install'] {
  if (state.stage === 'installing') return verdict(false, 'update.installing');
  if (state.stage !== 'ready' || state.downloaded === null) return verdict(false, 'update.nothingDownloaded');
  if (till.operationInFlight) return verdict(false, 'update.operationRunning');
  if (till.checkoutOpen) return verdict(false, 'update.customerOpen');
  return verdict(true, 'update.willInstall', { version: state.downloaded });
}

export function updateView(state: UpdateState, version: string, till: TillActivity, canUpdateItself: boolean): UpdateView {
  return {
    version,
    feedUrl: state.feedUrl,
    stage: state.stage,
    available: state.available,
    lastCheck: state.lastCheck,
    nextCheckAt: nextCheckAt(state),
    install: canUpdateItself ? installVerdict(state, till) : verdict(false, 'update.manualOnly'),
    canUpdateItself,
  };
}
