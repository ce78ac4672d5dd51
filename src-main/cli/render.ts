import type { AppError } from '../../src-shared/errors';
import { isMessageKey, translate, type Language } from '../../src-shared/messages/messages';
import type { OptionSpec } from './args';
import type { CliCommand, CommandReport, JsonObject } from './command';

export const PROGRAM = 'skidkabot-kassa';

/**
 * The one JSON object `--json` prints: `ok`, the figures, and on failure `error: {kind, code?, message,
 * key?, params?}`. `message` is in the CLI's language; `key` and `params` let a program translate it itself.
 */
export function reportJson(report: CommandReport, language: Language = 'ru'): JsonObject {
  const { data, error } = report;
  return error ? { ok: false, ...data, error: errorJson(error, language) } : { ok: true, ...data };
}

function errorJson(error: AppError, language: Language): JsonObject {
  const json: JsonObject = { kind: error.kind };
  if (error.code !== undefined) json['code'] = error.code;
  json['message'] = cliErrorText(error, language);
  if (error.key !== undefined) json['key'] = error.key;
  if (error.params !== undefined) json['params'] = { ...error.params };
  return json;
}

/** The CLI's language: Russian unless SKIDKABOT_LANG says English. */
export function cliLanguage(env: NodeJS.ProcessEnv): Language {
  return env['SKIDKABOT_LANG']?.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

/** A keyed error in the CLI's language; one main still writes only in Russian keeps its detail for the technician. */
function cliErrorText(error: AppError, language: Language): string {
  return error.key !== undefined && isMessageKey(error.key) ? translate(error.key, error.params, language) : error.message;
}

export interface Rendered {
  stdout: string;
  stderr: string;
}

export function renderReport(report: CommandReport, json: boolean, language: Language = 'ru'): Rendered {
  if (json) return { stdout: `${JSON.stringify(reportJson(report, language))}\n`, stderr: '' };
  return {
    stdout: report.lines.map((line) => `${line}\n`).join(''),
    stderr: report.error ? `${cliErrorText(report.error, language)}\n` : '',
  };
}

export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  json: { type: 'boolean', description: 'ответ одним объектом JSON (для программ)' },
  help: { type: 'boolean', short: 'h', description: 'эта справка' },
};

const ENVIRONMENT_HELP = [
  'Настройки берутся из приложения «Скидкабот Касса», секретный код — из хранилища паролей ОС.',
  'Переменные окружения их заменяют:',
  '  SKIDKABOT_API_URL      адрес сервера (по умолчанию https://skidkabot.ru)',
  '  SKIDKABOT_SHOP         код магазина',
  '  SKIDKABOT_SHOP_SECRET  секретный код магазина (хранилище паролей тогда не используется)',
  '  SKIDKABOT_KASSA        номер кассы',
  '  SKIDKABOT_DATA_DIR     папка настроек приложения',
  '  SKIDKABOT_LANG         en — сообщения об ошибках по-английски',
];

const EXIT_HELP = [
  'Коды выхода: 0 — готово; 1 — сервер отказал; 2 — неверный ввод или настройки;',
  '3 — нет связи с сервером или неизвестно, прошла ли операция.',
];

export function usageText(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    `Использование: ${PROGRAM} <команда> [параметры] [--json]`,
    '',
    'Команды:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    `Подробнее о команде: ${PROGRAM} <команда> --help`,
    '',
    ...ENVIRONMENT_HELP,
    '',
    ...EXIT_HELP,
    '',
  ].join('\n');
}

export function commandHelpText(command: CliCommand): string {
  const options = { ...command.options, ...GLOBAL_OPTIONS };
  const labels = Object.entries(options).map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : '';
    const value = spec.valueName ? ` ${spec.valueName}` : '';
    return [`${short}--${name}${value}`, spec.description] as const;
  });
  const width = Math.max(...labels.map(([label]) => label.length));
  return [
    `Использование: ${PROGRAM} ${command.name} ${command.synopsis}`.trimEnd(),
    '',
    `${command.summary.charAt(0).toUpperCase()}${command.summary.slice(1)}.`,
    '',
    'Параметры:',
    ...labels.map(([label, description]) => `  ${label.padEnd(width)}  ${description}`),
    '',
    ...EXIT_HELP,
    '',
  ].join('\n');
}
