import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readMessageParams } from '../../src-shared/errors';
import { isMessageKey } from '../../src-shared/messages/messages';
import { validateFeedUrl } from '../../src-shared/update/feedUrl';
import type { UpdateCheckRecord } from '../../src-shared/update/types';
import { writeFileAtomically } from '../fs/atomicFile';

export interface SavedUpdates {
  feedUrl: string | null;
  lastCheck: UpdateCheckRecord | null;
}

/**
 * `update.json` beside the settings: the feed and the last check survive a restart. Whatever
 * cannot be read back is dropped (updates off), never guessed: a damaged file must not point the
 * till at a feed nobody set.
 */
export class UpdateStore {
  readonly #file: string;

  constructor(dataDir: string) {
    this.#file = path.join(dataDir, 'update.json');
  }

  async load(): Promise<SavedUpdates> {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(this.#file, 'utf8'));
    } catch {
      return { feedUrl: null, lastCheck: null };
    }
    if (typeof raw !== 'object' || raw === null) return { feedUrl: null, lastCheck: null };
    const { feedUrl, lastCheck } = raw as { feedUrl?: unknown; lastCheck?: unknown };
    const feed = typeof feedUrl === 'string' ? validateFeedUrl(feedUrl) : null;
    return { feedUrl: feed?.ok ? feed.value : null, lastCheck: feed?.ok && feed.value !== null ? readCheck(lastCheck) : null };
  }

  async save(saved: SavedUpdates): Promise<void> {
    await writeFileAtomically(this.#file, `${JSON.stringify(saved, null, 2)}\n`);
  }
}

function readCheck(value: unknown): UpdateCheckRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const { at, outcome, message, key, params } = value as Record<string, unknown>;
  if (typeof at !== 'number' || !Number.isFinite(at)) return null;
  if (outcome !== 'up-to-date' && outcome !== 'available' && outcome !== 'error') return null;
  if (typeof message !== 'string' || message.length > 500) return null;
  const record: UpdateCheckRecord = { at, outcome, message };
  if (typeof key === 'string' && isMessageKey(key)) {
    record.key = key;
    // Only short strings and numbers: the file is ours, but whoever edits it must not grow the screen.
    const kept = readMessageParams(params, 100);
    if (kept) record.params = kept;
  }
  return record;
}

