import tls from 'node:tls';
import { directResolver, envProxyResolver } from './proxyRoute';
import type { ProxyResolver } from './proxyRoute';

/** How the client reaches the server: the proxy to go through and the roots it trusts. */
export interface NetworkSetup {
  proxy: ProxyResolver;
  /** Replaces Node's default roots when given, so it must carry them too (see {@link systemTrust}). */
  ca?: readonly string[];
}

export const DIRECT_NETWORK: NetworkSetup = { proxy: directResolver };

type CaType = 'default' | 'system' | 'bundled' | 'extra';
type CaReader = (type: CaType) => string[];

/**
 * What a browser on this PC trusts: Node's defaults (its bundled roots plus `NODE_EXTRA_CA_CERTS`)
 * and the OS certificate store, where a shop's TLS-inspecting antivirus or its own root lives.
 * `tls.getCACertificates` arrived in Node 22.15/23.5 (Electron 45 embeds Node 24); without it the
 * defaults stand alone and undefined is returned, so Node keeps using its own list.
 */
export function systemTrust(read: CaReader | undefined = caReader()): readonly string[] | undefined {
  if (!read) return undefined;
  try {
    return [...new Set([...read('default'), ...read('system')])];
  } catch {
    // An OS store that cannot be read must not stop the till: the defaults still work for most servers.
    return undefined;
  }
}

function caReader(): CaReader | undefined {
  const candidate: unknown = (tls as { getCACertificates?: unknown }).getCACertificates;
  return typeof candidate === 'function' ? (type) => (candidate as CaReader).call(tls, type) : undefined;
}

/** The CLI: the proxy from the environment, as curl reads it, and the same roots as the app. */
export function cliNetwork(env: Readonly<Record<string, string | undefined>>): NetworkSetup {
  const ca = systemTrust();
  return ca ? { proxy: envProxyResolver(env), ca } : { proxy: envProxyResolver(env) };
}
