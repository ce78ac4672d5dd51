import { pluralEn } from '../format/plural';
import { journalEn } from './journalMessages';
import { settingsEn } from './settingsMessages';
import { toolEn } from './toolMessages';
import type { MessageKey } from './messages';
import type { MessageParams } from './messageTypes';

const PROGRAM_ERROR = 'Till program error: the server did not receive';
const CALL_SUPPORT = 'Call the manager or support.';
const REFRESH_QR = 'Ask the customer to refresh the QR code in the Skidkabot bot and scan the new one.';
const RETRY_OR_MANAGER = 'Try again; if it still fails, call the manager.';
const RESCAN = "Scan the Skidkabot QR code on the customer's phone.";
const REISSUE = 'Ask the customer to refresh the QR code in the bot.';
const PURCHASE_EXAMPLE = 'Type the total in figures, e.g. 1234.50.';
const KEYCHAIN_ADVICE = 'The shop secret is kept only there: ask the computer administrator.';

/** The proxy's address after a word, when the message should name it. */
const via = (p: MessageParams): string => (p['via'] === undefined ? '' : ` ${String(p['via'])}`);
const num = (p: MessageParams, name: string): number => Number(p[name] ?? 0);
const str = (p: MessageParams, name: string): string => String(p[name] ?? '');
const done = (p: MessageParams): string => (p['op'] === 'redeem' ? 'redeemed' : 'accrued');
const action = (p: MessageParams): string => (p['op'] === 'redeem' ? 'redemption' : 'accrual');
const bonuses = (n: number): string => `${n} ${pluralEn(n, 'bonus', 'bonuses')}`;

