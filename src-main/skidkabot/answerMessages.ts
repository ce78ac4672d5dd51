import { codedError } from '../../src-shared/errors';
import type { AppError } from '../../src-shared/errors';
import { isMessageKey } from '../../src-shared/messages/messages';

const MAX_SERVER_TEXT = 200;

/** The server's own words, made safe to put in a message: no markup, one line, bounded length. */
export function cleanServerText(text: string, maxLength = MAX_SERVER_TEXT): string {
  // Only a bounded prefix is cleaned, so a megabyte of markup costs no more than a short text.
  const plain = text
    .slice(0, maxLength * 4)
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > maxLength ? `${plain.slice(0, maxLength - 1)}…` : plain;
}

const CYRILLIC = /[\u0400-\u04ff]/;

/**
 * Codes with a documented meaning have their own message, written for the person at the till rather
 * than the vendor's words for the shop's programmer. Codes 10 and 14 have no documented meaning: the
 * Russian screen quotes the server's text when it is Russian, the English one only the code, so
 * «Internal Server Error» never reaches a cashier.
 */

/** The Russian message for a Skidkabot answer code. */
export function messageForCode(code: number, serverText?: string): string {
  return serverCodeError(code, serverText).message;
}

/** A non-zero answer code as the error the cashier sees. */
export function serverCodeError(code: number, serverText?: string): AppError {
  const known = `answer.${code}`;
  if (isMessageKey(known)) return codedError('server', known, undefined, code);
  const text = serverText === undefined ? '' : cleanServerText(serverText).replace(/[.!\s]+$/, '');
  return codedError('server', 'answer.unknown', CYRILLIC.test(text) ? { code, text } : { code }, code);
}
