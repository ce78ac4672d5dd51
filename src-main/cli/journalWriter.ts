import path from 'node:path';
import { codedError, type AppError } from '../../src-shared/errors';
import { Journal, JOURNAL_DIR } from '../journal/journal';
import { OperationRunner } from '../journal/operationRunner';
import { lockNotWritten } from '../journal/journalErrors';
import { holderParams, WriterLock } from '../journal/writerLock';
import type { ResolvedConfig } from '../settings/resolveConfig';
import type { SkidkabotClient } from '../skidkabot/client';
import { failed, type CommandReport } from './command';
import type { OperationDesk } from '../operations/customerOperations';

/** The boolean option every operation command takes: the technician's «yes» to the double-press question. */
export const CONFIRM_DUPLICATE_OPTION = {
  type: 'boolean',
  description: 'провести, даже если такая же операция этому покупателю была в последние 2 минуты',
} as const;

/**
 * A technician's accrual or redemption is journaled exactly like the till's: under the writer lock
 * (refused while the app runs), intent first, outcome after. The lock is held only for the command.
 */
async function withJournal(
  config: ResolvedConfig,
  client: SkidkabotClient,
  work: (runner: OperationRunner) => Promise<CommandReport>,
): Promise<CommandReport> {
  const { dataDir } = config.report;
  const dir = path.join(dataDir, JOURNAL_DIR);
  let acquired;
  try {
    acquired = await WriterLock.acquire(dir, 'cli');
  } catch (error) {
    return failed(lockNotWritten(dir, error, 'operation'));
  }
  if (!acquired.ok) {
    return failed(
      codedError('config', 'journal.heldByOtherCli', holderParams(acquired.holder)),
    );
  }
  try {
    const { journal, problems } = await Journal.open(dataDir);
    try {
      const runner = new OperationRunner({ journal, client, shop: config.credentials.shopCode, kassa: config.credentials.kassa });
      return withWarnings(await work(runner), problems);
    } finally {
      await journal.close();
    }
  } finally {
    await acquired.lock.release();
  }
}

/** The CLI's desk: the shop's client, and the journal under the writer lock for the command's few seconds. */
export function cliDesk(config: ResolvedConfig, client: SkidkabotClient): OperationDesk {
  return {
    balance: (qr) => client.balance(qr),
    withRunner: (_client, work) => withJournal(config, client, work),
  };
}

function withWarnings(report: CommandReport, problems: AppError[]): CommandReport {
  const shown = problems.filter((problem) => problem.kind === 'journal' || problem.kind === 'outcome-unknown');
  if (shown.length === 0) return report;
  return {
    ...report,
    data: { ...report.data, problems: shown.map((problem) => problem.message) },
    lines: [...report.lines, ...shown.map((problem) => `Внимание: ${problem.message}`)],
  };
}
