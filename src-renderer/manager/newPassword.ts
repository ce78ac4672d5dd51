import { MAX_PASSWORD_LENGTH as MAX_LENGTH, MIN_PASSWORD_LENGTH as MIN_LENGTH, passwordLength } from '../../src-shared/manager/password';

/** Keys into the dictionary's `firstRun` messages. */
export type PasswordProblem = 'passwordTooShort' | 'passwordTooLong' | 'passwordMismatch';

export function checkNewPassword(password: string, repeat: string): PasswordProblem | null {
  if (passwordLength(password) < MIN_LENGTH) return 'passwordTooShort';
  if (passwordLength(password) > MAX_LENGTH) return 'passwordTooLong';
  if (password !== repeat) return 'passwordMismatch';
  return null;
}
