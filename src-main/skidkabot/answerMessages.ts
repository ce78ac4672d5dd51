import { codedError } from '../../src-shared/errors';
import type { AppError } from '../../src-shared/errors';
import { cleanServerText } from './serverText';
import { isMessageKey } from '../../src-shared/messages/messages';

const CYRILLIC = /[\u0400-\u04ff]/;

/**
 * Codes with a documented meaning have their own message, written for the person at the till rather
 * than the vendor's words for the shop's programmer. Codes 10 and 14 have no documented meaning: the
 * Russian screen quotes the server's text when it is Russian, the English one only the code, so
 * «Internal Server Error» never reaches a cashier.
 */
export function serverCodeError(code: number, serverText?: string): AppError {
  const known = `answer.${code}`;
  if (isMessageKey(known)) return codedError('server', known, undefined, code);
  const text = serverText === undefined ? '' : cleanServerText(serverText).replace(/[.!\s]+$/, '');
  return codedError('server', 'answer.unknown', CYRILLIC.test(text) ? { code, text } : { code }, code);
}

