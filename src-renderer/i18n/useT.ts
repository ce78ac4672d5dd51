import { use } from 'react';
import { useKassa } from '../store/StoreContext';
import { loadEnglish, loadPart, partFor, wordsFor, type Dictionary, type DictionaryWith, type Part, type Words } from './dictionary';

function useLanguage() {
  return useKassa((state) => state.app?.language ?? 'ru');
}

/**
 * The words of the language the manager chose; Russian until main has answered. The first English
 * render suspends (the Suspense around the app) until the English chunk has loaded, so no screen
 * shows Russian words, or an English error in the generic sentence, on an English till.
 */
export function useWords(): Words {
  return wordsFor(useLanguage()) ?? use(loadEnglish());
}

/** The words of the idle till, its status line and its errors. */
export function useT(): Dictionary {
  return useWords().t;
}

function usePart<P extends Part>(part: P): DictionaryWith<P> {
  const language = useLanguage();
  return partFor(part, language) ?? use(loadPart(part, language));
}

/** With a customer's words: the first render suspends while they load. */
export function useCustomerT(): DictionaryWith<'customer'> {
  return usePart('customer');
}

/** With the manager's area's words: the first render suspends while they load. */
export function useManagerT(): DictionaryWith<'manager'> {
  return usePart('manager');
}
