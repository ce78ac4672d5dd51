/** Keys into the dictionary's `firstRun` messages. */
export type PasswordProblem = 'passwordTooShort' | 'passwordTooLong' | 'passwordMismatch';

/** Main's rule (passwordGuard); checked here too so the manager hears it before anything is sent. */
const MIN_LENGTH = 6;
/** The contract's limit for what the renderer may send. */
const MAX_LENGTH = 256;

export function checkNewPassword(password: string, repeat: string): PasswordProblem | null {
  if (password.length < MIN_LENGTH) return 'passwordTooShort';
  if (password.length > MAX_LENGTH) return 'passwordTooLong';
  if (password !== repeat) return 'passwordMismatch';
  return null;
}
