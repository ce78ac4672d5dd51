import type { MessageTable } from '../../src-shared/messages/messages';
import type { Settings } from '../../src-shared/settings/settings';
import { ru, type Dictionary } from './ru';

export type { Dictionary };

/**
 * The words of one language: the screen's dictionary and the table that translates what main sends
 * by key. Russian needs no table: main writes each message's Russian words from its key already.
 */
export interface Words {
  t: Dictionary;
  messages: MessageTable | null;
}

const russian: Words = { t: ru, messages: null };
let english: Words | null = null;
let englishLoad: Promise<Words> | null = null;

/**
 * English is fetched the first time a screen asks for it: a Russian till never loads it. A chunk
 * that cannot load (a damaged install) leaves the screens in Russian rather than blank.
 */
export function loadEnglish(): Promise<Words> {
  englishLoad ??= import('./en').then(
    (module) => (english = { t: module.en, messages: module.messagesEn }),
    () => russian,
  );
  return englishLoad;
}

/** The words when they are at hand; null while English has not loaded yet. */
export function wordsFor(language: Settings['language']): Words | null {
  return language === 'en' ? english : russian;
}
