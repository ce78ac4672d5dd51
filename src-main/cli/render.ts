import type { AppError } from '../../src-shared/errors';
import type { OptionSpec } from './args';
import type { CliCommand, CommandReport, JsonObject } from './command';

export const PROGRAM = 'skidkabot-kassa';

/** The one JSON object `--json` prints: `ok`, the figures, and on failure `error: {kind, code?, message}`. */
export function reportJson(report: CommandReport): JsonObject {
  const { data, error } = report;
  return error ? { ok: false, ...data, error: errorJson(error) } : { ok: true, ...data };
}

function errorJson(error: AppError): JsonObject {
  return error.code === undefined
    ? { kind: error.kind, message: error.message }
    : { kind: error.kind, code: error.code, message: error.message };
}

export interface Rendered {
  stdout: string;
  stderr: string;
}

export function renderReport(report: CommandReport, json: boolean): Rendered {
  if (json) return { stdout: `${JSON.stringify(reportJson(report))}\n`, stderr: '' };
  return {
    stdout: report.lines.map((line) => `${line}\n`).join(''),
    stderr: report.error ? `${report.error.message}\n` : '',
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
