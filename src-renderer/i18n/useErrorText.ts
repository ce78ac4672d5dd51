import type { AppError } from '../../src-shared/errors';
import { errorText } from './messageText';
import { useWords } from './useT';

/** An error's words in the language the manager chose: main sends a key, the screen translates it. */
export function useErrorText(): (error: AppError) => string {
  const { messages } = useWords();
  return (error) => errorText(error, messages);
}
