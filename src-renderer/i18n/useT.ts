import { use } from 'react';
import { useKassa } from '../store/StoreContext';
import { dictionaryFor, loadEnglish, type Dictionary } from './dictionary';

/**
 * The dictionary of the language the manager chose; Russian until main has answered. The first
 * English render suspends (the Suspense around the app) until the English chunk has loaded, so no
 * screen shows Russian words on an English till.
 */
export function useT(): Dictionary {
  return dictionaryFor(useKassa((state) => state.app?.language ?? 'ru')) ?? use(loadEnglish());
}
