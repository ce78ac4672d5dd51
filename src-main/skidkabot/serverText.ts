/**
 * Every text the Skidkabot server sends (names, refusal texts, error pages) is cleaned here, once,
 * before anything else sees it: the terminal, the screen, the journal and its CSV then only ever
 * get one line of plain, left-to-right-safe text of bounded length.
 */

/** Names are a few words; a longer one is cut so a card and a terminal line still fit. */
const MAX_NAME_LENGTH = 60;
/** A refusal text or an error page's title, quoted inside a Russian message. */
const MAX_SERVER_TEXT = 200;

/**
 * Terminal escape sequences, removed whole so no "[2J" debris is left: CSI (ESC [ or 0x9B) up to its
 * final byte, OSC/DCS/PM/APC strings (ESC ] P ^ _ or 0x9D 0x90 0x9E 0x9F) up to BEL or ST, and any other
 * two-character ESC sequence. Bounded quantifiers keep the scan linear on hostile input.
 */
// Spelled as escapes in a string: the pattern is about control characters, which a regex literal would hide.
const ESC = '\\u001b';
const BEL = '\\u0007';
const ESCAPE_SEQUENCES = new RegExp(
  [
    `(?:${ESC}\\[|\\u009b)[\\u0030-\\u003f]{0,64}[\\u0020-\\u002f]{0,16}[\\u0040-\\u007e]?`,
    `(?:${ESC}[\\]P^_]|[\\u0090\\u009d\\u009e\\u009f])[^${BEL}${ESC}\\u009c]{0,4096}(?:${BEL}|${ESC}\\\\|\\u009c)?`,
    `${ESC}[\\u0020-\\u007e]?`,
  ].join('|'),
  'g',
);
/** Controls (C0, DEL, C1) and line/paragraph separators: each becomes a space, so words stay apart. */
const CONTROLS = /[\p{Cc}\p{Zl}\p{Zp}]/gu;
/** Format characters: bidi overrides and isolates, zero-width spaces and joiners, soft hyphens, BOMs. */
const INVISIBLE = /\p{Cf}/gu;
/** Half of a surrogate pair with no other half: not a character, and not valid UTF-8 on a terminal. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * One line of visible text: escape sequences, controls and invisible format characters gone,
 * whitespace collapsed, at most `maxLength` characters (code points, so no emoji is cut in half)
 * with an ellipsis when cut. Only a bounded prefix is looked at, so a megabyte costs no more than a line.
 */
export function plainServerText(text: string, maxLength: number): string {
  const plain = text
    .slice(0, maxLength * 8 + 64)
    .replace(ESCAPE_SEQUENCES, '')
    .replace(CONTROLS, ' ')
    .replace(INVISIBLE, '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(plain);
  return chars.length > maxLength ? `${chars.slice(0, maxLength - 1).join('').trimEnd()}…` : plain;
}

/** The server's words made safe to quote in a message: no markup either. */
export function cleanServerText(text: string, maxLength = MAX_SERVER_TEXT): string {
  return plainServerText(text.slice(0, maxLength * 8 + 64).replace(/<[^>]*>/g, ' '), maxLength);
}

/** A customer's first or last name as the server sent it (string or number), cleaned; '' for anything else. */
export function cleanServerName(value: unknown): string {
  const text = typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
  return plainServerText(text, MAX_NAME_LENGTH);
}

/** Replaces the shop secret wherever it stands as a whole number; the text must be cleaned first. */
export function secretRedactor(secret: number): (text: string) => string {
  if (!Number.isSafeInteger(secret) || secret < 0) return (text) => text;
  const pattern = new RegExp(`(?<!\\d)${secret}(?!\\d)`, 'g');
  return (text) => text.replace(pattern, '***');
}
