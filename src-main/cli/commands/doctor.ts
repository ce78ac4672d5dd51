import type { AppError } from '../../../src-shared/errors';
import { credentialsOf, ENV, inspectConfig, type ConfigReport, type SecretSource, type ValueSource } from '../../settings/resolveConfig';
import { SkidkabotClient } from '../../skidkabot/client';
import { cliNetwork } from '../../skidkabot/net/networkSetup';
import { failed, type CliCommand, type CommandReport, type JsonObject } from '../command';

type Check = { state: 'ok'; message: string } | { state: 'error'; error: AppError } | { state: 'not-checked'; message: string };

export const doctorCommand: CliCommand = {
  name: 'doctor',
  summary: 'проверить настройки, хранилище паролей и связь с сервером',
  synopsis: '',
  options: {},
  async run(_args, env) {
    const inspected = await inspectConfig({ env: env.env });
    if (!inspected.ok) return failed(inspected.error);
    const report = inspected.value;
    const keychain = keychainCheck(report);
    const server = await serverCheck(report, env.env);
    return doctorReport(report, keychain, server);
  },
};

function keychainCheck(report: ConfigReport): Check {
  if (report.sources.shopSecret === 'env') {
    return { state: 'not-checked', message: `секретный код задан переменной ${ENV.shopSecret}` };
  }
  return report.secret.ok ? { state: 'ok', message: 'отвечает' } : { state: 'error', error: report.secret.error };
}

async function serverCheck(report: ConfigReport, env: NodeJS.ProcessEnv): Promise<Check> {
  const resolved = credentialsOf(report);
  if (!resolved.ok) return { state: 'not-checked', message: 'не хватает настроек (см. выше)' };
  const client = new SkidkabotClient({ baseUrl: resolved.value.settings.apiUrl, credentials: resolved.value.credentials, network: cliNetwork(env) });
  try {
    const checked = await client.checkShop();
    return checked.ok ? { state: 'ok', message: checked.value.message } : { state: 'error', error: checked.error };
  } finally {
    client.close();
  }
}

const VALUE_SOURCE: Record<ValueSource, string> = { env: 'из переменной окружения', settings: 'из настроек приложения' };
const SECRET_SOURCE: Record<SecretSource, string> = { env: `из переменной ${ENV.shopSecret}`, keychain: 'из хранилища паролей ОС' };

/** Pure: the findings as lines for a person and figures for a script; the first blocking problem decides the exit code. */
export function doctorReport(report: ConfigReport, keychain: Check, server: Check): CommandReport {
  const { settings, sources } = report;
  const secretSet = report.secret.ok ? report.secret.value !== null : null;
  const lines = [
    `Папка настроек: ${report.dataDir}${sources.dataDir === 'env' ? ` (из ${ENV.dataDir})` : ''}`,
    `Файл настроек: ${report.settingsProblem ? report.settingsProblem.message : report.settingsFileExists ? 'есть' : 'нет (настройки по умолчанию)'}`,
    `Адрес сервера: ${settings.apiUrl} (${VALUE_SOURCE[sources.apiUrl]})`,
    `Код магазина: ${settings.shopCode === null ? 'не задан' : `${settings.shopCode} (${VALUE_SOURCE[sources.shopCode]})`}`,
    `Номер кассы: ${settings.kassa} (${VALUE_SOURCE[sources.kassa]})`,
    `Секретный код магазина: ${secretSet === null ? 'неизвестно' : secretSet ? `задан (${SECRET_SOURCE[sources.shopSecret]})` : 'не задан'}`,
    `Хранилище паролей ОС: ${checkText(keychain)}`,
    `Сервер Скидкабот: ${checkText(server)}`,
  ];

  const missing = credentialsOf(report);
  const error =
    (keychain.state === 'error' ? keychain.error : null) ??
    (missing.ok ? null : missing.error) ??
    (server.state === 'error' ? server.error : null);
  if (!error) lines.push('Всё в порядке: касса готова к работе.');

  const data: JsonObject = {
    dataDir: report.dataDir,
    settingsFile: report.settingsFile,
    settingsFileExists: report.settingsFileExists,
    settingsProblem: report.settingsProblem ? report.settingsProblem.message : null,
    apiUrl: settings.apiUrl,
    shopCode: settings.shopCode,
    kassa: settings.kassa,
    sources: { ...sources },
    secretSet,
    keychain: checkJson(keychain),
    server: checkJson(server),
  };
  return { data, lines, error };
}

function checkText(check: Check): string {
  if (check.state === 'error') return `ошибка — ${check.error.message}`;
  return check.state === 'ok' ? check.message : `не проверялось: ${check.message}`;
}

function checkJson(check: Check): JsonObject {
  return check.state === 'error'
    ? { state: 'error', message: check.error.message }
    : { state: check.state, message: check.message };
}
