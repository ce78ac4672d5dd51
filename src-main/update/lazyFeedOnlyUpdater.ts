import path from 'node:path';
import { lazyUpdater } from './lazyUpdater';
import type { UpdaterPort } from './updaterPort';

/** A development or demo run of the app: checks and downloads from the manager's feed, never installs; loaded once a feed is set. */
export function lazyFeedOnlyUpdater(appVersion: string, dataDir: string): UpdaterPort {
  return lazyUpdater(false, async () => (await import('./feedOnlyUpdater')).feedOnlyUpdater(appVersion, path.join(dataDir, 'update-cache')));
}
