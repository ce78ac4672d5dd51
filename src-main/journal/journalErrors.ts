import { appError, type AppError } from '../../src-shared/errors';
import { errnoCode } from '../fs/errnoCode';

/** A record the journal's own reader would reject; it is refused before it reaches the file. */
export class UnreadableRecordError extends Error {
  constructor() {
    super('journal record does not read back');
  }
}

/** Why the disk refused, in words a cashier can act on. */
export function diskCause(error: unknown): string {
  if (error instanceof UnreadableRecordError) return 'запись не прошла проверку журнала: позовите администратора';
  switch (errnoCode(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'диск заполнен: освободите место';
    case 'EACCES':
    case 'EPERM':
      return 'нет права записи в папку журнала: позовите администратора';
    case 'EROFS':
      return 'диск только для чтения: позовите администратора';
    case 'ENOTDIR':
    case 'ENOENT':
      return 'папка журнала недоступна: позовите администратора';
    case 'EIO':
      return 'ошибка диска: позовите администратора';
    default: {
      const code = errnoCode(error);
      return code ? `ошибка диска ${code}: позовите администратора` : 'ошибка диска: позовите администратора';
    }
  }
}

/** The intent could not be written, so the request was not sent: nothing happened to the customer's bonuses. */
export function intentNotWritten(error: unknown): AppError {
  return appError('journal', `Журнал операций не записан, операция НЕ отправлена (${diskCause(error)}). Затем повторите.`);
}

/** Any later record (outcome, resolution, link) that could not be written; `sentence` says which. */
export function recordNotWritten(sentence: string, error: unknown): AppError {
  return appError('journal', `${sentence} (${diskCause(error)}).`);
}

export function journalReadFailed(file: string, error: unknown): AppError {
  return appError('journal', `Не удалось прочитать журнал ${file} (${diskCause(error)}).`);
}

/**
 * The writer lock could not be taken because of the disk itself (full, read-only, no rights), not
 * because someone else holds it. Code 'journal.lock-not-written'; `sending` says what that stops.
 */
export function lockNotWritten(dir: string, error: unknown, sending: 'operation' | 'operations'): AppError {
  const stopped = sending === 'operation' ? 'операция не отправлена' : 'операции не отправляются';
  return appError('journal', `Журнал операций в папке ${dir} не открыт для записи (${diskCause(error)}): ${stopped}.`);
}
