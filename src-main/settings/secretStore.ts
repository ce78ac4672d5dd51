import { codedError, type AppError, type Result } from '../../src-shared/errors';

/** Where the shop secret lives. The app and the CLI use the OS keychain; demo mode keeps the demo shop's secret in memory. */
export interface SecretStore {
  get(): Promise<Result<number | null>>;
  set(secret: number): Promise<Result<void>>;
  clear(): Promise<Result<void>>;
}

/** The part of keytar this store calls. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarSecretStoreOptions {
  service?: string;
  account?: string;
  /** How keytar is loaded; the default loads the installed native module on first use. */
  loadKeytar?: () => Promise<KeytarApi>;
  /** A keychain that does not answer within this time is reported as unavailable. */
  timeoutMs?: number;
}

const KEYCHAIN_SERVICE = 'Skidkabot Kassa';
const KEYCHAIN_ACCOUNT = 'shop-secret';
const KEYCHAIN_TIMEOUT_MS = 5_000;

/**
 * The shop secret in the OS keychain (Windows Credential Manager, macOS Keychain, Secret Service
 * on Linux). When the keychain cannot be reached this says so and stops: it never falls back to
 * keeping the secret in a file.
 */
export function createKeytarSecretStore(options: KeytarSecretStoreOptions = {}): SecretStore {
  const service = options.service ?? KEYCHAIN_SERVICE;
  const account = options.account ?? KEYCHAIN_ACCOUNT;
  const timeoutMs = options.timeoutMs ?? KEYCHAIN_TIMEOUT_MS;
  const load = options.loadKeytar ?? loadInstalledKeytar;
  let keytar: Promise<KeytarApi> | undefined;

  async function call<T>(action: (api: KeytarApi) => Promise<T>, hide?: string): Promise<Result<T>> {
    try {
      keytar ??= load();
      const value = await withTimeout(
        keytar.then((api) => action(api)),
        timeoutMs,
      );
      return { ok: true, value };
    } catch (error) {
      return failure(unavailable(error, timeoutMs, hide));
    }
  }

  return {
    async get() {
      const stored = await call((api) => api.getPassword(service, account));
      if (!stored.ok) return stored;
      if (stored.value === null) return { ok: true, value: null };
      const secret = parseSecret(stored.value);
      if (secret === null) {
        return failure(
          codedError('config', 'keychain.badSecret'),
        );
      }
      return { ok: true, value: secret };
    },
    async set(secret) {
      const invalid = checkSecret(secret);
      if (invalid) return failure(invalid);
      return call((api) => api.setPassword(service, account, String(secret)), String(secret));
    },
    async clear() {
      const removed = await call((api) => api.deletePassword(service, account));
      return removed.ok ? { ok: true, value: undefined } : removed;
    },
  };
}

/** The demo shop's secret, held only while the app runs: demo mode must not touch the real keychain. */
export class MemorySecretStore implements SecretStore {
  private secret: number | null;

  constructor(secret: number | null = null) {
    this.secret = secret;
  }

  get(): Promise<Result<number | null>> {
    return Promise.resolve({ ok: true, value: this.secret });
  }

  set(secret: number): Promise<Result<void>> {
    const invalid = checkSecret(secret);
    if (invalid) return Promise.resolve(failure(invalid));
    this.secret = secret;
    return Promise.resolve({ ok: true, value: undefined });
  }

  clear(): Promise<Result<void>> {
    this.secret = null;
    return Promise.resolve({ ok: true, value: undefined });
  }
}

function checkSecret(secret: number): AppError | null {
  if (Number.isSafeInteger(secret) && secret >= 0) return null;
  return codedError('input', 'secret.invalid');
}

function parseSecret(text: string): number | null {
  if (!/^\d{1,16}$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

async function loadInstalledKeytar(): Promise<KeytarApi> {
  // keytar is CommonJS: its functions may sit on the namespace or only on `default`.
  const module: Partial<KeytarApi> & { default?: KeytarApi } = await import('keytar');
  return module.default ?? (module as KeytarApi);
}

class KeychainTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new KeychainTimeout()), ms);
    // A keychain that hangs must not also keep the process alive.
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function unavailable(error: unknown, timeoutMs: number, hide: string | undefined): AppError {
  if (error instanceof KeychainTimeout) {
    const seconds = Math.ceil(timeoutMs / 1000);
    return codedError('config', 'keychain.timeout', { seconds });
  }
  let reason = error instanceof Error ? error.message : String(error);
  reason = reason.split('\n')[0]?.trim() ?? '';
  // keytar's own messages do not echo the password; this makes sure no future version does.
  if (hide) reason = reason.replace(new RegExp(`(?<!\\d)${hide}(?!\\d)`, 'g'), '***');
  return codedError('config', 'keychain.unavailableWhy', { reason });
}

function failure(error: AppError): { ok: false; error: AppError } {
  return { ok: false, error };
}
