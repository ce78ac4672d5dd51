import { describe, expect, it } from 'vitest';
import { classifyNetworkError, isTransient, networkError, type NetworkFailure } from './networkErrors';
import { translate } from '../../src-shared/messages/messages';

const FAILURES: NetworkFailure[] = ['refused', 'timeout', 'dns', 'tls', 'reset', 'unreachable', 'other'];
const NETWORK_MESSAGES = Object.fromEntries(FAILURES.map((failure) => [failure, translate(`network.${failure}`)])) as Record<NetworkFailure, string>;

describe('classifyNetworkError', () => {
  it.each([
    ['ECONNREFUSED', 'refused'],
    ['ETIMEDOUT', 'timeout'],
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls'],
    ['CERT_HAS_EXPIRED', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls'],
    ['ECONNRESET', 'reset'],
    ['EPIPE', 'reset'],
    ['ENETUNREACH', 'unreachable'],
    ['EHOSTUNREACH', 'unreachable'],
    ['EWHATEVER', 'other'],
  ])('%s → %s', (code, failure) => {
    expect(classifyNetworkError(Object.assign(new Error('connect to 10.0.0.1:443'), { code }))).toBe(failure);
  });

  it.each([null, undefined, 'ECONNREFUSED', 42, new Error('no code')])('an error without a code (%s) is "other"', (error) => {
    expect(classifyNetworkError(error)).toBe('other');
  });

  it('does not retry what cannot get better', () => {
    expect(isTransient('dns')).toBe(false);
    expect(isTransient('tls')).toBe(false);
    expect(isTransient('reset')).toBe(true);
    expect(isTransient('timeout')).toBe(true);
  });

  it('tells the cashier what to do at the till and leaves the server address to the manager', () => {
    for (const message of Object.values(NETWORK_MESSAGES)) expect(message).not.toMatch(/настройк|адрес/i);
    for (const failure of ['refused', 'dns', 'timeout', 'tls', 'other'] as const) expect(NETWORK_MESSAGES[failure]).toContain('позовите менеджера');
    for (const failure of ['refused', 'dns', 'timeout', 'reset', 'other'] as const) expect(NETWORK_MESSAGES[failure]).toContain('интернет на кассе');
  });

  it('builds a network error from the fixed message only', () => {
    expect(networkError('timeout')).toEqual({ kind: 'network', message: NETWORK_MESSAGES.timeout, key: 'network.timeout' });
  });
});
