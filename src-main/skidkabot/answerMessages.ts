import { appError } from '../../src-shared/errors';
import type { AppError } from '../../src-shared/errors';
import { cleanServerText } from './serverText';

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

const RETRY_OR_MANAGER = 'Повторите; если не проходит — позвоните менеджеру.';

/**
 * Answers with code 0 whose figures cannot be right, by stable code. A balance is a whole number of
 * bonuses and the percentages are between 0 and 100; anything else is refused here, at the edge,
 * so no later check ever shows the cashier a validator's English.
 */
export const MALFORMED_ANSWER = {
  'answer.balance-missing': () => `Сервер Скидкабота прислал неполный ответ: нет баланса клиента. ${RETRY_OR_MANAGER}`,
  'answer.balance-not-whole': (reported: string) =>
    `Сервер Скидкабота прислал баланс клиента «${reported}», а баланс — целое число бонусов. ${RETRY_OR_MANAGER}`,
  'answer.percent-out-of-range': (reported: string) =>
    `Сервер Скидкабота прислал процент начисления или списания «${reported}», а он должен быть от 0 до 100. ${RETRY_OR_MANAGER}`,
} as const;
