import path from 'node:path';
import { codedError } from '../../src-shared/errors';
import { ensurePrivateDir } from '../fs/privateDir';
import { FeedClient, feedError } from './feedClient';
import type { UpdaterEvent, UpdaterPort } from './updaterPort';
import { isNewerVersion } from './version';

/**
 * Outside an installed app (the harness, a development run): the feed is checked and a newer
 * version downloaded and verified into `cacheDir` exactly as in the app, but nothing is installed.
 */
export function feedOnlyUpdater(appVersion: string, cacheDir: string): UpdaterPort {
  let feed: FeedClient | null = null;
  let running = false;
  const listeners: ((event: UpdaterEvent) => void)[] = [];
  const emit = (event: UpdaterEvent): void => {
    for (const listener of listeners) listener(event);
  };

  const check = async (client: FeedClient): Promise<void> => {
    const latest = await client.latest();
    if (client !== feed) return;
    if (!latest.ok) {
      emit({ type: 'error', error: latest.error });
      return;
    }
    const release = latest.value;
    if (!isNewerVersion(release.version, appVersion)) {
      emit({ type: 'up-to-date' });
      return;
    }
    emit({ type: 'available', version: release.version });
    try {
      await ensurePrivateDir(cacheDir);
    } catch {
      emit({ type: 'error', error: codedError('config', 'update.cacheUnwritable', { folder: cacheDir }) });
      return;
    }
    const name = path.basename(new URL(release.file.url).pathname) || 'update';
    const saved = await client.download(release, path.join(cacheDir, name), (percent) => emit({ type: 'progress', percent }));
    if (client !== feed) return;
    emit(saved.ok ? { type: 'downloaded', version: release.version } : { type: 'error', error: saved.error });
  };

  return {
    canUpdateItself: false,
    setFeed(feedUrl) {
      feed = feedUrl === null ? null : new FeedClient(feedUrl);
    },
    check() {
      if (!feed || running) return;
      running = true;
      // Whatever goes wrong ends in an event: without one the service would show "checking" forever.
      void check(feed)
        .catch((error: unknown) => emit({ type: 'error', error: feedError(error) }))
        .finally(() => {
          running = false;
        });
    },
    install() {
      // canUpdateItself is false: the service never asks.
    },
    onEvent(listener) {
      listeners.push(listener);
    },
  };
}
