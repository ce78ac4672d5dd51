import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codedError, type Result } from '../../../src-shared/errors';
import { defaultDataDir } from '../../settings/dataDir';
import { ENV, readEnvOverrides } from '../../settings/resolveConfig';
import { failed, succeeded, type CliCommand, type CommandEnv, type CommandReport } from '../command';

/** Where the app's own window would live: the harness and the window are not part of a headless till. */
const HEADLESS_ORIGIN = 'app://kassa-headless';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'касса без окна: локальный API для кассовой программы (журнал, настройки и сканер — как у приложения)',
  synopsis: '[--port <N>] [--no-scanner]',
  options: {
    port: { type: 'string', valueName: '<N>', description: 'порт на 127.0.0.1 и ::1 (по умолчанию из настроек, обычно 17231; 0 — любой свободный)' },
    'no-scanner': { type: 'boolean', description: 'не читать USB-сканеры' },
  },
  async run(args, env) {
    const port = parsePort(args.values.port);
    if (!port.ok) return failed(port.error);
    // Read as every other command reads them: a malformed value is refused with the same message.
    const overrides = readEnvOverrides(env.env);
    if (!overrides.ok) return failed(overrides.error);
    const { apiUrl, shopSecret } = overrides.value;
    return serve(env, { dataDir: defaultDataDir(env.env), port: port.value, apiUrl, shopSecret, scanner: args.values['no-scanner'] !== true });
  },
};

interface ServeOptions {
  dataDir: string;
  port: number | undefined;
  apiUrl: string | undefined;
  shopSecret: number | undefined;
  scanner: boolean;
}

async function serve(env: CommandEnv, options: ServeOptions): Promise<CommandReport> {
  // The app core, the keychain and node-hid are loaded only for this command: the others start fast without them.
  const [{ createAppCore }, { loadApiSettings }, secrets] = await Promise.all([
    import('../../app/createApp'),
    import('../../localApi/apiSettings'),
    import('../../settings/secretStore'),
  ]);
  const secretStore =
    options.shopSecret !== undefined
      ? new secrets.MemorySecretStore(options.shopSecret)
      : secrets.createKeytarSecretStore(env.env[ENV.keychainService]?.trim() ? { service: env.env[ENV.keychainService]?.trim() } : {});
  const port = options.port ?? (await loadApiSettings(options.dataDir)).port;
  const core = await createAppCore({
    dataDir: options.dataDir,
    secretStore,
    trustedOrigin: HEADLESS_ORIGIN,
    localApiPort: port,
    ...(options.apiUrl === undefined ? {} : { apiUrl: options.apiUrl }),
    ...(options.scanner ? { scanner: await scannerHost() } : {}),
  });
  const journalProblem = core.journalProblem();
  const address = core.localApi();
  if (journalProblem || !address) {
    await core.close();
    return failed(journalProblem ?? core.localApiProblem() ?? codedError('config', 'localApi.notRunning'));
  }
  return {
    ...succeeded({ url: address.url, tokenFile: address.tokenFile }, [
      `Касса работает без окна. Локальный API: ${address.url}, токен в файле ${address.tokenFile}. Остановить: Ctrl+C.`,
    ]),
    keepRunning: async () => {
      await env.untilStopped();
      await core.close();
    },
  };
}

function parsePort(text: string | boolean | undefined): Result<number | undefined> {
  if (text === undefined) return { ok: true, value: undefined };
  const value = typeof text === 'string' && /^\d{1,5}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (Number.isInteger(value) && value >= 0 && value <= 65535) return { ok: true, value };
  return { ok: false, error: codedError('input', 'cli.port') };
}

async function scannerHost() {
  const [{ createNodeHidTransport }, { UDEV_RULE_NAME }] = await Promise.all([import('../../scanner/hidTransport'), import('../../scanner/udevRule')]);
  return { transport: createNodeHidTransport(), platform: process.platform, udevRuleFile: shippedUdevRule(UDEV_RULE_NAME) };
}

/**
 * The udev rule this program ships: in the packaged app's resources/udev (the CLI runs inside the app
 * with `--cli`), or in assets/udev of the checkout, found upwards from this file whether it runs from
 * the sources or from the built dist-cli/chunks.
 */
function shippedUdevRule(name: string): string | undefined {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources !== undefined) return path.join(resources, 'udev', name);
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'assets', 'udev', name);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}
