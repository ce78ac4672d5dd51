/**
 * The manager password's length rule. Main enforces it; the renderer checks it first so the
 * manager hears it before anything is sent.
 */
export const MIN_PASSWORD_LENGTH = 6;
/** The longest password the IPC contract lets the renderer send. */
export const MAX_PASSWORD_LENGTH = 256;

/** Length as a person counts it: characters after NFC, so «ё» typed either way and an emoji count as one. */
export function passwordLength(password: string): number {
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points after NFC, as stored passwords were always counted
  return [...password.normalize('NFC')].length;
}
