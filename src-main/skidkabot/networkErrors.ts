import { appError } from '../../src-shared/errors';
import type { AppError } from '../../src-shared/errors';
import { errnoCode } from '../fs/errnoCode';

export type NetworkFailure = 'refused' | 'timeout' | 'dns' | 'tls' | 'reset' | 'unreachable' | 'other';

/**
 * One message per way a request can fail to get an answer; none of them ever quotes the request.
 * Each says what the cashier can do at the till (retry, look at the internet, the clock) and
 * otherwise to call the manager: only the manager can change the server address.
 */
export const NETWORK_MESSAGES: Readonly<Record<NetworkFailure, string>> = {
  refused: 'Нет связи с сервером Скидкабота. Проверьте интернет на кассе; если он есть — позовите менеджера.',
  timeout: 'Сервер Скидкабота не ответил вовремя. Повторите; если снова не отвечает — проверьте интернет на кассе и позовите менеджера.',
  dns: 'Сервер Скидкабота не найден. Проверьте интернет на кассе; если он есть — позовите менеджера.',
  tls: 'Соединение с сервером Скидкабота небезопасно: сертификат не прошёл проверку. Проверьте дату и время на кассе; если они верны — позовите менеджера.',
  reset: 'Связь с сервером Скидкабота оборвалась. Повторите; если не проходит — проверьте интернет на кассе.',
  unreachable: 'Касса не в сети: нет связи с сервером Скидкабота. Проверьте кабель или Wi-Fi кассы и повторите.',
  other: 'Не удалось связаться с сервером Скидкабота. Проверьте интернет на кассе и повторите; если не проходит — позовите менеджера.',
};

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
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') return 'timeout';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' || code === 'EAI_NONAME') return 'dns';
  if (TLS_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_')) return 'tls';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED' || code === 'ERR_STREAM_PREMATURE_CLOSE') return 'reset';
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH' || code === 'ENETDOWN' || code === 'EHOSTDOWN') return 'unreachable';
  return 'other';
}

/** Worth one more try: the next attempt may well succeed. A DNS or certificate failure will not. */
export function isTransient(failure: NetworkFailure): boolean {
  return failure !== 'dns' && failure !== 'tls';
}

export function networkError(failure: NetworkFailure): AppError {
  return appError('network', NETWORK_MESSAGES[failure]);
}
