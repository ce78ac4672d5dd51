import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeWindows1251 } from '../../test-support/simulator/windows1251';
import { MAX_ANSWER_BYTES, parseAnswer } from './answerParser';
import type { RawAnswer } from './answerParser';

/** The vendor's table of answer codes, copied verbatim, descriptions after " - " included. */
const VENDOR_LINES = `{"code": 0} - Ошибок нет, всё в порядке.
{"code": 1, "text": "Не хватает обязательного параметра: Код магазина (fk_vendor)"}
{"code": 2, "text": "Не хватает обязательного параметра: Код клиента (fk_client)"}
{"code": 3, "text": "Не хватает обязательного параметра: Секретный ключ магазина (vendor_secret)"}
{"code": 4, "text"" "Не хватает обязательного параметра: Временный ключ QR-кода (qr_secret)"}
{"code": 5, "text": "Магазин с таким сочетанием кода и секретного ключа не найден"}
{"code": 6, "text": "Клиент не зарегистрирован в базе данных"}
{"code": 7, "text": "QR-код не зарегистрирован в базе данных"}
{"code": 8, "text": "Неверная контрольная сумма QR-кода. Перевыпустите QR-код."}
{"code": 9, "text": "QR-код устарел. Перевыпустите QR-код."}
{"code": 10} - в начислении и списании баллов не применяется.
{"code": 11, "text": "Не хватает обязательного параметра: Сумма прибавляемых бонусов (summa)"}
{"code": 12, "text": "Не хватает обязательного параметра: Сумма списываемых бонусов (summa)"}
{"code": 13, "text": "У клиента не хватает баллов для списания."}
{"code": 14} - в начислении и списании баллов не применяется.
{"code"=>15, "text"=>"Извините, на вашем счете отрицательный баланс и СкидкаБот не работает. Пополните ваш баланс на сайте http://skidkabot.ru))"`.split('\n');

const EXPECTED_TEXT: Record<number, string | undefined> = {
  1: 'Не хватает обязательного параметра: Код магазина (fk_vendor)',
  2: 'Не хватает обязательного параметра: Код клиента (fk_client)',
  3: 'Не хватает обязательного параметра: Секретный ключ магазина (vendor_secret)',
  4: 'Не хватает обязательного параметра: Временный ключ QR-кода (qr_secret)',
  5: 'Магазин с таким сочетанием кода и секретного ключа не найден',
  6: 'Клиент не зарегистрирован в базе данных',
  7: 'QR-код не зарегистрирован в базе данных',
  8: 'Неверная контрольная сумма QR-кода. Перевыпустите QR-код.',
  9: 'QR-код устарел. Перевыпустите QR-код.',
  11: 'Не хватает обязательного параметра: Сумма прибавляемых бонусов (summa)',
  12: 'Не хватает обязательного параметра: Сумма списываемых бонусов (summa)',
  13: 'У клиента не хватает баллов для списания.',
  15: 'Извините, на вашем счете отрицательный баланс и СкидкаБот не работает. Пополните ваш баланс на сайте http://skidkabot.ru))',
};

const BALANCE = '{ "code": 0, "first_name": "Иван", "last_name": "Петров", "balance": 2365, "p_plus": 2, "p_minus": 10 }';

/** `null` sends no Content-Type at all (an `undefined` would only pick the default). */
function answer(body: string | Uint8Array, status = 200, contentType: string | null = 'text/html; charset=UTF-8'): RawAnswer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return contentType === null ? { status, body: bytes } : { status, contentType, body: bytes };
}

function parsedOk(raw: RawAnswer) {
  const result = parseAnswer(raw);
  if (!result.ok) throw new Error(`expected an answer, got: ${result.error.message}`);
  return result.value;
}

function parsedError(raw: RawAnswer) {
  const result = parseAnswer(raw);
  if (result.ok) throw new Error(`expected an error, got code ${result.value.code}`);
  expect(result.error.kind).toBe('server');
  expect(result.error.code).toBeUndefined();
  return result.error.message;
}

