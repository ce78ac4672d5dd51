import { describe, expect, it } from 'vitest';
import { appError, codedError } from '../../src-shared/errors';
import { checkoutError } from '../../src-shared/messages/checkoutMessages';
import { messagesEn } from '../../src-shared/messages/messagesEn';
import { errorText, keyedText } from './messageText';

const CYRILLIC = /[\u0400-\u04ff]/;

describe('errorText', () => {
  it('translates a keyed error and keeps an untranslated one readable in English', () => {
    const keyed = { ...appError('server', 'Сбой'), key: 'http.5xx' as const, params: { status: 502 } };
    expect(errorText(keyed, messagesEn)).toContain('HTTP 502');
    expect(errorText(appError('journal', 'Журнал не записан'), null)).toBe('Журнал не записан');
    expect(errorText(appError('journal', 'Журнал не записан'), messagesEn)).not.toMatch(CYRILLIC);
  });

  it('shows in Russian the words main wrote from the key, so Russian needs no table', () => {
    const error = codedError('journal', 'journal.intentNotWritten', { cause: 'full' });
    expect(errorText(error, null)).toBe(error.message);
    expect(errorText(error, messagesEn)).toContain('(the disk is full: free some space)');
  });

  it('reads the till’s own checks in both languages', () => {
    const error = checkoutError('redeem.range', { max: 21 });
    expect(errorText(error, null)).toContain('до 21 бонуса');
    expect(errorText(error, messagesEn)).toBe('Redeem from 1 to 21 bonuses, a whole number. Correct the amount to redeem.');
  });

  it('never runs a key the table does not hold, such as one sent by a newer main', () => {
    const odd = { ...appError('scan', 'Непонятно'), key: 'no.such.key' as never };
    expect(errorText(odd, messagesEn)).toBe("The QR code could not be read. Scan the customer's QR code again.");
    expect(errorText({ ...odd, key: '__proto__' as never }, messagesEn)).not.toMatch(CYRILLIC);
  });
});

describe('keyedText', () => {
  it('translates a keyed status line and keeps an unkeyed one as written', () => {
    expect(keyedText({ message: 'Обновлений нет', key: 'http.5xx', params: { status: 503 } }, messagesEn)).toContain('HTTP 503');
    expect(keyedText({ message: 'Обновлений нет', key: 'http.5xx', params: { status: 503 } }, null)).toBe('Обновлений нет');
    expect(keyedText({ message: 'Свободный текст' }, messagesEn)).toBe('Свободный текст');
  });
});
