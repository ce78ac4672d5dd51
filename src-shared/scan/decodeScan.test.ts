import { describe, expect, it } from 'vitest';
import { checkVendor, decodeScan, MAX_SCAN_LENGTH, settleReadings } from './decodeScan';
import { fieldMessage, otherTypeMessage, qrErrorMessage, SCAN_MESSAGES, DEPTH, type Interpretation } from './interpretReading';

const JSON_SCAN = '{"type":"Skidkabot","vendor":4,"client":83532824,"secret":31766}';
const PAYLOAD = { vendor: 4, client: 83532824, secret: 31766 };

describe('decodeScan accepts', () => {
  it.each([
    ['plain JSON', JSON_SCAN],
    ['JSON with spaces and line breaks', '{ "type": "Skidkabot",\n  "vendor": 4,\n  "client": 83532824,\n  "secret": 31766 }'],
    ['CR suffix', `${JSON_SCAN}\r`],
    ['LF suffix', `${JSON_SCAN}\n`],
    ['CR/LF suffix', `${JSON_SCAN}\r\n`],
    ['Tab suffix', `${JSON_SCAN}\t`],
    ['leading and trailing spaces', `   ${JSON_SCAN}   `],
    ['UTF-8 BOM and STX/ETX framing', `\uFEFF\u0002${JSON_SCAN}\u0003`],
    ['AIM prefix ]Q1', `]Q1${JSON_SCAN}\r\n`],
    ['AIM prefix ]Q3 after a blank', ` ]Q3${JSON_SCAN}`],
    ['keys in another order', '{"secret":31766,"client":83532824,"type":"Skidkabot","vendor":4}'],
    ['an extra field', '{"type":"Skidkabot","vendor":4,"client":83532824,"secret":31766,"v":2}'],
    ['US-set scanner on the Russian layout (issue text)', 'ХЭензуЭЖЭЫлшвлфищеЭбЭмутвщкЭЖ4бЭсдшутеЭЖ83532824бЭыускуеЭЖ31766Ъ'],
    ['UK-set scanner on the Russian layout (issue text)', 'Х"ензу"Ж"Ылшвлфище"б"мутвщк"Ж4б"сдшуте"Ж83532824б"ыускуе"Ж31766Ъ'],
    ['Russian layout with AIM prefix and Enter', 'ъЙ1ХЭензуЭЖЭЫлшвлфищеЭбЭмутвщкЭЖ4бЭсдшутеЭЖ83532824бЭыускуеЭЖ31766Ъ\r\n'],
    ['Caps Lock on the US layout', '{"TYPE":"sKIDKABOT","VENDOR":4,"CLIENT":83532824,"SECRET":31766}'],
    ['Caps Lock on the US layout with AIM prefix', ']q1{"TYPE":"sKIDKABOT","VENDOR":4,"CLIENT":83532824,"SECRET":31766}'],
    ['Caps Lock on the Russian layout', 'хэЕНЗУэжэыЛШВЛФИЩЕэБэМУТВЩКэж4БэСДШУТЕэж83532824БэЫУСКУЕэж31766ъ'],
    ['Caps Lock, Russian layout, UK-set scanner', 'х"ЕНЗУ"ж"ыЛШВЛФИЩЕ"Б"МУТВЩК"ж4Б"СДШУТЕ"ж83532824Б"ЫУСКУЕ"ж31766ъ'],
    ['UK-set scanner on the US layout', '{@type@:@Skidkabot@,@vendor@:4,@client@:83532824,@secret@:31766}'],
  ])('%s', (_name, scan) => {
    expect(decodeScan(scan)).toEqual({ ok: true, value: PAYLOAD });
  });

  it('takes zero and the largest safe integers', () => {
    const big = Number.MAX_SAFE_INTEGER;
    expect(decodeScan(`{"type":"Skidkabot","vendor":0,"client":${big},"secret":-0}`)).toEqual({
      ok: true,
      value: { vendor: 0, client: big, secret: 0 },
    });
  });
});