function durationEn(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

const FIELD_LABELS: Readonly<Record<string, string>> = { vendor: 'shop code', client: 'customer number', secret: 'check code' };
const FIELD_PROBLEMS: Readonly<Record<string, string>> = {
  missing: 'is missing',
  notInteger: 'is not a whole number',
  negative: 'is below zero',
  tooLarge: 'is too large',
};

/** The English twin of messagesRu: the same keys, checked by the type and by a test. */
export const messagesEn: Record<MessageKey, (p: MessageParams) => string> = {
  'answer.1': () => `${PROGRAM_ERROR} the shop code. ${CALL_SUPPORT}`,
  'answer.2': () => `${PROGRAM_ERROR} the customer number. ${CALL_SUPPORT}`,
  'answer.3': () => `${PROGRAM_ERROR} the shop secret. ${CALL_SUPPORT}`,
  'answer.4': () => `${PROGRAM_ERROR} the QR key. ${CALL_SUPPORT}`,
  'answer.5': () => 'Skidkabot knows no shop with this code and secret. Call the manager: the settings need checking.',
  'answer.6': () => 'The customer is not registered in Skidkabot. Ask them to register in the bot and show a new QR code.',
  'answer.7': () => `Skidkabot does not know this QR code. ${REFRESH_QR}`,
  'answer.8': () => `The QR code failed the check. ${REFRESH_QR}`,
  'answer.9': () => `The QR code has expired. ${REFRESH_QR}`,
  'answer.11': () => `${PROGRAM_ERROR} the bonuses to accrue. ${CALL_SUPPORT}`,
  'answer.12': () => `${PROGRAM_ERROR} the bonuses to redeem. ${CALL_SUPPORT}`,
  'answer.13': () => 'The customer has too few bonuses. Redeem fewer, or only accrue.',
  'answer.15': () => "Skidkabot has switched the shop off: the shop's Skidkabot account is below zero. Call the manager to top it up.",
  'answer.unknown': (p) => `Skidkabot refused with code ${num(p, 'code')}. Call the manager.`,
  'answer.tooLong': () => `The Skidkabot server sent a far too long answer. ${RETRY_OR_MANAGER}`,
  'answer.empty': () => `The Skidkabot server sent an empty answer. ${RETRY_OR_MANAGER}`,
  'answer.html': () => `The Skidkabot server sent a web page instead of an answer. ${RETRY_OR_MANAGER}`,
  'answer.garbled': () => `The Skidkabot server sent an unreadable answer. ${RETRY_OR_MANAGER}`,
  'answer.noBalance': () => `The Skidkabot server sent an incomplete answer: no customer balance. ${RETRY_OR_MANAGER}`,
  'answer.balanceNotWhole': (p) => `The Skidkabot server sent the customer's balance as "${str(p, 'reported')}", but a balance is a whole number of bonuses. ${RETRY_OR_MANAGER}`,
  'answer.percentOutOfRange': (p) =>
    `The Skidkabot server sent an accrual or redemption percentage of "${str(p, 'reported')}"; it must be between 0 and 100. ${RETRY_OR_MANAGER}`,
  'http.5xx': (p) => `The Skidkabot server failed (HTTP ${num(p, 'status')}). Try again in a minute; if it still fails, call the manager.`,
  'http.404': () => 'The server does not know this address (HTTP 404). Call the manager: the server address in the settings is wrong.',
  'http.redirect': (p) => `The server redirects the request (HTTP ${num(p, 'status')}). Call the manager: the server address in the settings is wrong.`,
  'http.other': (p) => `The Skidkabot server rejected the request (HTTP ${num(p, 'status')}). Call the manager.`,
  'network.refused': () => 'No connection to the Skidkabot server. Check the internet at the till; if it works, call the manager.',
  'network.timeout': () => 'The Skidkabot server did not answer in time. Try again; if it still does not answer, check the internet and call the manager.',
  'network.dns': () => 'The Skidkabot server was not found. Check the internet at the till; if it works, call the manager.',
  'network.tls': () =>
    "The connection to the Skidkabot server is not secure: the certificate failed the check. Check the till's date and time; if they are right, call the manager.",
  'network.reset': () => 'The connection to the Skidkabot server broke. Try again; if it still fails, check the internet at the till.',
  'network.unreachable': () => "The till is offline: no connection to the Skidkabot server. Check the till's cable or Wi-Fi and try again.",
  'network.proxy-down': (p) => `The proxy server${via(p)} does not answer: nothing was sent. Check the till's internet and try again; if it still fails, call the manager.`,
  'network.proxy-auth': (p) =>
    `The proxy${via(p)} requires authentication (407): nothing was sent. Call the manager or the network administrator: the till needs access to Skidkabot through the proxy without a password.`,
  'network.proxy-refused': (p) => `The proxy server${via(p)} did not let the connection to the Skidkabot server through: nothing was sent. Call the manager or the network administrator.`,
  'network.proxy-setting': () => 'The proxy in HTTPS_PROXY or HTTP_PROXY is written wrongly: it must look like http://host:port. Nothing was sent.',
  'network.other': () => 'Could not reach the Skidkabot server. Check the internet at the till and try again; if it still fails, call the manager.',
  'outcome.unknownUnchecked': (p) =>
    `Unknown whether ${bonuses(num(p, 'bonuses'))} were ${done(p)}: the server did not confirm and the balance could not be checked. Do not repeat the ${action(p)}: call the manager.`,
  'outcome.unknownMoved': (p) =>
    `Unknown whether ${bonuses(num(p, 'bonuses'))} were ${done(p)}: the server did not confirm, and the balance is now ${num(p, 'after')} (was ${num(p, 'before')}). Do not repeat the ${action(p)}: call the manager.`,
  'outcome.notApplied': (p) => `The server did not confirm, but the balance has not changed: no bonuses were ${done(p)}. The ${action(p)} may be made again.`,
  'config.serverMissing': () => 'The Skidkabot server is not set up. Call the manager.',
  'config.badUrl': () => 'The Skidkabot server address in the settings is wrong: it must look like https://skidkabot.ru. Call the manager.',
  'config.badCredentials': () => 'The shop code or secret in the settings is missing or wrong. Call the manager.',
  'config.badKassa': () => 'The till number in the settings is wrong. Call the manager.',
  'config.noShopCode': () => 'The till is not set up: no shop code. Call the manager.',
  'config.noSecret': () => 'The till is not set up: no shop secret. Call the manager.',
  'config.settingsNotSaved': () => 'The settings were not saved. Try again.',
  'keychain.badSecret': () => "The OS password store holds a wrong shop secret. Set it again in the manager's area.",
  'keychain.timeout': (p) => `The OS password store does not answer: nothing for ${num(p, 'seconds')} s (it may be locked). ${KEYCHAIN_ADVICE}`,
  'keychain.unavailable': () => `The OS password store is unavailable. ${KEYCHAIN_ADVICE}`,
  'secret.invalid': () => 'The shop secret is a whole number, zero or more. Check it in the Skidkabot account.',
  'qr.badNumbers': () => "The QR code holds wrong numbers. Scan the customer's QR code again.",
  'qr.otherShop': (p) =>
    `This is another shop's QR code (shop ${num(p, 'vendor')}); this till is shop ${num(p, 'shop')}. Ask the customer to open your shop's QR code in the bot.`,
  'scan.empty': () => `The scanner sent nothing. ${RESCAN}`,
  'scan.tooLong': () => `The code is far too long: it is not a Skidkabot QR code. ${RESCAN}`,
  'scan.productBarcode': () => `This is a product barcode, not a Skidkabot QR code. ${RESCAN}`,
  'scan.markingCode': () => `This is a product marking code, not a Skidkabot QR code. ${RESCAN}`,
  'scan.url': () => `This is a link, not a Skidkabot QR code. ${RESCAN}`,
  'scan.unreadable': () => `The Skidkabot QR code could not be read. ${RESCAN}`,
  'scan.notAnObject': () => `This is not a Skidkabot QR code: it holds other data. ${RESCAN}`,
  'scan.noType': () => `This is not a Skidkabot QR code: it has no «Skidkabot» mark. ${RESCAN}`,
  'scan.ambiguous': () => 'The code reads two different ways. Switch the keyboard layout to English (EN) and scan again.',
  'scan.otherType': () => `This is another service's QR code, not Skidkabot's. ${RESCAN}`,
  'scan.qrError': (p) => `The bot showed error ${num(p, 'code')} instead of a QR code. ${REISSUE}`,
  'scan.badField': (p) =>
    `The QR code is damaged: the ${FIELD_LABELS[str(p, 'field')] ?? 'field'} (${str(p, 'field')}) ${FIELD_PROBLEMS[str(p, 'problem')] ?? 'is wrong'}. ${REISSUE}`,
  'checkout.busy': () => 'Wait: the previous operation is still running.',
  'checkout.cannotCancel': () =>
    'The operation has been sent and cannot be cancelled: otherwise nobody would know whether it went through. Wait for the answer; the till checks the balance itself.',
  'checkout.zeroAccrual': () => 'This purchase earns no bonuses: the rules give 0. Go on without bonuses.',
  'checkout.alreadyDone': () => "The operation is done. For a new purchase scan the customer's QR code again.",
  'checkout.scanFirst': () => "Scan the customer's QR code first.",
  'checkout.badPurchase': () => 'The purchase total must be above zero. Correct the total.',
  'bonuses.invalid': () => 'The number of bonuses must be a whole number, at least 1.',
  'balance.unknown': () => "The customer's balance before the operation is unknown. Scan the QR code again.",
  'auth.loginNeeded': () => 'Manager sign-in needed: enter the manager password.',
  'auth.wrongPassword': (p) => `Wrong password. Attempts left before the lock: ${num(p, 'left')}.`,
  'auth.lockedFor': (p) => `Wrong password. Sign-in is locked for ${durationEn(num(p, 'ms'))}.`,
  'auth.tooManyAttempts': (p) => `Too many wrong attempts. Try again in ${durationEn(num(p, 'ms'))}.`,
  'ipc.unreachable': () => 'The till does not answer. Restart the program.',
  'redeem.none': () => 'Nothing can be redeemed on this purchase: the maximum is 0. Accrue bonuses or go on without them.',
  'redeem.range': (p) => `Redeem from 1 to ${bonuses(num(p, 'max'))}, a whole number. Correct the amount to redeem.`,
  'purchase.empty': () => 'Enter the purchase total, e.g. 1234.50.',
  'purchase.nonsense': () => `This is not a total. ${PURCHASE_EXAMPLE}`,
  'purchase.negative': () => `The total cannot be negative. ${PURCHASE_EXAMPLE}`,
  'purchase.zero': () => `The purchase total must be above zero. ${PURCHASE_EXAMPLE}`,
  'purchase.tooManyDecimals': () => 'At most two digits after the point (kopecks). Correct the total, e.g. 1234.50.',
  'purchase.tooLarge': () => 'The total is over 10,000,000 ₽: check for extra digits.',
  ...journalEn,
  ...settingsEn,
  ...toolEn,
};