describe('parseAnswer: the vendor document, line by line', () => {
  it.each(VENDOR_LINES.map((line, code) => [code, line] as const))('code %i', (code, line) => {
    const body = line.replace(/ - [^"{}]+$/, '');
    for (const raw of [answer(line), answer(body), answer(`${body}\n`)]) {
      const parsed = parsedOk(raw);
      expect(parsed.code).toBe(code);
      expect(parsed.text).toBe(EXPECTED_TEXT[code]);
    }
  });

  it('reads the balance answer with all its fields', () => {
    expect(parsedOk(answer(BALANCE))).toEqual({
      code: 0,
      data: { code: 0, first_name: 'Иван', last_name: 'Петров', balance: 2365, p_plus: 2, p_minus: 10 },
    });
  });

  it('reads PHP json_encode output: \\u escapes, escaped slashes, numbers as strings', () => {
    const body = '{"code":"0","first_name":"\\u0418\\u0432\\u0430\\u043d","last_name":"\\u041f\\u0435\\u0442\\u0440\\u043e\\u0432","url":"http:\\/\\/x","balance":"2375"}';
    const parsed = parsedOk(answer(body));
    expect(parsed.code).toBe(0);
    expect(parsed.data).toMatchObject({ first_name: 'Иван', last_name: 'Петров', url: 'http://x', balance: '2375' });
  });

  it('reads the code-4 line with \\u escapes in its text', () => {
    const parsed = parsedOk(answer('{"code": 4, "text"" "\\u041d\\u0435 (qr_secret)"}'));
    expect(parsed).toEqual({ code: 4, text: 'Не (qr_secret)', data: { code: 4, text: 'Не (qr_secret)' } });
  });

  it('takes nothing but code and text from a broken answer', () => {
    const parsed = parsedOk(answer('{"code": 0, "first_name": "Иван", "balance": 23'));
    expect(parsed).toEqual({ code: 0, data: { code: 0 } });
  });
});

describe('parseAnswer: what a PHP server adds around the JSON', () => {
  it('skips a PHP notice printed before the JSON', () => {
    const notice = '<br />\n<b>Notice</b>:  Undefined index: kassa in <b>/var/www/api_plus_balance.php</b> on line <b>12</b><br />\n';
    expect(parsedOk(answer(notice + BALANCE)).data.balance).toBe(2365);
  });

  it('skips a warning that itself contains braces, and output after the JSON', () => {
    const warning = 'Warning: {closure}() expects parameter 1 to be array in /var/www/x.php on line 3\n';
    const parsed = parsedOk(answer(`${warning + BALANCE}\n<!-- 0.002s -->`));
    expect(parsed.data.last_name).toBe('Петров');
  });

  it('drops a UTF-8 byte order mark', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BALANCE, 'utf8')]);
    expect(parsedOk(answer(body)).data.first_name).toBe('Иван');
  });

  it.each(['text/html; charset=windows-1251', 'application/json; charset="cp1251"', 'text/html;charset=Windows-1251'])(
    'decodes windows-1251 declared as %s',
    (contentType) => {
      const parsed = parsedOk(answer(encodeWindows1251(BALANCE), 200, contentType));
      expect(parsed.data).toMatchObject({ first_name: 'Иван', last_name: 'Петров' });
    },
  );

  it.each([null, 'text/html; charset=UTF-8', 'application/json'])('recognises undeclared windows-1251 (Content-Type %s)', (contentType) => {
    const parsed = parsedOk(answer(encodeWindows1251(VENDOR_LINES[15] ?? ''), 200, contentType));
    expect(parsed.code).toBe(15);
    expect(parsed.text).toBe(EXPECTED_TEXT[15]);
  });

  /** Bytes 0x80–0xFF as iconv-lite decoded them before Node's decoder took over (0x98, unassigned, as U+FFFD). */
  const UPPER_HALF_AS_BEFORE =
    'ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\ufffd™љ›њќћџ\u00a0ЎўЈ¤Ґ¦§Ё©Є«¬\u00ad®Ї°±Ііґµ¶·ё№є»јЅѕїАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя';

  it.each(['text/html; charset=windows-1251', 'text/html; charset=win1251', null])(
    'decodes every windows-1251 byte exactly as before (Content-Type %s)',
    (contentType) => {
      const upperHalf = Buffer.from(Array.from({ length: 0x80 }, (_, i) => 0x80 + i));
      const body = Buffer.concat([Buffer.from('{"code":0,"text":"', 'latin1'), upperHalf, Buffer.from('"}', 'latin1')]);
      expect(parsedOk(answer(body, 200, contentType)).text).toBe(UPPER_HALF_AS_BEFORE);
    },
  );

  it('decodes other declared Cyrillic code pages (KOI8-R)', () => {
    const koi8 = Buffer.concat([Buffer.from('{"code":0,"first_name":"', 'latin1'), Buffer.from([0xe9, 0xd7, 0xc1, 0xce]), Buffer.from('"}', 'latin1')]);
    expect(parsedOk(answer(koi8, 200, 'text/html; charset=KOI8-R')).data.first_name).toBe('Иван');
  });

  it('falls back to UTF-8 when the declared charset is unknown', () => {
    expect(parsedOk(answer(BALANCE, 200, 'text/html; charset=x-klingon')).data.first_name).toBe('Иван');
  });
});

