import type { MessageKey, MessageParams } from '../messages/messages';

/** How the last check of the feed ended, in the manager's words. */
export interface UpdateCheckRecord {
  at: number;
  outcome: 'up-to-date' | 'available' | 'error';
  /** Russian, ready to show. */
  message: string;
  /** The same words as a message key, so an English screen shows them in English. */
  key?: MessageKey;
  params?: MessageParams;
}

export type UpdateStage = 'off' | 'idle' | 'checking' | 'downloading' | 'ready' | 'installing';

/** What the manager's «Обновления» section shows. */
export interface UpdateView {
  /** The running program's version. */
  version: string;
  feedUrl: string | null;
  stage: UpdateStage;
  /** The newer version found in the feed, with how much of it is downloaded (0–100). */
  available: { version: string; percent: number } | null;
  lastCheck: UpdateCheckRecord | null;
  nextCheckAt: number | null;
  /** Whether «Установить сейчас» may be pressed, and if not, why (Russian). */
  install: { allowed: boolean; reason: string; key?: MessageKey; params?: MessageParams };
  /** False when this build cannot update itself (not an installed app): the feed is still checked. */
  canUpdateItself: boolean;
}
