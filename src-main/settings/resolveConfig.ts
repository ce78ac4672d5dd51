import { codedError, type AppError, type Result } from '../../src-shared/errors';
import type { MessageKey, MessageParams } from '../../src-shared/messages/messages';
import { settingsSchema } from '../../src-shared/ipc/contract';
import type { Settings } from '../../src-shared/settings/settings';
import type { ShopCredentials } from '../skidkabot/client';
import { defaultDataDir } from './dataDir';
import { createKeytarSecretStore, type SecretStore } from './secretStore';
import { SettingsStore } from './settingsStore';

/** Where each value in force came from: shown by `doctor` so a technician knows what to change. */
export type ValueSource = 'env' | 'settings';
export type SecretSource = 'env' | 'keychain';

export interface ConfigSources {
  dataDir: 'env' | 'default';
  apiUrl: ValueSource;
  shopCode: ValueSource;
  kassa: ValueSource;
  shopSecret: SecretSource;
}

/** Everything configured, including what is missing or broken: what `doctor` shows. */
export interface ConfigReport {
  dataDir: string;
  settingsFile: string;
  settingsFileExists: boolean;
  /** A damaged or unreadable settings file (already kept aside by the store). */
  settingsProblem: AppError | null;
  /** The settings file's values with the environment's overrides applied. */
  settings: Settings;
  sources: ConfigSources;
  /** The secret itself, from the environment or the keychain; null when none is set. */
  secret: Result<number | null>;
}

export interface ResolvedConfig {
  report: ConfigReport;
  settings: Settings & { shopCode: number };
  credentials: ShopCredentials;
}

export interface ConfigDeps {
  env?: NodeJS.ProcessEnv;
  /** Defaults to the keychain; asked only when SKIDKABOT_SHOP_SECRET is not set. */
  secretStore?: SecretStore;
}

export const ENV = {
  apiUrl: 'SKIDKABOT_API_URL',
  shopCode: 'SKIDKABOT_SHOP',
  shopSecret: 'SKIDKABOT_SHOP_SECRET',
  kassa: 'SKIDKABOT_KASSA',
  dataDir: 'SKIDKABOT_DATA_DIR',
  /** The keychain entry of the shop secret, as the app reads it: a test run never touches the till's own. */
  keychainService: 'SKIDKABOT_KEYCHAIN_SERVICE',
} as const;

/** Reads settings, environment and secret without requiring any of them; fails only on a malformed environment variable. */
export async function inspectConfig(deps: ConfigDeps = {}): Promise<Result<ConfigReport>> {
  const layered = await readLayered(deps.env ?? process.env);
  if (!layered.ok) return layered;
  const secret = await readSecret(layered.value.envSecret, deps);
  return { ok: true, value: { ...layered.value.report, secret } };
}

/** Everything a call to the Skidkabot server needs, or the first thing missing, said so a technician can fix it. */
export async function resolveConfig(deps: ConfigDeps = {}): Promise<Result<ResolvedConfig>> {
  const layered = await readLayered(deps.env ?? process.env);
  if (!layered.ok) return layered;
  const { report, envSecret } = layered.value;
  // The keychain is not asked (and not waited on) while the shop code is missing anyway.
  if (report.settings.shopCode === null) return credentialsOf({ ...report, secret: { ok: true, value: null } });
  return credentialsOf({ ...report, secret: await readSecret(envSecret, deps) });
}

async function readLayered(
  env: NodeJS.ProcessEnv,
): Promise<Result<{ report: Omit<ConfigReport, 'secret'>; envSecret: number | undefined }>> {
  const overrides = readEnvOverrides(env);
  if (!overrides.ok) return overrides;
  const { apiUrl, shopCode, kassa, shopSecret } = overrides.value;
  const dataDir = defaultDataDir(env);
  const store = new SettingsStore(dataDir);
  const loaded = await store.load();
  return {
    ok: true,
    value: {
      envSecret: shopSecret,
      report: {
        dataDir,
        settingsFile: store.file,
        settingsFileExists: loaded.exists,
        settingsProblem: loaded.problem,
        settings: {
          ...loaded.settings,
          apiUrl: apiUrl ?? loaded.settings.apiUrl,
          shopCode: shopCode ?? loaded.settings.shopCode,
          kassa: kassa ?? loaded.settings.kassa,
        },
        sources: {
          dataDir: env[ENV.dataDir] ? 'env' : 'default',
          apiUrl: apiUrl === undefined ? 'settings' : 'env',
          shopCode: shopCode === undefined ? 'settings' : 'env',
          kassa: kassa === undefined ? 'settings' : 'env',
          shopSecret: shopSecret === undefined ? 'keychain' : 'env',
        },
      },
    },
  };
}

