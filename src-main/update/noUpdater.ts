import type { UpdaterPort } from './updaterPort';

/**
 * The till without a window (`serve`) and tests that are not about updates: the feed is never asked
 * and nothing is downloaded. `serve` shares the app's data folder and is updated with the app that
 * ships it; downloading an update it cannot install would only fill the app's update cache.
 */
export function noUpdater(): UpdaterPort {
  return {
    canUpdateItself: false,
    setFeed: () => undefined,
    check: () => undefined,
    install: () => undefined,
    onEvent: () => undefined,
  };
}
