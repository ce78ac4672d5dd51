import type { Dictionary } from './ru';
import { pluralEn } from '../../src-shared/format/plural';
import { formatInteger as int } from './format';

// main's keyed messages come in the same chunk: an English screen never shows an error before its words.
export { messagesEn } from '../../src-shared/messages/messagesEn';

const bonuses = (n: number) => `${int(n, 'en')} ${pluralEn(n, 'bonus', 'bonuses')}`;

export const en: Dictionary = {
  appTitle: 'Skidkabot Kassa',
  bonuses,
  number: (n) => int(n, 'en'),
  bridgeMissing: 'The app started without its core. Restart Skidkabot Kassa.',
  loading: 'Loading…',
  partFailed: 'Part of the program did not load. Press “Retry”; if that does not help, reinstall Skidkabot Kassa.',
  partRetry: 'Retry',
  status: {
    shop: (code) => (code === null ? 'No shop set' : `Shop ${code}`),
    kassa: (n) => `Till ${n}`,
    scanner: 'Scanner',
    scannerState: { ready: 'ready', searching: 'looking for scanner', error: 'error' },
    server: 'Server',
    serverState: { unknown: 'no requests yet', pending: 'waiting for the answer', ok: 'connected', error: 'error' },
    at: (time) => `at ${time}`,
    demo: 'DEMO MODE · built-in simulator, bonuses are not real',
    manager: 'Manager',
    openManager: 'Manager · F10',
  },
  cashier: {
    idleTitle: "Scan the customer's QR code",
    idleHint: 'The customer opens the Skidkabot bot and shows the QR code.',
    pasteHint: 'You can paste the QR text: Ctrl+V',
  },
  waiting: {
    title: {
      balance: "Asking the Skidkabot server for the customer's name and balance…",
      accrue: 'Sending the accrual to the Skidkabot server…',
      redeem: 'Sending the redemption to the Skidkabot server…',
    },
    seconds: (n) => `${n} s`,
    cancel: 'cancel the request: nothing changes on the server',
    cannotCancel:
      "Cannot be cancelled: the operation has been sent, and only the server's answer tells whether it went through. If no answer comes, the till checks the balance itself.",
  },
  errors: {
    category: {
      customer: { title: 'The customer must show another QR code', next: "Ask the customer to open a fresh QR code of your shop in the bot." },
      cashier: { title: 'Fix it at the till', next: 'Correct it and try again: the server is not the problem.' },
      manager: { title: 'The manager is needed', next: "Call the manager: it is the till's settings or the shop's account." },
      server: { title: "Skidkabot's side failed", next: 'Try again in a minute; if it still fails, call the manager.' },
      network: { title: 'No connection to the server', next: 'Check the internet at the till and try again.' },
      'outcome-unknown': { title: 'Unknown whether it went through', next: 'Do NOT press the button again: the manager checks the operation in the journal.' },
    },
    keys: {
      nextCustomer: 'next customer: scan the new code',
      scanAgain: 'clear the message and scan again',
      retryPress: 'press again once corrected',
    },
    code: (code) => `code ${code}`,
    dismiss: 'OK',
  },
  demo: {
    title: 'Demo customers',
    hint: 'A button or a digit key acts as a scanned QR code.',
  },
  unresolvedNotice: (n) =>
      `${n === 1 ? 'An operation has' : `${int(n, 'en')} operations have`} an unknown outcome. Manager: F10 → “Journal”.`,
  problems: 'Attention',
};
