import type { AppError } from '../../src-shared/errors';
import { errorText } from '../../src-shared/messages/messages';
import { useKassa } from '../store/StoreContext';

/** An error's words in the language the manager chose: main sends a key, the screen translates it. */
export function useErrorText(): (error: AppError) => string {
  const language = useKassa((state) => state.app?.language ?? 'ru');
  return (error) => errorText(error, language);
}
