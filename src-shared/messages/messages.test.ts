import { describe, expect, it } from 'vitest';
import { appError } from '../errors';
import { errorText, translate, type MessageKey } from './messages';
import { messagesEn } from './messagesEn';
import { messagesRu } from './messagesRu';

const CYRILLIC = /[\u0400-\u04ff]/;
const keys = Object.keys(messagesRu) as MessageKey[];
const PARAMS = { code: 10, text: 'Лимит', status: 500, op: 'redeem', bonuses: 21, before: 100, after: 79, seconds: 5, vendor: 9, shop: 4, max: 21, left: 2, ms: 90_000, field: 'client', problem: 'missing', type: 'Loyalty' };

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

describe('errorText', () => {
  it('translates a keyed error and keeps an untranslated one readable in English', () => {
    const keyed = { ...appError('server', 'Сбой'), key: 'http.5xx' as const, params: { status: 502 } };
    expect(errorText(keyed, 'en')).toContain('HTTP 502');
    expect(errorText(appError('journal', 'Журнал не записан'), 'ru')).toBe('Журнал не записан');
    expect(errorText(appError('journal', 'Журнал не записан'), 'en')).not.toMatch(CYRILLIC);
  });
});
