import { codedError } from '../../src-shared/errors';
import type { UpdaterEvent, UpdaterPort } from './updaterPort';

/**
 * An updater whose code (electron-updater and its feed client, a third of main's bundle) is loaded
 * only once the manager has set a feed: most tills never do, and start without it. Until it has
 * loaded, the latest feed and a pending check are kept and handed over; events go to the listeners
 * registered before.
 */
export function lazyUpdater(canUpdateItself: boolean, load: () => Promise<UpdaterPort>): UpdaterPort {
  const listeners: ((event: UpdaterEvent) => void)[] = [];
  let feedUrl: string | null = null;
  let checkWanted = false;
  let loaded: UpdaterPort | null = null;
  let loading: Promise<void> | null = null;

  const emit = (event: UpdaterEvent): void => {
    for (const listener of listeners) listener(event);
  };
  const ensureLoaded = (): void => {
    loading ??= load().then(
      (port) => {
        loaded = port;
        port.onEvent(emit);
        port.setFeed(feedUrl);
        if (checkWanted) port.check();
        checkWanted = false;
      },
      (error: unknown) => {
        loading = null;
        const detail = error instanceof Error ? error.message : String(error);
        emit({ type: 'error', error: codedError('internal', 'update.moduleNotLoaded', { detail }) });
      },
    );
  };

  return {
    canUpdateItself,
    setFeed(url) {
      feedUrl = url;
      if (loaded) loaded.setFeed(url);
      else if (url !== null) ensureLoaded();
    },
    check() {
      if (loaded) {
        loaded.check();
        return;
      }
      if (feedUrl === null) return;
      checkWanted = true;
      ensureLoaded();
    },
    install() {
      // Nothing can have been downloaded before the module loaded.
      loaded?.install();
    },
    onEvent(listener) {
      listeners.push(listener);
    },
  };
}
