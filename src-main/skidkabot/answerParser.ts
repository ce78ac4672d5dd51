import { TextDecoder } from 'node:util';
import { codedError } from '../../src-shared/errors';
import type { AppError, Result } from '../../src-shared/errors';
import type { MessageKey, MessageParams } from '../../src-shared/messages/messages';

/** An HTTP answer as the transport received it. */
export interface RawAnswer {
  status: number;
  /** The Content-Type header, when there was one. */
  contentType?: string;
  body: Uint8Array;
}

/** A Skidkabot answer whose code could be read. `data` holds every field that could be trusted. */
export interface ParsedAnswer {
  code: number;
  text?: string;
  data: Record<string, unknown>;
}

/** Answers are a few hundred bytes; anything past this is not an answer and is not worth decoding. */
export const MAX_ANSWER_BYTES = 1024 * 1024;


/**
 * Reads an answer of the Skidkabot server. Never throws: whatever arrives is either an answer
 * with a code or an error of kind 'server' saying precisely what was wrong with it.
 * Every scan below is linear in the body length, with bounded quantifiers only, so a hostile
 * or broken server cannot make it hang.
 */
export function parseAnswer(raw: RawAnswer): Result<ParsedAnswer> {
  if (raw.body.length > MAX_ANSWER_BYTES) {
    return fail('answer.tooLong');
  }
  if (raw.status < 200 || raw.status > 299) return statusError(raw.status);
  const text = decodeBody(raw.body, raw.contentType);
  if (text.trim() === '') return fail('answer.empty');

  const answer = findAnswer(text);
  if (answer) return { ok: true, value: answer };
  // A page's title or a garbled body is the server's English or nonsense: the cashier gets our words only.
  return fail(looksLikeHtml(text) ? 'answer.html' : 'answer.garbled');
}

function fail(key: MessageKey, params?: MessageParams): Result<ParsedAnswer> {
  const error: AppError = codedError('server', key, params);
  return { ok: false, error };
}

const UTF8 = /^utf-?8$/i;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const windows1251 = new TextDecoder('windows-1251');

/**
 * The vendor does not say how answers are encoded. A declared charset wins; otherwise UTF-8,
 * and bytes that are not valid UTF-8 are read as windows-1251, the usual other charset of a
 * Russian PHP server. A UTF-8 byte order mark is dropped either way.
 */
function decodeBody(body: Uint8Array, contentType: string | undefined): string {
  const bytes = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? body.subarray(3) : body;
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  const declared = charset && !UTF8.test(charset) ? decoderFor(charset) : null;
  if (declared) return readAs(declared, bytes);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return readAs(windows1251, bytes);
  }
}

/** Node's own decoders (full ICU), by the WHATWG labels a server sends; PHP's `win1251` spelling too. */
function decoderFor(charset: string): TextDecoder | null {
  const label = charset.replace(/^win-?(125\d)$/i, 'windows-$1');
  try {
    return label.toLowerCase() === 'windows-1251' ? windows1251 : new TextDecoder(label);
  } catch {
    return null;
  }
}

/**
 * 0x98 is unassigned in windows-1251: WHATWG passes it through as the C1 control U+0098, the
 * answers were always read with it as U+FFFD (a byte that means nothing), and still are.
 */
function readAs(decoder: TextDecoder, bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1251' ? text.replace(/\u0098/g, '\ufffd') : text;
}

function statusError(status: number): Result<ParsedAnswer> {
  if (status >= 500) return fail('http.5xx', { status });
  if (status === 404) return fail('http.404');
  if (status >= 300 && status < 400) return fail('http.redirect', { status });
  return fail('http.other', { status });
}

/**
 * The answer object may follow a PHP notice or other output, and may be one of the documented
 * malformed lines. Strict JSON is tried first on the object alone; if that fails only the code
 * and the text are read leniently. Nothing else is taken from a broken answer: a truncated
 * `"balance": 23` must never pass for a balance.
 */
function findAnswer(text: string): ParsedAnswer | null {
  const start = searchFrom(text, /\{[ \t\r\n]{0,16}"code"/) ?? searchFrom(text, /\{[ \t\r\n]{0,16}"/);
  if (start === null) return null;
  const end = objectEnd(text, start);
  if (end !== null) {
    const strict = strictAnswer(text.slice(start, end + 1));
    if (strict) return strict;
  }
  return lenientAnswer(text.slice(start));
}

function searchFrom(text: string, pattern: RegExp): number | null {
  const index = text.search(pattern);
  return index < 0 ? null : index;
}

/** Index of the brace closing the object that opens at `start`, skipping braces inside strings. */
function objectEnd(text: string, start: number): number | null {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b) depth += 1;
    else if (c === 0x7d) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return null;
}

function strictAnswer(json: string): ParsedAnswer | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const data = parsed as Record<string, unknown>;
  const code = readCode(data.code);
  if (code === null) return null;
  return typeof data.text === 'string' ? { code, text: data.text, data } : { code, data };
}

function readCode(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^-?\d{1,9}$/.test(value)) return Number(value);
  return null;
}

/**
 * Reads `{"code": 4, "text"" "…"}` and `{"code"=>15, "text"=>"…"` (no closing brace) as the
 * vendor documents them: the key may be followed by `:`, `=>` or a stray quote.
 */
function lenientAnswer(text: string): ParsedAnswer | null {
  const codeMatch = /"code"[ \t]{0,8}(?::|=>)[ \t]{0,8}"?(-?\d{1,9})(?![\d.eE])/.exec(text);
  if (!codeMatch?.[1]) return null;
  const code = Number(codeMatch[1]);
  const value = lenientText(text);
  return value === undefined ? { code, data: { code } } : { code, text: value, data: { code, text: value } };
}

function lenientText(text: string): string | undefined {
  const key = text.indexOf('"text"');
  if (key < 0) return undefined;
  const afterKey = key + '"text"'.length;
  const separator = /^[ \t]{0,8}(?::|=>|")?[ \t]{0,8}"/.exec(text.slice(afterKey, afterKey + 24));
  if (!separator) return undefined;
  const from = afterKey + separator[0].length;
  for (let i = from; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i += 1;
    else if (c === 0x22) return unescapeJson(text.slice(from, i));
  }
  return undefined;
}

function unescapeJson(raw: string): string {
  try {
    const value: unknown = JSON.parse(`"${raw}"`);
    return typeof value === 'string' ? value : raw;
  } catch {
    return raw;
  }
}

function looksLikeHtml(text: string): boolean {
  return /<(?:!doctype|html|head|body|title|h1|br|b|p|div)\b/i.test(text);
}
