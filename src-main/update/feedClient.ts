import http from 'node:http';
import https from 'node:https';
import type { RequestOptions } from 'node:http';
import { CancellationToken } from 'builder-util-runtime';
import type { ClientRequest as ElectronRequest } from 'electron';
import type { AppUpdater } from 'electron-updater';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor.js';
import { GenericProvider } from 'electron-updater/out/providers/GenericProvider.js';
import type { ProviderPlatform } from 'electron-updater/out/providers/Provider.js';
import { codedError } from '../../src-shared/errors';
import type { AppError, Result } from '../../src-shared/errors';

/**
 * electron-updater's own executor with Node's http in place of Electron's `net`: its download,
 * redirect and sha512 checks (DigestTransform) run unchanged, so what passes here passes there.
 */
class NodeHttpExecutor extends ElectronHttpExecutor {
  override createRequest(options: RequestOptions, callback: (response: http.IncomingMessage) => void): ElectronRequest {
    // HttpExecutor uses only what both requests share (on, end, abort, setHeader).
    return (options.protocol === 'http:' ? http : https).request(options, callback) as unknown as ElectronRequest;
  }

  // Node reports a redirect as a 3xx response, which HttpExecutor follows itself; Electron's event does not exist here.
  override addRedirectHandlers(): void {}
}

export interface FeedRelease {
  version: string;
  /** The installer's URL, resolved against the feed, with the sha512 the feed gives for it. */
  file: { url: string; sha512: string; size: number | null };
}

/** The feed and the platform's channel file (`latest.yml` on Windows, `latest-linux.yml` on Linux), read as electron-updater reads them. */
export class FeedClient {
  readonly #executor = new NodeHttpExecutor();
  readonly #provider: GenericProvider;

  constructor(feedUrl: string, platform: ProviderPlatform = hostPlatform()) {
    // GenericProvider reads only these two fields of its updater.
    const updater = { channel: null, isAddNoCacheQuery: false } as unknown as AppUpdater;
    this.#provider = new GenericProvider({ provider: 'generic', url: feedUrl }, updater, {
      isUseMultipleRangeRequest: false,
      platform,
      executor: this.#executor,
    });
  }

  async latest(): Promise<Result<FeedRelease>> {
    try {
      const info: unknown = await this.#provider.getLatestVersion();
      const version = readVersion(info);
      if (version === null) return { ok: false, error: NOT_A_FEED };
      const [file] = this.#provider.resolveFiles(info as Parameters<GenericProvider['resolveFiles']>[0]);
      if (!file || typeof file.info.sha512 !== 'string' || file.info.sha512 === '') return { ok: false, error: NOT_A_FEED };
      return {
        ok: true,
        value: { version, file: { url: file.url.href, sha512: file.info.sha512, size: typeof file.info.size === 'number' ? file.info.size : null } },
      };
    } catch (error) {
      return { ok: false, error: feedError(error) };
    }
  }

  /** Downloads to `destination`; a file whose sha512 differs from the feed's is an error, as in electron-updater. */
  async download(release: FeedRelease, destination: string, onProgress?: (percent: number) => void): Promise<Result<string>> {
    try {
      await this.#executor.download(new URL(release.file.url), destination, {
        sha512: release.file.sha512,
        cancellationToken: new CancellationToken(),
        ...(onProgress ? { onProgress: (progress: { percent: number }) => onProgress(progress.percent) } : {}),
      });
      return { ok: true, value: destination };
    } catch (error) {
      return { ok: false, error: feedError(error) };
    }
  }
}

function hostPlatform(): ProviderPlatform {
  return process.platform === 'win32' || process.platform === 'darwin' ? process.platform : 'linux';
}

const NOT_A_FEED = codedError('config', 'update.notAFeed');

function readVersion(info: unknown): string | null {
  if (typeof info !== 'object' || info === null) return null;
  const { version } = info as { version?: unknown };
  return typeof version === 'string' && /^\d{1,6}\.\d{1,6}\.\d{1,6}(?:[-+][0-9A-Za-z.-]{1,64})?$/.test(version) ? version : null;
}

/** electron-updater's errors, by code, in the manager's words; their messages (with URLs and raw data) are not shown. */
export function feedError(error: unknown): AppError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : '';
  if (code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND') {
    return codedError('config', 'update.noChannelFile');
  }
  if (code === 'ERR_UPDATER_INVALID_UPDATE_INFO' || code === 'ERR_UPDATER_NO_FILES_PROVIDED' || code === 'ERR_UPDATER_NO_CHECKSUM' || code === 'ERR_UPDATER_INVALID_VERSION') return NOT_A_FEED;
  if (code === 'ERR_CHECKSUM_MISMATCH' || /checksum mismatch/i.test(message)) {
    return codedError('server', 'update.checksum');
  }
  if (/^Cannot download .*status 404/.test(message)) {
    return codedError('config', 'update.fileMissing');
  }
  if (code.startsWith('HTTP_ERROR_') || /^Cannot download /.test(message)) {
    return codedError('server', 'update.serverError');
  }
  if (code === 'ERR_UPDATER_ZIP_FILE_NOT_FOUND' || code === 'ERR_UPDATER_LATEST_VERSION_NOT_FOUND') return NOT_A_FEED;
  return codedError('network', 'update.offline');
}
