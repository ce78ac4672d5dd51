import type { AppError } from '../../src-shared/errors';
import type { MessageKey, MessageParams, MessageTable } from '../../src-shared/messages/messages';

/**
 * Generic English words for a message main still writes only in Russian: an English screen shows
 * what kind of trouble it is rather than Cyrillic the cashier cannot read.
 */
const UNTRANSLATED_EN: Record<AppError['kind'], string> = {
  scan: "The QR code could not be read. Scan the customer's QR code again.",
  vendor: "This is another shop's QR code. Ask the customer to open your shop's QR code in the bot.",
  server: 'The Skidkabot server refused. Try again; if it still fails, call the manager.',
  network: 'No connection to the Skidkabot server. Check the internet and try again.',
  'outcome-unknown': 'Unknown whether the operation went through. Do not repeat it: call the manager.',
  config: 'The till settings need attention. Call the manager.',
  input: 'This value cannot be used. Check it and try again.',
  auth: 'Manager sign-in refused.',
  journal: 'The operations journal has a problem. Call the manager.',
  internal: 'The till program failed. Restart it; if it happens again, call support.',
};

interface Keyed {
  message: string;
  key?: MessageKey | undefined;
  params?: MessageParams | undefined;
}

/** The key's words from `table`; null when there is no table (Russian: `message` is those words) or the key is not in it. */
function fromTable(text: Keyed, table: MessageTable | null): string | null {
  if (table === null || text.key === undefined || !Object.hasOwn(table, text.key)) return null;
  return table[text.key](text.params ?? {});
}

/** A status line main sends with its key (an update check, an install verdict): translated when keyed, else as written. */
export function keyedText(text: Keyed, table: MessageTable | null): string {
  return fromTable(text, table) ?? text.message;
}

/** The words of an error in the screen's language: from its key when it has one, else its Russian text. */
export function errorText(error: AppError, table: MessageTable | null): string {
  return fromTable(error, table) ?? (table === null ? error.message : UNTRANSLATED_EN[error.kind]);
}
