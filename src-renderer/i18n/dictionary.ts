import type { Settings } from '../../src-shared/settings/settings';
import { en } from './en';
import { ru, type Dictionary } from './ru';

export type { Dictionary };

const dictionaries: Record<Settings['language'], Dictionary> = { ru, en };

export function dictionaryFor(language: Settings['language']): Dictionary {
  return dictionaries[language];
}
