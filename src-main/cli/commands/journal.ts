import { codedError, type AppError, type Result } from '../../../src-shared/errors';
import { KIND_LABELS, STATUS_LABELS } from '../../../src-shared/journal/labels';
import { localDay } from '../../../src-shared/journal/localTime';
import { daySchema, type JournalFilter } from '../../../src-shared/journal/schemas';
import type { OperationView, ShiftReport } from '../../../src-shared/journal/types';
import { loadDay } from '../../journal/dayReport';
import { exportJournalCsv } from '../../journal/exportCsv';
import { Journal } from '../../journal/journal';
import { defaultDataDir } from '../../settings/dataDir';
import type { ParsedArgs } from '../args';
import { failed, succeeded, type CliCommand, type CommandReport, type JsonValue } from '../command';
import { bonuses, rubles } from '../format';
import { balanceAnomalyNoteRu } from '../../../src-shared/skidkabot/anomaly';

const SUBCOMMANDS = ['report', 'export'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number] | 'list';

export const journalCommand: CliCommand = {
  name: 'journal',
  summary: 'журнал операций: список, отчёт за смену, выгрузка в CSV для Excel',
  synopsis: '[report | export] [--day ГГГГ-ММ-ДД] [--kassa <N>] [--customer <N>] [--kind accrue|redeem] [--out <файл>]',
  maxPositionals: 1,
  options: {
    day: { type: 'string', valueName: '<ГГГГ-ММ-ДД>', description: 'день; для report и export по умолчанию сегодня' },
    kassa: { type: 'string', valueName: '<N>', description: 'только эта касса' },
    customer: { type: 'string', valueName: '<N>', description: 'только этот покупатель (номер из QR-кода)' },
    kind: { type: 'string', valueName: 'accrue|redeem', description: 'только начисления (accrue) или списания (redeem)' },
    limit: { type: 'string', valueName: '<N>', description: 'не больше N последних операций (по умолчанию 1000 без --day)' },
    out: { type: 'string', valueName: '<файл>', description: 'для export: куда записать CSV' },
  },
  async run(args, env) {
    const sub = subcommandOf(args);
    if (!sub.ok) return failed(sub.error);
    const filter = filterOf(args, sub.value !== 'list');
    if (!filter.ok) return failed(filter.error);
    // Read-only: the till may be writing at this very moment; only the app repairs the journal.
    const { journal, problems } = await Journal.open(defaultDataDir(env.env), { readOnly: true });
    try {
      const report = await runSubcommand(journal, sub.value, filter.value, args);
      return withProblems(report, problems);
    } finally {
      await journal.close();
    }
  },
};

function runSubcommand(journal: Journal, sub: Subcommand, filter: JournalFilter, args: ParsedArgs): Promise<CommandReport> {
  switch (sub) {
    case 'list':
      return listOperations(journal, filter);
    case 'report':
      return dayReport(journal, filter);
    case 'export':
      return exportDay(journal, filter, args.values.out);
  }
}

function subcommandOf(args: ParsedArgs): Result<Subcommand> {
  const [word] = args.positionals;
  if (word === undefined) return { ok: true, value: 'list' };
  const found = SUBCOMMANDS.find((candidate) => candidate === word);
  return found
    ? { ok: true, value: found }
    : { ok: false, error: codedError('input', 'cli.journalAction', { word }) };
}

function wholeNumber(text: string | boolean | undefined, option: string, min: number): Result<number | undefined> {
  if (text === undefined) return { ok: true, value: undefined };
  const value = typeof text === 'string' && /^\d{1,15}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (Number.isSafeInteger(value) && value >= min) return { ok: true, value };
  return { ok: false, error: codedError('input', 'cli.wholeFrom', { option, min }) };
}

export function filterOf(args: ParsedArgs, dayDefaultsToToday: boolean): Result<JournalFilter> {
  const { values } = args;
  const filter: JournalFilter = {};
  const day = values.day;
  if (typeof day === 'string') {
    if (!daySchema.safeParse(day).success) return { ok: false, error: codedError('input', 'cli.day') };
    filter.day = day;
  } else if (dayDefaultsToToday) {
    filter.day = localDay(Date.now());
  }
  const kind = values.kind;
  if (kind !== undefined) {
    if (kind !== 'accrue' && kind !== 'redeem') return { ok: false, error: codedError('input', 'cli.kind') };
    filter.kind = kind;
  }
  const numbers = [
    ['kassa', wholeNumber(values.kassa, '--kassa', 1)],
    ['client', wholeNumber(values.customer, '--customer', 0)],
    ['limit', wholeNumber(values.limit, '--limit', 1)],
  ] as const;
  for (const [key, parsed] of numbers) {
    if (!parsed.ok) return parsed;
    if (parsed.value !== undefined) filter[key] = parsed.value;
  }
  return { ok: true, value: filter };
}

