import type { Result } from '../errors';
import { codedError } from '../errors';
import type { MessageKey, MessageParams } from '../messages/messages';

export const MAX_FEED_URL_LENGTH = 500;

/**
 * The manager's update feed: the folder that holds `latest.yml` (Windows) and `latest-linux.yml`.
 * An empty field turns updates off. Only https, so nobody on the shop's network can hand the till
 * a program; plain http only for this computer itself (a feed served locally by the shop's IT).
 * The download is checked against the feed's sha512 either way, but the feed itself must be trusted.
 */
export function validateFeedUrl(text: string): Result<string | null> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const bad = (key: MessageKey, params?: MessageParams): Result<string | null> => ({ ok: false, error: codedError('input', key, params) });
  if (trimmed.length > MAX_FEED_URL_LENGTH) return bad('update.urlTooLong', { max: MAX_FEED_URL_LENGTH });
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return bad('update.urlBad');
  }
  if (url.username !== '' || url.password !== '') return bad('update.urlCredentials');
  if (url.search !== '' || url.hash !== '') return bad('update.urlQuery');
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return bad('update.urlPlainHttp');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return bad('update.urlScheme');
  // electron-updater's generic provider resolves file names against the URL: a folder needs its slash.
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return { ok: true, value: url.href };
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
