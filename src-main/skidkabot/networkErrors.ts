import { codedError } from '../../src-shared/errors';
import type { AppError } from '../../src-shared/errors';
import { errnoCode } from '../fs/errnoCode';

export type NetworkFailure =
  | 'refused'
  | 'timeout'
  | 'dns'
  | 'tls'
  | 'reset'
  | 'unreachable'
  | 'proxy-down'
  | 'proxy-auth'
  | 'proxy-refused'
  | 'proxy-setting'
  | 'other';


const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'HOSTNAME_MISMATCH',
  'EPROTO',
]);

/** Sorts a Node socket/HTTP error by its code only: its message may name hosts and is never shown. */
export function classifyNetworkError(error: unknown): NetworkFailure {
  const code = errnoCode(error) ?? '';
  if (code === 'SKB_PROXY_DOWN') return 'proxy-down';
  if (code === 'SKB_PROXY_AUTH') return 'proxy-auth';
  if (code === 'SKB_PROXY_REFUSED') return 'proxy-refused';
  if (code === 'SKB_PROXY_SETTING') return 'proxy-setting';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') return 'timeout';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' || code === 'EAI_NONAME') return 'dns';
  if (TLS_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_')) return 'tls';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED' || code === 'ERR_STREAM_PREMATURE_CLOSE') return 'reset';
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH' || code === 'ENETDOWN' || code === 'EHOSTDOWN') return 'unreachable';
  return 'other';
}

const SETTLED: ReadonlySet<NetworkFailure> = new Set(['dns', 'tls', 'proxy-auth', 'proxy-refused', 'proxy-setting']);

/** Worth one more try: the next attempt may well succeed. A DNS, certificate or proxy-policy failure will not. */
export function isTransient(failure: NetworkFailure): boolean {
  return !SETTLED.has(failure);
}

/** `via` names the proxy (from the OS settings or the environment, never from the server) for the manager. */
export function networkError(failure: NetworkFailure, via?: string): AppError {
  return codedError('network', `network.${failure}`, failure.startsWith('proxy-') && via !== undefined ? { via } : undefined);
}
