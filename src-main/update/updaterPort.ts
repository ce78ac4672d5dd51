import type { AppError } from '../../src-shared/errors';

export type UpdaterEvent =
  | { type: 'up-to-date' }
  | { type: 'available'; version: string }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; error: AppError };

/**
 * What does the checking, downloading and installing: electron-updater's autoUpdater in the app
 * (src-main/electron/updater.ts), the feed client alone elsewhere (it cannot replace a running program).
 */
export interface UpdaterPort {
  readonly canUpdateItself: boolean;
  setFeed(feedUrl: string | null): void;
  /** Asks the feed; the outcome arrives as events. Downloads a newer version by itself. */
  check(): void;
  /** Quits and starts the downloaded version's installer. */
  install(): void;
  onEvent(listener: (event: UpdaterEvent) => void): void;
}