/** Views are plain data already; this only tells the type system so. */
function json(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

function operationLine(view: OperationView): string {
  const when = `${view.at.slice(0, 10)} ${view.at.slice(11, 19)}`;
  const marks = [
    view.unresolved ? 'ТРЕБУЕТ РЕШЕНИЯ' : null,
    view.reversed ? 'отменена' : null,
    view.reverses ? `отмена ${view.reverses}` : null,
    view.outcome?.status === 'applied' && view.outcome.anomaly ? `ВНИМАНИЕ: ${balanceAnomalyNoteRu(view.outcome.anomaly)}` : null,
  ].filter((mark) => mark !== null);
  const purchase = view.purchaseKopecks > 0 ? `, покупка ${rubles(view.purchaseKopecks)}` : '';
  return `${when}  касса ${view.kassa}  покупатель ${view.client}  ${KIND_LABELS[view.kind]} ${bonuses(view.bonuses)}${purchase}  — ${STATUS_LABELS[view.status]}${marks.length > 0 ? ` (${marks.join(', ')})` : ''}  [${view.id}]`;
}

/** What the list needs of a journal: the CLI's read-only one, or the running till's. */
export interface ListableJournal {
  list(filter: JournalFilter): Promise<Result<OperationView[]>>;
}

export async function listOperations(journal: ListableJournal, filter: JournalFilter): Promise<CommandReport> {
  const listed = await journal.list(filter);
  if (!listed.ok) return failed(listed.error);
  const views = listed.value;
  const lines = views.length === 0 ? ['Операций не найдено.'] : [...views].reverse().map(operationLine);
  return succeeded({ operations: json(views) }, lines);
}

function reportLines(report: ShiftReport): string[] {
  return [
    `Смена ${report.day}, ${report.kassa === null ? 'все кассы' : `касса ${report.kassa}`}`,
    `Начисления: ${report.accruals.count}, всего ${bonuses(report.accruals.bonuses)}`,
    `Списания: ${report.redemptions.count}, всего ${bonuses(report.redemptions.bonuses)}`,
    `Покупок обслужено: ${report.purchases.count} на ${rubles(report.purchases.kopecks)}`,
    `Отказов сервера: ${report.refused}`,
    `Отмены: ${report.reversals.count} (возвращено ${bonuses(report.reversals.accrued)}, забрано ${bonuses(report.reversals.redeemed)})`,
    report.unresolved.count === 0
      ? 'Неразрешённых операций нет.'
      : `Неразрешённых операций: ${report.unresolved.count} — менеджеру проверить в журнале: ${report.unresolved.ids.join(', ')}`,
  ];
}

async function dayReport(journal: Journal, filter: JournalFilter): Promise<CommandReport> {
  const day = await loadDay(journal, filter.day ?? localDay(Date.now()), filter.kassa ?? null);
  if (!day.ok) return failed(day.error);
  return succeeded({ report: json(day.value.report), hours: json(day.value.hours) }, reportLines(day.value.report));
}

async function exportDay(journal: Journal, filter: JournalFilter, out: string | boolean | undefined): Promise<CommandReport> {
  if (typeof out !== 'string' || out.trim() === '') {
    return failed(codedError('input', 'cli.outMissing'));
  }
  const day = await loadDay(journal, filter.day ?? localDay(Date.now()), filter.kassa ?? null);
  if (!day.ok) return failed(day.error);
  const written = await exportJournalCsv(day.value.views, out);
  if (!written.ok) return failed(written.error);
  return succeeded(
    { file: written.value.file, rows: written.value.rows, report: json(day.value.report) },
    [`Выгружено операций: ${written.value.rows} в файл ${written.value.file}`, ...reportLines(day.value.report)],
  );
}

/** What the journal found wrong on opening goes with the answer: a person sees it, a script gets it. */
function withProblems(report: CommandReport, problems: AppError[]): CommandReport {
  const shown = problems.filter((problem) => problem.kind === 'journal');
  if (shown.length === 0) return report;
  return {
    ...report,
    data: { ...report.data, problems: shown.map((problem) => problem.message) },
    lines: [...report.lines, ...shown.map((problem) => `Внимание: ${problem.message}`)],
  };
}
