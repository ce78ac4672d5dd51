import { use } from 'react';
import { useKassa } from '../store/StoreContext';
import { loadEnglish, wordsFor, type Dictionary, type Words } from './dictionary';

/**
 * The words of the language the manager chose; Russian until main has answered. The first English
 * render suspends (the Suspense around the app) until the English chunk has loaded, so no screen
 * shows Russian words, or an English error in the generic sentence, on an English till.
 */
export function useWords(): Words {
  return wordsFor(useKassa((state) => state.app?.language ?? 'ru')) ?? use(loadEnglish());
}

export function useT(): Dictionary {
  return useWords().t;
}
