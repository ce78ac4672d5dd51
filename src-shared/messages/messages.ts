import type { Settings } from '../settings/settings';
import type { AppError } from '../errors';
import { messagesEn } from './messagesEn';
import { messagesRu } from './messagesRu';
import type { MessageParams } from './messageTypes';

export type { MessageParams };
export type MessageKey = keyof typeof messagesRu;
export type Language = Settings['language'];

const tables: Record<Language, Readonly<Record<MessageKey, (p: MessageParams) => string>>> = { ru: messagesRu, en: messagesEn };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messagesRu, key);
}

export function translate(key: MessageKey, params: MessageParams = {}, language: Language = 'ru'): string {
  return tables[language][key](params);
}

/**
 * Generic English words for a message main still writes only in Russian: an English screen shows
 * what kind of trouble it is rather than Cyrillic the cashier cannot read.
 */
const UNTRANSLATED_EN: Record<AppError['kind'], string> = {
  scan: "The QR code could not be read. Scan the customer's QR code again.",
  vendor: "This is another shop's QR code. Ask the customer to open your shop's QR code in the bot.",
  server: 'The Skidkabot server refused. Try again; if it still fails, call the manager.',
  network: 'No connection to the Skidkabot server. Check the internet and try again.',
  'outcome-unknown': 'Unknown whether the operation went through. Do not repeat it: call the manager.',
  config: 'The till settings need attention. Call the manager.',
  input: 'This value cannot be used. Check it and try again.',
  auth: 'Manager sign-in refused.',
  journal: 'The operations journal has a problem. Call the manager.',
  internal: 'The till program failed. Restart it; if it happens again, call support.',
};

/** A status line main sends with its key (an update check, an install verdict): translated when keyed, else as written. */
export function keyedText(text: { message: string; key?: MessageKey | undefined; params?: MessageParams | undefined }, language: Language): string {
  return text.key !== undefined && isMessageKey(text.key) ? translate(text.key, text.params, language) : text.message;
}

/** The words of an error in the screen's language: from its key when it has one, else its Russian text. */
export function errorText(error: AppError, language: Language): string {
  if (error.key !== undefined && isMessageKey(error.key)) return translate(error.key, error.params, language);
  return language === 'ru' ? error.message : UNTRANSLATED_EN[error.kind];
}
