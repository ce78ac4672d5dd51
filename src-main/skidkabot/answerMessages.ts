import { appError } from '../../src-shared/errors';
import type { AppError } from '../../src-shared/errors';

const PROGRAM_ERROR = 'Ошибка программы кассы: сервер не получил';
const CALL_SUPPORT = 'Позвоните менеджеру или в поддержку.';
const REFRESH_QR = 'Попросите клиента обновить QR-код в боте Скидкабота и отсканируйте новый.';

/**
 * What the cashier reads for each documented answer code. The vendor's own texts are written
 * for the shop's programmer; these say what the person at the till should do next.
 * Codes 10 and 14 have no documented meaning, so they fall through to the server's text.
 */
const MESSAGES: Readonly<Record<number, string>> = {
  0: 'Готово.',
  1: `${PROGRAM_ERROR} код магазина. ${CALL_SUPPORT}`,
  2: `${PROGRAM_ERROR} номер клиента. ${CALL_SUPPORT}`,
  3: `${PROGRAM_ERROR} секретный код магазина. ${CALL_SUPPORT}`,
  4: `${PROGRAM_ERROR} ключ QR-кода. ${CALL_SUPPORT}`,
  5: 'Скидкабот не знает магазин с таким кодом и секретным кодом. Позвоните менеджеру: нужно проверить настройки.',
  6: 'Клиент не зарегистрирован в Скидкаботе. Попросите его зарегистрироваться в боте и показать новый QR-код.',
  7: `Скидкабот не знает этот QR-код. ${REFRESH_QR}`,
  8: `QR-код не прошёл проверку. ${REFRESH_QR}`,
  9: `QR-код устарел. ${REFRESH_QR}`,
  11: `${PROGRAM_ERROR} число начисляемых бонусов. ${CALL_SUPPORT}`,
  12: `${PROGRAM_ERROR} число списываемых бонусов. ${CALL_SUPPORT}`,
  13: 'У клиента не хватает бонусов для списания. Спишите меньше или только начислите бонусы.',
  15: 'Скидкабот отключил магазин: на счёте магазина в Скидкаботе минус. Позвоните менеджеру, чтобы пополнил счёт.',
};

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

/** The Russian message for a Skidkabot answer code; unknown codes show the server's text or the bare code. */
export function messageForCode(code: number, serverText?: string): string {
  const known = MESSAGES[code];
  if (known !== undefined) return known;
  const text = serverText === undefined ? '' : cleanServerText(serverText).replace(/[.!\s]+$/, '');
  return text === ''
    ? `Скидкабот отказал с кодом ${code}. Позвоните менеджеру.`
    : `Скидкабот отказал (код ${code}): ${text}. Позвоните менеджеру.`;
}

/** A non-zero answer code as the error the cashier sees. */
export function serverCodeError(code: number, serverText?: string): AppError {
  return appError('server', messageForCode(code, serverText), code);
}
