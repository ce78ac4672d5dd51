import type { Settings } from '../../src-shared/settings/settings';
import { ru, type Dictionary } from './ru';

export type { Dictionary };

let english: Dictionary | null = null;
let englishLoad: Promise<Dictionary> | null = null;

/**
 * English is fetched the first time a screen asks for it: a Russian till never loads it. A chunk
 * that cannot load (a damaged install) leaves the screens in Russian rather than blank.
 */
export function loadEnglish(): Promise<Dictionary> {
  englishLoad ??= import('./en').then(
    (module) => (english = module.en),
    () => ru,
  );
  return englishLoad;
}

/** The dictionary when it is at hand; null while English has not loaded yet. */
export function dictionaryFor(language: Settings['language']): Dictionary | null {
  return language === 'en' ? english : ru;
}
