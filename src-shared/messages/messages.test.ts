import { describe, expect, it } from 'vitest';
import { codedError } from '../errors';
import { checkoutError, checkoutRu, type CheckoutMessageKey } from './checkoutMessages';
import { registerEnglish, translate, type MessageKey } from './messages';
import { messagesEn } from './messagesEn';
import { messagesRu } from './messagesRu';

registerEnglish(messagesEn);

const CYRILLIC = /[\u0400-\u04ff]/;
const keys = Object.keys(messagesRu) as MessageKey[];
const PARAMS = { month: '2025-03', count: 3, file: '/data/x.jsonl', dir: '/data', id: '20250314-2-abc', time: '12:30', version: '1.5.0', option: '--bonuses', value: 'abc', env: 'SKIDKABOT_SHOP', port: 8080, pid: 42, detail: 'EIO', min: 6, line: 3, name: 'torn.txt', aside: 'settings.json.damaged', path: '/v1/x', method: 'PUT', kib: 64, word: 'frob', balance: 3, reported: '1.5', via: 'http://proxy:3128', code: 10, text: 'Лимит', status: 500, op: 'redeem', bonuses: 21, before: 100, after: 79, seconds: 5, vendor: 9, shop: 4, max: 21, left: 2, ms: 90_000, field: 'client', problem: 'missing', type: 'Loyalty' };

describe('message dictionaries', () => {
  it('have the same keys in Russian and English', () => {
    expect(Object.keys(messagesEn).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('%s reads in Russian, and in English without Cyrillic', (key) => {
    const ru = translate(key, PARAMS, 'ru');
    const en = translate(key, PARAMS, 'en');
    expect(ru).toMatch(CYRILLIC);
    expect(en).not.toMatch(CYRILLIC);
    expect(en.trim()).not.toBe('');
  });

  // Every word a parameter can choose, in both languages: a variant missed in English would show Cyrillic or nothing.
  const VARIANTS: readonly (readonly [MessageKey, Record<string, string | number>])[] = [
    ...['unreadable', 'full', 'noAccess', 'readOnly', 'noFolder', 'io'].map((cause) => ['journal.intentNotWritten', { cause }] as const),
    ['journal.intentNotWritten', { cause: 'errno', errno: 'EMFILE' }],
    ...['folder', 'index', 'outcome', 'resolution', 'tornTail'].map((what) => ['journal.recordNotWritten', { what, month: '2025-03', cause: 'full' }] as const),
    ...['operation', 'operations'].map((sending) => ['journal.lockNotWritten', { dir: '/data/journal', sending, cause: 'readOnly' }] as const),
    ...([{ holder: 'new' }, { holder: 'app', pid: 42 }, { holder: 'cli', pid: 43 }] as Record<string, string | number>[]).flatMap((holder) => [
      ['journal.heldByOther', holder] as const,
      ['journal.heldByOtherCli', holder] as const,
    ]),
    ...['full', 'noAccess', 'noFolder', 'errno'].map((cause) => ['journal.exportFailed', { file: 'out.csv', cause, errno: 'EBUSY' }] as const),
    ...['accrue', 'redeem'].flatMap((kind) => [
      ['journal.blockedByUnknown', { kind, bonuses: 21, time: '12:30' }] as const,
      ['journal.duplicate', { kind, bonuses: 1, time: '12:30' }] as const,
      ['cli.duplicate', { kind, bonuses: 2, time: '12:30' }] as const,
    ]),
    ...['notJson', 'notObject', 'badValue'].map((why) => ['settings.damagedAside', { why, fields: 'rules.percent', aside: 'settings.json.damaged' }] as const),
    ['settings.noShopCode', { env: 'SKIDKABOT_SHOP', damaged: 'settings.damagedAside', why: 'notJson', aside: 'x.damaged' }],
    ['settings.badValue', { fields: '' }],
    ['password.writeFailed', {}],
    ...['missing', 'folder', 'unreadable'].map((why) => ['scanner.dumpUnreadable', { file: 'dump.txt', why }] as const),
    ['localApi.badRequest', { field: 'qr', extra: 'foo, bar' }],
    ['localApi.badRequest', {}],
    ['cli.extraArgument', { value: 'x', quote: 1, help: 'decode' }],
    ['cli.unknownCommand', { name: 'frob', commands: 1 }],
    ['internal.unexpected', { detail: 'boom', support: 1 }],
  ];

  it.each(VARIANTS)('%s with %j reads fully in both languages', (key, params) => {
    for (const language of ['ru', 'en'] as const) {
      const text = translate(key, params, language);
      expect(text).not.toMatch(/undefined|NaN|\[object|\(\)|\s\./);
      if (language === 'en') expect(text).not.toMatch(CYRILLIC);
    }
  });

  it('name the disk cause, the holder and the month where main gave them', () => {
    expect(translate('journal.intentNotWritten', { cause: 'full' })).toBe('Журнал операций не записан, операция НЕ отправлена (диск заполнен: освободите место). Затем повторите.');
    expect(translate('journal.intentNotWritten', { cause: 'full' }, 'en')).toContain('(the disk is full: free some space)');
    expect(translate('journal.intentNotWritten', { cause: 'errno', errno: 'EMFILE' }, 'en')).toContain('disk error EMFILE');
    expect(translate('journal.recordNotWritten', { what: 'tornTail', month: '2025-03', cause: 'io' }, 'en')).toContain('for 2025-03');
    expect(translate('journal.heldByOther', { holder: 'cli', pid: 7 }, 'en')).toContain('skidkabot-kassa command in a terminal (process 7)');
  });

  it('take Russian and English plurals for counts main sends', () => {
    expect(translate('password.tooShort', { min: 6 })).toContain('не меньше 6 символов');
    expect(translate('password.tooShort', { min: 1 }, 'en')).toContain('at least 1 character.');
    expect(translate('journal.blockedByUnknown', { kind: 'redeem', bonuses: 21, time: '10:00' })).toContain('списание 21 бонус от 10:00');
    expect(translate('journal.blockedByUnknown', { kind: 'accrue', bonuses: 1, time: '10:00' }, 'en')).toContain('an accrual of 1 bonus at 10:00');
    expect(translate('journal.orphans', { month: '2025-03', count: 1 }, 'en')).toContain('1 record without');
    expect(translate('journal.badLines', { month: '2025-03', count: 3, lines: '1, 2, 3' }, 'en')).toContain('3 damaged lines skipped');
  });

  it('spell the brand the vendor’s way only', () => {
    for (const key of keys) expect(translate(key, PARAMS, 'ru')).not.toMatch(/СкидкаБот|Скидкабот[аеуо]/);
  });

  it('take plurals from the language rules', () => {
    expect(translate('redeem.range', { max: 21 }, 'ru')).toContain('до 21 бонуса');
    expect(translate('redeem.range', { max: 5 }, 'ru')).toContain('до 5 бонусов');
    expect(translate('redeem.range', { max: 1 }, 'en')).toContain('to 1 bonus,');
    expect(translate('redeem.range', { max: 2 }, 'en')).toContain('to 2 bonuses');
  });
});

describe('the till’s own checks', () => {
  it('write the same Russian words as the whole table and translate with it', () => {
    for (const key of Object.keys(checkoutRu) as CheckoutMessageKey[]) {
      const error = checkoutError(key, { max: 21 });
      expect(error.message).toBe(translate(key, { max: 21 }));
      expect(error).toEqual(codedError('input', key, { max: 21 }));
    }
  });
});
