import { describe, expect, it } from 'vitest';
import { serverCodeError } from './answerMessages';
import { cleanServerText } from './serverText';

const CODES = Array.from({ length: 16 }, (_, code) => code);

describe('serverCodeError messages', () => {
  it.each(CODES)('code %i has a short Russian message for the cashier', (code) => {
    const message = serverCodeError(code, 'текст сервера').message;
    expect(message).toMatch(/[А-Яа-яЁё]/);
    expect(message.length).toBeLessThan(160);
    expect(message).not.toMatch(/[{}<>]/);
  });

  it.each([8, 9, 7])('code %i asks the customer to refresh the QR in the bot', (code) => {
    expect(serverCodeError(code).message).toMatch(/обновить QR-код в боте/);
  });

  it.each([5, 15])('code %i tells the cashier to call the manager', (code) => {
    expect(serverCodeError(code).message).toMatch(/Позвоните менеджеру/);
  });

  it('code 6 asks the customer to register', () => {
    expect(serverCodeError(6).message).toMatch(/зарегистрироваться в боте/);
  });

  it('code 13 says there are not enough bonuses and what to do instead', () => {
    expect(serverCodeError(13).message).toMatch(/не хватает бонусов.*Спишите меньше/);
  });

  it.each([1, 2, 3, 4, 11, 12])('code %i is a program error for support', (code) => {
    expect(serverCodeError(code).message).toMatch(/^Ошибка программы кассы.*поддержку/);
  });

  it('gives every error code its own message', () => {
    const known = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 15].map((code) => serverCodeError(code).message);
    expect(new Set(known).size).toBe(known.length);
  });

  it.each([10, 14, 16, 99, -1])('undocumented code %i shows the server text', (code) => {
    expect(serverCodeError(code, 'Лимит операций исчерпан.').message).toBe(`Скидкабот отказал (код ${code}): Лимит операций исчерпан. Позвоните менеджеру.`);
  });

  it('undocumented code without a text shows the bare code', () => {
    expect(serverCodeError(42).message).toBe('Скидкабот отказал с кодом 42. Позвоните менеджеру.');
    expect(serverCodeError(42, '  <br/> ').message).toBe('Скидкабот отказал с кодом 42. Позвоните менеджеру.');
  });

  it('strips markup and bounds the length of a server text', () => {
    const message = serverCodeError(10, `<b>Ошибка</b>\n\n${'очень '.repeat(200)}`).message;
    expect(message).not.toMatch(/<|\n/);
    expect(message.length).toBeLessThan(300);
  });
});

describe('serverCodeError', () => {
  it('keeps the vendor code on a server error', () => {
    expect(serverCodeError(9, 'QR-код устарел.')).toMatchObject({ kind: 'server', code: 9, message: serverCodeError(9).message });
  });
});

describe('cleanServerText', () => {
  it('collapses whitespace and cuts with an ellipsis', () => {
    expect(cleanServerText('  a\n\tb  ')).toBe('a b');
    expect(cleanServerText('абвгдеж', 4)).toBe('абв…');
  });
});