/** With the secret in the environment the keychain is not touched: a till script must not depend on (or wait for) a Secret Service it does not use. */
async function readSecret(envSecret: number | undefined, deps: ConfigDeps): Promise<Result<number | null>> {
  if (envSecret !== undefined) return { ok: true, value: envSecret };
  const service = (deps.env ?? process.env)[ENV.keychainService]?.trim();
  return (deps.secretStore ?? createKeytarSecretStore(service ? { service } : {})).get();
}

export function credentialsOf(report: ConfigReport): Result<ResolvedConfig> {
  const { settings } = report;
  if (settings.shopCode === null) {
    const damaged = report.settingsProblem?.key === undefined ? {} : { damaged: report.settingsProblem.key, ...report.settingsProblem.params };
    return fail('settings.noShopCode', { env: ENV.shopCode, ...damaged });
  }
  if (!report.secret.ok) return report.secret;
  if (report.secret.value === null) {
    return fail('settings.noSecret', { env: ENV.shopSecret });
  }
  const shopCode = settings.shopCode;
  return {
    ok: true,
    value: {
      report,
      settings: { ...settings, shopCode },
      credentials: { shopCode, shopSecret: report.secret.value, kassa: settings.kassa },
    },
  };
}

export interface EnvOverrides {
  apiUrl?: string;
  shopCode?: number;
  kassa?: number;
  shopSecret?: number;
}

/** The SKIDKABOT_* overrides, each checked as its setting is; the first malformed one refused, a secret never echoed. */
export function readEnvOverrides(env: NodeJS.ProcessEnv): Result<EnvOverrides> {
  const overrides: EnvOverrides = {};

  const apiUrl = readApiUrlOverride(env);
  if (!apiUrl.ok) return apiUrl;
  if (apiUrl.value !== undefined) overrides.apiUrl = apiUrl.value;

  const shopCode = readWholeOverride(env, 'shopCode', 'settings.envShopCode');
  if (!shopCode.ok) return shopCode;
  if (shopCode.value !== undefined) overrides.shopCode = shopCode.value;

  const kassa = readWholeOverride(env, 'kassa', 'settings.envKassa');
  if (!kassa.ok) return kassa;
  if (kassa.value !== undefined) overrides.kassa = kassa.value;

  const shopSecret = env[ENV.shopSecret];
  if (shopSecret) {
    const value = parseWhole(shopSecret);
    // The value is never echoed: it is the shop's password.
    if (value === null) return fail('settings.envSecret', { env: ENV.shopSecret });
    overrides.shopSecret = value;
  }
  return { ok: true, value: overrides };
}

/** A whole number the setting's own rule accepts; undefined when the variable is not set. */
function readWholeOverride(env: NodeJS.ProcessEnv, field: 'shopCode' | 'kassa', key: MessageKey): Result<number | undefined> {
  const text = env[ENV[field]];
  if (!text) return { ok: true, value: undefined };
  const value = parseWhole(text);
  if (value === null || !settingsSchema.shape[field].safeParse(value).success) return fail(key, { env: ENV[field], value: clip(text) });
  return { ok: true, value };
}

/** SKIDKABOT_API_URL, checked as the settings check a typed address; undefined when it is not set. Read by the CLI and the app. */
export function readApiUrlOverride(env: NodeJS.ProcessEnv): Result<string | undefined> {
  const apiUrl = env[ENV.apiUrl];
  if (!apiUrl) return { ok: true, value: undefined };
  const parsed = settingsSchema.shape.apiUrl.safeParse(apiUrl);
  if (!parsed.success) {
    return fail('settings.envApiUrl', { env: ENV.apiUrl, value: clip(apiUrl) });
  }
  return { ok: true, value: parsed.data };
}

function parseWhole(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,16}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : null;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function fail(key: MessageKey, params: MessageParams): { ok: false; error: AppError } {
  return { ok: false, error: codedError('config', key, params) };
}