describe('parseAnswer: answers that are not answers', () => {
  it.each(['', '   \r\n', '\ufeff'])('an empty body (%j)', (body) => {
    expect(parsedError(answer(body))).toMatch(/пустой ответ/);
  });

  it('an HTML error page with status 200 is a web page, its words are not the cashier’s', () => {
    const page = '<!DOCTYPE html><html><head><title>Сайт на обслуживании</title></head><body><h1>Зайдите позже</h1></body></html>';
    expect(parsedError(answer(page))).toMatch(/веб-страницу вместо ответа/);
    expect(parsedError(answer(page))).not.toContain('обслуживании');
  });

  it('an HTML page with an English heading shows no English', () => {
    expect(parsedError(answer('<html><body><h1>502 Bad Gateway</h1></body></html>'))).not.toMatch(/[A-Za-z]{3}/);
  });

  it.each([
    [500, /Сбой на сервере.*HTTP 500.*Повторите через минуту/],
    [502, /HTTP 502/],
    [404, /HTTP 404.*адрес сервера/],
    [301, /перенаправляет.*HTTP 301/],
    [403, /отклонил запрос.*HTTP 403/],
    [100, /HTTP 100/],
  ])('status %i gives a precise message, whatever the body', (status, message) => {
    expect(parsedError(answer(BALANCE, status))).toMatch(message);
  });

  it('an HTML 500 page gives the status, never the server’s English', () => {
    const page = '<html><head><title>500 Internal Server Error</title></head><body>oops</body></html>';
    const result = parseAnswer(answer(page, 500));
    expect(result).toMatchObject({ ok: false, error: { kind: 'server', key: 'http.5xx', params: { status: 500 } } });
    expect(parsedError(answer(page, 500))).toContain('(HTTP 500)');
    expect(parsedError(answer(page, 500))).not.toContain('Internal');
  });

  it.each(['[1,2,3]', '{"text": "нет кода"}', '{"code": "пять"}', '{"code": 1.5}', 'null', 'OK'])('JSON or text without a usable code: %s', (body) => {
    expect(parsedError(answer(body))).toMatch(/непонятный ответ/);
  });

  it('quotes only a short, markup-free piece of an unreadable answer', () => {
    const message = parsedError(answer(`Fatal: ${'x'.repeat(5000)}`));
    expect(message.length).toBeLessThan(250);
  });

  it('refuses a body beyond the size limit without reading it', () => {
    expect(parsedError(answer(Buffer.alloc(MAX_ANSWER_BYTES + 1, 0x20)))).toMatch(/слишком длинный/);
  });
});

describe('parseAnswer: fuzzing', () => {
  const documented = fc.constantFrom(...VENDOR_LINES, BALANCE);
  const mutated = fc
    .tuple(documented, fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ maxLength: 4 })), { maxLength: 6 }))
    .map(([line, edits]) =>
      edits.reduce((text, [at, cut, insert]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + cut);
      }, line),
    );
  const bodies = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    fc.string({ maxLength: 300, unit: 'binary' }).map((s) => Buffer.from(s, 'utf8')),
    mutated.map((s) => Buffer.from(s, 'utf8')),
    mutated.map((s) => encodeWindows1251(s)),
  );
  const contentTypes = fc.option(fc.constantFrom('text/html; charset=UTF-8', 'text/html; charset=windows-1251', 'charset=', 'charset=utf-16le', 'x'), {
    nil: undefined,
  });

  it('never throws, and always yields either a whole-number code or a server error', () => {
    fc.assert(
      fc.property(bodies, fc.integer({ min: 0, max: 999 }), contentTypes, (body, status, contentType) => {
        const result = parseAnswer(contentType === undefined ? { status, body } : { status, contentType, body });
        if (result.ok) {
          expect(Number.isSafeInteger(result.value.code)).toBe(true);
          expect(typeof result.value.data).toBe('object');
        } else {
          expect(result.error.kind).toBe('server');
          expect(result.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('mutated documented lines still give their own code when the code itself is intact', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 }), fc.string({ maxLength: 40 }), (code, tail) => {
        const line = VENDOR_LINES[code] ?? '';
        const head = line.slice(0, line.indexOf(String(code)) + String(code).length);
        const result = parseAnswer(answer(`${head},${tail.replace(/\d/g, '')}`));
        expect(result.ok && result.value.code).toBe(code);
      }),
    );
  });

  it.each([
    ['quotes and braces', '{"'.repeat(200_000)],
    ['a key followed by blanks', `{"code": 4, "text"${' '.repeat(500_000)}`],
    ['unclosed tags', '<'.repeat(500_000)],
    ['unclosed titles', '<title'.repeat(100_000)],
    ['a code line cut in every string', `{"code": 4, "text": "${'\\'.repeat(400_001)}`],
  ])('returns on a pathological megabyte: %s', (_name, body) => {
    const result = parseAnswer(answer(body));
    expect(result.ok ? result.value.code : result.error.kind).toBeDefined();
  });
});
