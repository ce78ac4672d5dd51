/**
 * Origin checks for IPC senders and navigation. WHATWG URL gives every non-special scheme such as
 * `app://` the opaque origin "null", so origins are compared by scheme and host (with port) instead.
 */
export function sameOrigin(url: string, origin: string): boolean {
  const a = parse(url);
  const b = parse(origin);
  return a !== null && b !== null && a.protocol === b.protocol && a.host === b.host && a.host !== '';
}

function parse(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
