import type { Settings } from '../settings/settings';
import { messagesRu } from './messagesRu';
import type { MessageParams } from './messageTypes';

export type { MessageParams };
export type MessageKey = keyof typeof messagesRu;
export type Language = Settings['language'];

/** Every message in one language. */
export type MessageTable = Readonly<Record<MessageKey, (p: MessageParams) => string>>;

let english: MessageTable | null = null;

/**
 * English is registered by the edge that speaks it: the CLI at start (cli/render.ts). main's app
 * writes Russian only (the renderer translates keys with the English table of its own lazy chunk),
 * so it never loads English. Unregistered, English falls back to the Russian words.
 */
export function registerEnglish(table: MessageTable): void {
  english = table;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messagesRu, key);
}

export function translate(key: MessageKey, params: MessageParams = {}, language: Language = 'ru'): string {
  return (language === 'en' && english !== null ? english : messagesRu)[key](params);
}
