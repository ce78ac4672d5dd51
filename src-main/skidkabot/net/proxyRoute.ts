/** How one request leaves this computer: straight to the server, or through an HTTP proxy. */
export type ProxyRoute =
  | { kind: 'direct' }
  | {
      kind: 'proxy';
      host: string;
      port: number;
      /** `Proxy-Authorization` value, from `http://user:pass@host:port` in the environment. */
      authorization?: string;
    };

export const DIRECT: ProxyRoute = { kind: 'direct' };

/** Where requests to a URL go: the OS's proxy settings in the app, the environment in the CLI. */
export interface ProxyResolver {
  resolve(target: URL): Promise<ProxyRoute>;
}

export const directResolver: ProxyResolver = { resolve: () => Promise.resolve(DIRECT) };

/** `host:port` as shown to the manager in a proxy error. */
export function routeLabel(route: ProxyRoute): string | undefined {
  if (route.kind === 'direct') return undefined;
  return `${route.host.includes(':') ? `[${route.host}]` : route.host}:${route.port}`;
}

/**
 * Chromium's answer for a URL (`session.resolveProxy`): a `;`-separated list such as
 * `PROXY 10.0.0.1:3128; DIRECT`. The first entry this client can use wins, as Chromium itself
 * tries them in order. HTTPS, SOCKS and QUIC proxies are not spoken here and are passed over;
 * when none is left the request goes direct, which is what a browser does once its list runs out.
 */
export function routeFromPacResult(text: string): ProxyRoute {
  for (const entry of text.split(';')) {
    const [type = '', address = ''] = entry.trim().split(/\s+/);
    if (type.toUpperCase() === 'DIRECT') return DIRECT;
    if (type.toUpperCase() === 'PROXY') {
      const route = parseHostPort(address, 80);
      if (route) return route;
    }
  }
  return DIRECT;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The proxy variables as curl reads them: `https_proxy`/`HTTPS_PROXY` for https URLs,
 * `http_proxy`/`HTTP_PROXY` for http (the uppercase `HTTP_PROXY` too: a CLI is no CGI script),
 * and `no_proxy`/`NO_PROXY` to bypass hosts. The lowercase name wins when both are set.
 */
export function envProxyResolver(env: Env): ProxyResolver {
  const pick = (name: string): string => (env[name.toLowerCase()] ?? env[name.toUpperCase()] ?? '').trim();
  return {
    resolve(target) {
      const setting = pick(target.protocol === 'https:' ? 'https_proxy' : 'http_proxy');
      if (setting === '' || bypassed(target, pick('no_proxy'))) return Promise.resolve(DIRECT);
      try {
        return Promise.resolve(routeFromProxyUrl(setting));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
}

/** A proxy variable that cannot be read is an error, not a silent direct connection the shop did not want. */
export class ProxySettingError extends Error {
  readonly code = 'SKB_PROXY_SETTING';
}

function routeFromProxyUrl(setting: string): ProxyRoute {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(setting) ? setting : `http://${setting}`);
  } catch {
    throw new ProxySettingError('proxy URL unreadable');
  }
  if (url.protocol !== 'http:') throw new ProxySettingError('only http:// proxies are supported');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port === '' ? 80 : Number(url.port);
  if (host === '') throw new ProxySettingError('proxy URL has no host');
  if (url.username === '') return { kind: 'proxy', host, port };
  let credentials: string;
  try {
    credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  } catch {
    throw new ProxySettingError('proxy user or password has a bad % escape');
  }
  return { kind: 'proxy', host, port, authorization: `Basic ${Buffer.from(credentials).toString('base64')}` };
}

function parseHostPort(address: string, defaultPort: number): ProxyRoute | null {
  const match = /^(?:\[([^\]]+)\]|([^:]+))(?::(\d{1,5}))?$/.exec(address);
  if (!match) return null;
  const port = match[3] === undefined ? defaultPort : Number(match[3]);
  if (port < 1 || port > 65535) return null;
  return { kind: 'proxy', host: match[1] ?? match[2] ?? '', port };
}

/** `NO_PROXY` entries: `*`, a host, `.domain` or `domain` (its subdomains too), with an optional `:port`. */
function bypassed(target: URL, noProxy: string): boolean {
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  const port = target.port === '' ? (target.protocol === 'https:' ? '443' : '80') : target.port;
  return noProxy
    .split(/[\s,]+/)
    .filter((entry) => entry !== '')
    .some((entry) => {
      if (entry === '*') return true;
      const match = /^(?:\[([^\]]+)\]|([^:]+|[0-9a-f:]+))(?::(\d+))?$/i.exec(entry);
      if (!match) return false;
      if (match[3] !== undefined && match[3] !== port) return false;
      const rule = (match[1] ?? match[2] ?? '').toLowerCase().replace(/^\*?\./, '');
      return host === rule || host.endsWith(`.${rule}`);
    });
}
