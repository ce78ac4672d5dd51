import { codedError } from '../../src-shared/errors';
import type { AppError, Result } from '../../src-shared/errors';
import type { Settings } from '../../src-shared/settings/settings';
import type { SecretStore } from '../settings/secretStore';
import { SettingsSaveError } from '../settings/settingsStore';
import { SkidkabotClient } from '../skidkabot/client';
import type { NetworkSetup } from '../skidkabot/net/networkSetup';

/** Where settings go when saved: the settings file, or nowhere in demo mode. */
export interface SettingsSink {
  save(settings: Settings): Promise<void>;
}

export interface ShopSource {
  settings: Settings;
  sink: SettingsSink;
  secretStore: SecretStore;
  /** Overrides the settings' server address: the simulator in demo mode, a test server, SKIDKABOT_API_URL. */
  apiUrl: string | undefined;
  demo: boolean;
  /** Longest the cashier waits for one call; the client's own default when not given. */
  totalTimeoutMs?: number;
  network?: NetworkSetup;
}

/**
 * The shop's settings, its secret and the API client built from them. The secret is read from its
 * store into this object only and leaves it only inside the client's requests. The client is
 * rebuilt whenever the server, the shop or the register changes, so a keep-alive connection never
 * carries one shop's requests to another's address.
 */
export class ShopConnection {
  private source: ShopSource;
  private secret: number | null = null;
  private secretProblem: AppError | null = null;
  /** The last read of the secret failed (as opposed to finding none stored). */
  private readFailed = false;
  private cached: SkidkabotClient | null = null;

  private constructor(source: ShopSource) {
    this.source = source;
  }

  static async open(source: ShopSource): Promise<ShopConnection> {
    const connection = new ShopConnection(source);
    await connection.readSecret();
    return connection;
  }

  get settings(): Settings {
    return this.source.settings;
  }

  get demo(): boolean {
    return this.source.demo;
  }

  get secretSet(): boolean {
    return this.secret !== null;
  }

  /** The keychain that did not answer the last time it was asked. */
  get problem(): AppError | null {
    return this.secretProblem;
  }

  /** The secret may well be set, but the keychain did not answer when asked for it (locked, its service not running). */
  get secretUnreadable(): boolean {
    return this.secret === null && this.readFailed;
  }

  /** Asks a keychain that did not answer once more; a till whose keychain was locked at start recovers without a restart. */
  async retrySecret(): Promise<void> {
    if (this.secretUnreadable) await this.readSecret();
  }

  client(): Result<SkidkabotClient> {
    const { shopCode } = this.source.settings;
    // Nothing is sent without the secret: the cashier is told the keychain is the trouble, not a missing setting.
    if (shopCode !== null && this.secretUnreadable && this.secretProblem) return { ok: false, error: this.secretProblem };
    if (shopCode === null || this.secret === null) {
      return { ok: false, error: codedError('config', shopCode === null ? 'config.noShopCode' : 'config.noSecret') };
    }
    this.cached ??= new SkidkabotClient({
      baseUrl: this.source.apiUrl ?? this.source.settings.apiUrl,
      credentials: { shopCode, shopSecret: this.secret, kassa: this.source.settings.kassa },
      ...(this.source.totalTimeoutMs === undefined ? {} : { totalTimeoutMs: this.source.totalTimeoutMs }),
      ...(this.source.network === undefined ? {} : { network: this.source.network }),
    });
    return { ok: true, value: this.cached };
  }

  async saveSettings(settings: Settings): Promise<Result<void>> {
    try {
      await this.source.sink.save(settings);
    } catch (error) {
      const reason = error instanceof SettingsSaveError ? error.toAppError() : codedError('config', 'config.settingsNotSaved');
      return { ok: false, error: reason };
    }
    this.source = { ...this.source, settings };
    this.dropClient();
    return { ok: true, value: undefined };
  }

  async setSecret(secret: number): Promise<Result<void>> {
    const stored = await this.source.secretStore.set(secret);
    if (!stored.ok) {
      if (stored.error.kind === 'config') this.secretProblem = stored.error;
      return stored;
    }
    this.secret = secret;
    this.secretProblem = null;
    this.readFailed = false;
    this.dropClient();
    return stored;
  }

  /** Demo mode from the first-run choice: another shop, another secret store, another server. */
  async switchTo(source: ShopSource): Promise<void> {
    this.source = source;
    this.dropClient();
    await this.readSecret();
  }

  close(): void {
    this.dropClient();
  }

  private async readSecret(): Promise<void> {
    const read = await this.source.secretStore.get();
    this.secret = read.ok ? read.value : null;
    this.secretProblem = read.ok ? null : read.error;
    this.readFailed = !read.ok;
  }

  private dropClient(): void {
    this.cached?.close();
    this.cached = null;
  }
}
