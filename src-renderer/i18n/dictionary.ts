import type { MessageTable } from '../../src-shared/messages/messages';
import type { Settings } from '../../src-shared/settings/settings';
import { ru, type Dictionary } from './ru';
import type { CustomerDictionary } from './ruCustomer';
import type { ManagerDictionary } from './ruManager';

export type { Dictionary };

type Language = Settings['language'];

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
export function wordsFor(language: Language): Words | null {
  return language === 'en' ? english : russian;
}

/** Words that load with the screens that show them: a customer's panels, the manager's area and the first run. */
interface Parts {
  customer: CustomerDictionary;
  manager: ManagerDictionary;
}
export type Part = keyof Parts;
export type DictionaryWith<P extends Part> = Dictionary & Parts[P];

const PART_CHUNKS: { [P in Part]: Record<Language, () => Promise<Parts[P]>> } = {
  customer: {
    ru: async () => (await import('./ruCustomer')).ruCustomer,
    en: async () => (await import('./enCustomer')).enCustomer,
  },
  manager: {
    ru: async () => (await import('./ruManager')).ruManager,
    en: async () => (await import('./enManager')).enManager,
  },
};

const loaded = new Map<string, Dictionary>();
const loads = new Map<string, Promise<Dictionary>>();

/** A part of the dictionary in a language, with the cashier's words; English falls back to Russian as the cashier's words do. */
export function loadPart<P extends Part>(part: P, language: Language): Promise<DictionaryWith<P>> {
  const key = `${part}:${language}`;
  let load = loads.get(key);
  if (load === undefined) {
    const chunks = PART_CHUNKS[part] as Record<Language, () => Promise<Parts[P]>>;
    const words = chunks[language]().catch(chunks.ru);
    load = Promise.all([language === 'en' ? loadEnglish() : Promise.resolve(russian), words]).then(
      ([base, own]) => {
        const full = { ...base.t, ...own };
        loaded.set(key, full);
        return full;
      },
      (error: unknown) => {
        // Not kept: the next ask (the boundary's retry, the screen opened again) fetches the chunk afresh.
        loads.delete(key);
        throw error;
      },
    );
    loads.set(key, load);
  }
  return load as Promise<DictionaryWith<P>>;
}

/** The part when it is at hand; null while it loads. */
export function partFor<P extends Part>(part: P, language: Language): DictionaryWith<P> | null {
  return (loaded.get(`${part}:${language}`) as DictionaryWith<P> | undefined) ?? null;
}