describe('decodeScan rejects', () => {
  const vendorScan = (vendor: string): string => `{"type":"Skidkabot","vendor":${vendor},"client":83532824,"secret":31766}`;
  const cases: [string, string, string][] = [
    ['empty text', '', SCAN_MESSAGES.empty],
    ['blanks and Enter only', '  \r\n\t', SCAN_MESSAGES.empty],
    ['an AIM prefix with no data', ']Q1\r\n', SCAN_MESSAGES.empty],
    ['EAN-13 product barcode', '4607001771562', SCAN_MESSAGES.productBarcode],
    ['EAN-13 with AIM prefix and Enter', ']E04607001771562\r\n', SCAN_MESSAGES.productBarcode],
    ['EAN-8', '46009333', SCAN_MESSAGES.productBarcode],
    ['EAN-13 typed on the Russian layout with AIM prefix', 'ъУ04607001771562', SCAN_MESSAGES.productBarcode],
    ['Честный знак marking code', ']d2010460700177156221Nk3iH7qyTq.W\u001d91EE06\u001d92ab12', SCAN_MESSAGES.markingCode],
    ['https URL', 'https://skidkabot.ru/', SCAN_MESSAGES.url],
    ['Telegram link with AIM prefix', ']Q1https://t.me/Skidkabotmymagbot', SCAN_MESSAGES.url],
    ['www address', 'www.skidkabot.ru', SCAN_MESSAGES.url],
    ['URL typed on the Russian layout', 'реезыЖ..ылшвлфищеюкг.', SCAN_MESSAGES.url],
    ['plain words', 'hello world', SCAN_MESSAGES.unreadable],
    ['Russian words', 'Привет, мир', SCAN_MESSAGES.unreadable],
    ['truncated JSON', '{"type":"Skidkabot","vendor":4,"cli', SCAN_MESSAGES.unreadable],
    ['a JSON array', '[4,83532824,31766]', SCAN_MESSAGES.notAnObject],
    ['a JSON string', '"Skidkabot"', SCAN_MESSAGES.notAnObject],
    ['a decimal number', '12.50', SCAN_MESSAGES.notAnObject],
    ['JSON null', 'null', SCAN_MESSAGES.notAnObject],
    ['JSON with no type', '{"vendor":4,"client":83532824,"secret":31766}', SCAN_MESSAGES.noType],
    ['another service', '{"type":"Loyalty","vendor":4,"client":83532824,"secret":31766}', otherTypeMessage('Loyalty')],
    ['type in lower case', '{"type":"skidkabot","vendor":4,"client":83532824,"secret":31766}', otherTypeMessage('skidkabot')],
    ['type not a string', '{"type":7,"vendor":4,"client":83532824,"secret":31766}', otherTypeMessage(7)],
    ['vendor missing', '{"type":"Skidkabot","client":83532824,"secret":31766}', fieldMessage('vendor', 'missing')],
    ['vendor null', vendorScan('null'), fieldMessage('vendor', 'missing')],
    ['vendor as a string', vendorScan('"4"'), fieldMessage('vendor', 'notInteger')],
    ['vendor fractional', vendorScan('4.5'), fieldMessage('vendor', 'notInteger')],
    ['vendor negative', vendorScan('-4'), fieldMessage('vendor', 'negative')],
    ['vendor unsafe integer', vendorScan('9007199254740993'), fieldMessage('vendor', 'tooLarge')],
    ['vendor overflowing to Infinity', vendorScan('1e400'), fieldMessage('vendor', 'tooLarge')],
    ['client missing', '{"type":"Skidkabot","vendor":4,"secret":31766}', fieldMessage('client', 'missing')],
    ['client negative', '{"type":"Skidkabot","vendor":4,"client":-1,"secret":31766}', fieldMessage('client', 'negative')],
    ['secret missing', '{"type":"Skidkabot","vendor":4,"client":83532824}', fieldMessage('secret', 'missing')],
    ['secret fractional', '{"type":"Skidkabot","vendor":4,"client":83532824,"secret":31766.1}', fieldMessage('secret', 'notInteger')],
    ['secret an object', '{"type":"Skidkabot","vendor":4,"client":83532824,"secret":{}}', fieldMessage('secret', 'notInteger')],
    [
      'negative vendor typed on the Russian layout',
      'ХЭензуЭЖЭЫлшвлфищеЭбЭмутвщкЭЖ-4бЭсдшутеЭЖ83532824бЭыускуеЭЖ31766Ъ',
      fieldMessage('vendor', 'negative'),
    ],
    ['one character over the cap', ' '.repeat(MAX_SCAN_LENGTH + 1), SCAN_MESSAGES.tooLong],
    ['a megabyte', 'x'.repeat(1 << 20), SCAN_MESSAGES.tooLong],
    ['deep nesting at the cap', '['.repeat(MAX_SCAN_LENGTH), SCAN_MESSAGES.unreadable],
  ];

  it.each(cases)('%s', (_name, scan, message) => {
    expect(decodeScan(scan)).toMatchObject({ ok: false, error: { kind: 'scan', message } });
  });

  it('gives every reason its own message', () => {
    const fields = ['vendor', 'client', 'secret'] as const;
    const problems = ['missing', 'notInteger', 'negative', 'tooLarge'] as const;
    const messages = [
      ...Object.values(SCAN_MESSAGES),
      otherTypeMessage('Loyalty'),
      ...fields.flatMap((field) => problems.map((problem) => fieldMessage(field, problem))),
    ];
    expect(new Set(messages).size).toBe(messages.length);
  });
});

