import { appError } from '../../src-shared/errors';
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
  'proxy-down': 'Прокси-сервер не отвечает: запрос не отправлен. Проверьте интернет на кассе и повторите; если не проходит — позовите менеджера.',
  'proxy-auth': 'Прокси требует авторизацию (407): запрос не отправлен. Позовите менеджера или администратора сети: кассе нужен доступ к Скидкаботу через прокси без пароля.',
  'proxy-refused': 'Прокси-сервер не пропустил соединение с сервером Скидкабота: запрос не отправлен. Позовите менеджера или администратора сети.',
  'proxy-setting': 'Прокси-сервер в переменной HTTPS_PROXY или HTTP_PROXY указан неверно: нужен вид http://хост:порт. Запрос не отправлен.',
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
  const message = NETWORK_MESSAGES[failure];
  return appError('network', via !== undefined && failure.startsWith('proxy-') ? message.replace('Прокси-сервер', `Прокси-сервер ${via}`).replace('Прокси требует', `Прокси ${via} требует`) : message);
}
