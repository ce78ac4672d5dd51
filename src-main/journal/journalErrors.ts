import { codedError, type AppError } from '../../src-shared/errors';
import type { DiskCause } from '../../src-shared/messages/journalMessages';
import type { MessageParams } from '../../src-shared/messages/messages';
import { errnoCode } from '../fs/errnoCode';

/** A record the journal's own reader would reject; it is refused before it reaches the file. */
export class UnreadableRecordError extends Error {
  constructor() {
    super('journal record does not read back');
  }
}

/** Why the disk refused, as message parameters each language words so a cashier can act on it. */
function diskCause(error: unknown): MessageParams {
  if (error instanceof UnreadableRecordError) return cause('unreadable');
  const code = errnoCode(error);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return cause('full');
    case 'EACCES':
    case 'EPERM':
      return cause('noAccess');
    case 'EROFS':
      return cause('readOnly');
    case 'ENOTDIR':
    case 'ENOENT':
      return cause('noFolder');
    case 'EIO':
      return cause('io');
    default:
      return code ? { cause: 'errno', errno: code } : cause('io');
  }
}

function cause(word: DiskCause): MessageParams {
  return { cause: word };
}

/** The intent could not be written, so the request was not sent: nothing happened to the customer's bonuses. */
export function intentNotWritten(error: unknown): AppError {
  return codedError('journal', 'journal.intentNotWritten', diskCause(error));
}

/** Any later record (outcome, resolution, link) that could not be written; `what` says which. */
export function recordNotWritten(what: 'folder' | 'index' | 'outcome' | 'resolution' | 'tornTail', error: unknown, month?: string): AppError {
  return codedError('journal', 'journal.recordNotWritten', { what, ...(month === undefined ? {} : { month }), ...diskCause(error) });
}

export function journalReadFailed(file: string, error: unknown): AppError {
  return codedError('journal', 'journal.readFailed', { file, ...diskCause(error) });
}

/**
 * The writer lock could not be taken because of the disk itself (full, read-only, no rights), not
 * because someone else holds it. Code 'journal.lock-not-written'; `sending` says what that stops.
 */
export function lockNotWritten(dir: string, error: unknown, sending: 'operation' | 'operations'): AppError {
  return codedError('journal', 'journal.lockNotWritten', { dir, sending, ...diskCause(error) });
}