describe('an error object in the QR', () => {
  it('shows its text and keeps its code', () => {
    const result = decodeScan('{"code":9,"text":"QR-код устарел. Перевыпустите QR-код."}\r\n');
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'scan', code: 9, message: qrErrorMessage(9, 'QR-код устарел. Перевыпустите QR-код.') },
    });
    expect(qrErrorMessage(9, 'QR-код устарел.')).toContain('«QR-код устарел.»');
  });

  it('shows the bare code when there is no text', () => {
    expect(decodeScan('{"code":7}')).toMatchObject({ ok: false, error: { kind: 'scan', code: 7, message: qrErrorMessage(7, undefined) } });
  });

  it('is recognised when typed on the Russian layout too', () => {
    const result = decodeScan('ХЭсщвуЭЖ8бЭеучеЭЖЭЩщзыЭЪ');
    expect(result).toMatchObject({ ok: false, error: { kind: 'scan', code: 8, message: qrErrorMessage(8, 'Oops') } });
  });
});

describe('settleReadings', () => {
  const payload = (vendor: number): Interpretation => ({ kind: 'payload', payload: { vendor, client: 1, secret: 2 } });
  const rejected = (depth: 0 | 1 | 2 | 3, message: string): Interpretation => ({
    kind: 'rejected',
    depth,
    error: { kind: 'scan', message },
  });

  it('refuses two readings that prove different payloads', () => {
    expect(settleReadings([payload(4), payload(5)])).toMatchObject({
      ok: false,
      error: { kind: 'scan', message: SCAN_MESSAGES.ambiguous },
    });
  });

  it('accepts two readings that agree', () => {
    expect(settleReadings([payload(4), rejected(DEPTH.unknown, 'x'), payload(4)])).toEqual({
      ok: true,
      value: { vendor: 4, client: 1, secret: 2 },
    });
  });

  it('explains with the reading that got furthest, the first one on a tie', () => {
    const readings = [rejected(DEPTH.unknown, 'a'), rejected(DEPTH.otherJson, 'b'), rejected(DEPTH.otherJson, 'c')];
    expect(settleReadings(readings)).toMatchObject({ ok: false, error: { kind: 'scan', message: 'b' } });
  });
});

describe('checkVendor', () => {
  it('passes the shop’s own QR', () => {
    expect(checkVendor(PAYLOAD, 4)).toBeNull();
  });

  it('says plainly that another shop’s QR is another shop’s, with both codes', () => {
    const error = checkVendor(PAYLOAD, 17);
    expect(error?.kind).toBe('vendor');
    expect(error?.message).toMatch(/другого магазина/);
    expect(error?.message).toContain('4');
    expect(error?.message).toContain('17');
  });
});
