import type { Settings } from '../settings/settings';
import { messagesEn } from './messagesEn';
import { messagesRu } from './messagesRu';
import type { MessageParams } from './messageTypes';

export type { MessageParams };
export type MessageKey = keyof typeof messagesRu;
export type Language = Settings['language'];

/** Every message in one language; the renderer holds only English, loaded when a till switches to it. */
export type MessageTable = Readonly<Record<MessageKey, (p: MessageParams) => string>>;

const tables: Record<Language, MessageTable> = { ru: messagesRu, en: messagesEn };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messagesRu, key);
}

export function translate(key: MessageKey, params: MessageParams = {}, language: Language = 'ru'): string {
  return tables[language][key](params);
}
