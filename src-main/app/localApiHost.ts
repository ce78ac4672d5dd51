import path from 'node:path';
import { codedError, type AppError, type Result } from '../../src-shared/errors';
import type { LocalApiView } from '../../src-shared/ipc/localApiViews';
import { errnoCode } from '../fs/errnoCode';
import { loadApiSettings, saveApiSettings, type ApiSettings } from '../localApi/apiSettings';
import { removeEndpoint, writeEndpoint } from '../localApi/endpointFile';
import type { LocalApiServer } from '../localApi/server';
import type { TillBackend } from '../localApi/tillApi';
import { loadOrCreateToken, TOKEN_FILE, writeNewToken, type ApiToken } from '../localApi/token';

export interface LocalApiHostOptions {
  dataDir: string;
  backend: TillBackend;
  /** `serve`: on, on this port (0 for any free one), whatever the manager's settings say. */
  forcedPort?: number;
  /** Tell CLI commands on this till where the API is: only the process holding the shop's journal does. */
  announce: boolean;
}

/**
 * The local API inside the till core: the manager's switch and port, the token, the server, and the
 * file that tells a CLI command on the same till where to send its operations.
 */
export class LocalApiHost {
  private server: LocalApiServer | null = null;
  private problem: AppError | null = null;

  private constructor(
    private readonly options: LocalApiHostOptions,
    private settings: ApiSettings,
    private token: ApiToken | null,
  ) {}

  /** The token is read (or made) only once the API is on: a till that never runs it keeps no bearer token. */
  static async open(options: LocalApiHostOptions): Promise<LocalApiHost> {
    const host = new LocalApiHost(options, await loadApiSettings(options.dataDir), null);
    await host.apply();
    return host;
  }

  /** Where it serves, for `serve`'s ready line; null when it is not serving. */
  address(): { url: string; tokenFile: string } | null {
    return this.server && this.token ? { url: this.server.url, tokenFile: this.token.file } : null;
  }

  /** Why it is not serving though asked to. */
  startProblem(): AppError | null {
    return this.server ? null : this.problem;
  }

  view(): LocalApiView {
    return {
      enabled: this.settings.enabled,
      port: this.settings.port,
      url: this.server?.url ?? null,
      token: this.token?.token ?? '',
      tokenFile: this.token?.file ?? path.join(this.options.dataDir, TOKEN_FILE),
      problem: this.problem,
    };
  }

  async save(settings: ApiSettings): Promise<Result<LocalApiView>> {
    try {
      await saveApiSettings(this.options.dataDir, settings);
    } catch {
      return { ok: false, error: codedError('config', 'localApi.settingsNotSaved', { dir: this.options.dataDir }) };
    }
    const changed = settings.enabled !== this.settings.enabled || settings.port !== this.settings.port;
    this.settings = settings;
    if (changed && this.options.forcedPort === undefined) {
      await this.stop();
      await this.apply();
    }
    return { ok: true, value: this.view() };
  }

  async newToken(): Promise<Result<LocalApiView>> {
    try {
      this.token = await writeNewToken(this.options.dataDir);
    } catch {
      return { ok: false, error: codedError('config', 'localApi.tokenNotSaved', { dir: this.options.dataDir }) };
    }
    this.problem = this.token.problem ?? null;
    if (!this.server) await this.apply();
    return { ok: true, value: this.view() };
  }

  async close(): Promise<void> {
    await this.stop();
    if (this.options.announce) await removeEndpoint(this.options.dataDir).catch(() => undefined);
  }

  private async apply(): Promise<void> {
    const port = this.options.forcedPort ?? (this.settings.enabled ? this.settings.port : null);
    if (port !== null && !this.token) {
      try {
        this.token = await loadOrCreateToken(this.options.dataDir);
        this.problem = this.token.problem ?? null;
      } catch {
        this.problem = codedError('config', 'localApi.tokenNotCreated', { dir: this.options.dataDir });
      }
    }
    if (port !== null && this.token) {
      try {
        // Loaded when first enabled: most tills never run the API, and start without its schemas and server.
        const [{ startLocalApi }, { TillApi }] = await Promise.all([import('../localApi/server'), import('../localApi/tillApi')]);
        this.server = await startLocalApi({ port, token: () => this.token?.token ?? '', api: new TillApi(this.options.backend) });
        this.problem = this.token.problem ?? null;
      } catch (error) {
        this.problem =
          errnoCode(error) === 'EADDRINUSE'
            ? codedError('config', 'localApi.portBusy', { port })
            : codedError('config', 'localApi.notStarted', { port, detail: errnoCode(error) ?? (error instanceof Error ? error.message : String(error)) });
      }
    }
    await this.announce();
  }

  private async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    await server?.close();
  }

  private async announce(): Promise<void> {
    if (!this.options.announce) return;
    await writeEndpoint(this.options.dataDir, { pid: process.pid, enabled: this.server !== null, url: this.server?.url ?? null }).catch(() => undefined);
  }
}
