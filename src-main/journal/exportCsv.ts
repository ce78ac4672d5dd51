import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { codedError, type Result } from '../../src-shared/errors';
import type { OperationView } from '../../src-shared/journal/types';
import { CSV_BOM, csvRow, journalCsvRow, JOURNAL_CSV_HEADER } from './csv';
import { errnoCode } from '../fs/errnoCode';

export interface ExportProgress {
  done: number;
  total: number;
}

export interface ExportOptions {
  onProgress?: (progress: ExportProgress) => void;
  /** Rows between two progress reports. */
  progressEvery?: number;
}

function exportFailed(file: string, error: unknown): Result<never> {
  const code = errnoCode(error);
  const cause =
    code === 'ENOSPC'
      ? 'full'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'noAccess'
        : code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR'
          ? 'noFolder'
          : 'errno';
  return { ok: false, error: codedError('input', 'journal.exportFailed', { file, cause, ...(code ? { errno: code } : {}) }) };
}

/**
 * Writes the operations, oldest first, as CSV to `file`, row by row with the stream's backpressure
 * respected, so a busy day's export neither holds the whole text in memory nor freezes the app.
 * The rows go to `file.part` first: a file with the final name is always complete.
 */
export async function exportJournalCsv(
  views: readonly OperationView[],
  file: string,
  options: ExportOptions = {},
): Promise<Result<{ file: string; rows: number }>> {
  const ordered = [...views].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : 1));
  const every = Math.max(1, options.progressEvery ?? 200);
  const partial = `${file}.part`;
  const stream = createWriteStream(partial, { encoding: 'utf8', mode: 0o600 });
  // Widened by hand: the stream's callbacks set it, which TypeScript's narrowing does not see.
  let failure = null as Error | null;
  // `finished` settles even when the stream failed before anyone waited for it.
  const ended = finished(stream).catch((error: unknown) => {
    failure ??= error instanceof Error ? error : new Error(String(error));
  });
  const throwIfFailed = (): void => {
    if (failure !== null) throw failure;
  };
  const write = async (text: string): Promise<void> => {
    throwIfFailed();
    if (!stream.write(text)) await Promise.race([once(stream, 'drain'), ended]);
    throwIfFailed();
  };
  try {
    await write(CSV_BOM + csvRow(JOURNAL_CSV_HEADER));
    options.onProgress?.({ done: 0, total: ordered.length });
    for (const [index, view] of ordered.entries()) {
      await write(journalCsvRow(view));
      const done = index + 1;
      if (done % every === 0 && done < ordered.length) options.onProgress?.({ done, total: ordered.length });
    }
    stream.end();
    await ended;
    throwIfFailed();
    await rename(partial, file);
  } catch (error) {
    stream.destroy();
    await rm(partial, { force: true });
    return exportFailed(file, failure ?? error);
  }
  options.onProgress?.({ done: ordered.length, total: ordered.length });
  return { ok: true, value: { file, rows: ordered.length } };
}
