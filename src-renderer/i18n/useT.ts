import { useKassa } from '../store/StoreContext';
import { dictionaryFor, type Dictionary } from './dictionary';

/** The dictionary of the language the manager chose; Russian until main has answered. */
export function useT(): Dictionary {
  return dictionaryFor(useKassa((state) => state.app?.language ?? 'ru'));
}
