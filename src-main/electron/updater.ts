// electron-updater is CommonJS: its named exports come through the default import in an ES module.
import updaterModule from 'electron-updater';
import { codedError } from '../../src-shared/errors';
import { feedError } from '../update/feedClient';
import type { UpdaterEvent, UpdaterPort } from '../update/updaterPort';

/**
 * electron-updater's autoUpdater behind the port: the generic provider on the manager's feed,
 * downloads in the background (through Chromium's net: the OS proxy and certificate store), sha512
 * checked against the feed by electron-updater itself. It installs at quit (the journal is closed by
 * then) or when UpdateService allows it; it never decides that by itself.
 */
export function createElectronUpdater(): UpdaterPort {
  const { autoUpdater } = updaterModule;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.allowDowngrade = false;
  autoUpdater.allowPrerelease = false;
  autoUpdater.logger = null;

  const listeners: ((event: UpdaterEvent) => void)[] = [];
  const emit = (event: UpdaterEvent): void => {
    for (const listener of listeners) listener(event);
  };
  let feedUrl: string | null = null;
  autoUpdater.on('update-not-available', () => emit({ type: 'up-to-date' }));
  autoUpdater.on('update-available', (info) => emit({ type: 'available', version: info.version }));
  autoUpdater.on('download-progress', (progress) => emit({ type: 'progress', percent: progress.percent }));
  autoUpdater.on('update-downloaded', (info) => emit({ type: 'downloaded', version: info.version }));
  autoUpdater.on('error', (error) => emit({ type: 'error', error: feedError(error) }));

  return {
    canUpdateItself: true,
    setFeed(url) {
      feedUrl = url;
      if (url !== null) autoUpdater.setFeedURL({ provider: 'generic', url });
    },
    check() {
      if (feedUrl === null) return;
      autoUpdater.checkForUpdates().then(
        (result) => {
          if (result === null) emit({ type: 'error', error: codedError('config', 'update.noSelfCheck') });
        },
        // The same failure arrives as the 'error' event, already reported.
        () => undefined,
      );
    },
    install() {
      // Not silent: the shop sees the installer; run after it, so the till comes back by itself.
      autoUpdater.quitAndInstall(false, true);
    },
    onEvent(listener) {
      listeners.push(listener);
    },
  };
}
