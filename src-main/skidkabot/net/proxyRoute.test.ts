import { describe, expect, it } from 'vitest';
import { systemTrust } from './networkSetup';
import { classifyNetworkError } from '../networkErrors';
import { envProxyResolver, ProxySettingError, routeFromPacResult, routeLabel } from './proxyRoute';

describe('routeFromPacResult (what Electron’s resolveProxy answers)', () => {
  it.each([
    ['DIRECT', { kind: 'direct' }],
    ['', { kind: 'direct' }],
    ['PROXY 10.0.0.1:3128', { kind: 'proxy', host: '10.0.0.1', port: 3128 }],
    ['PROXY proxy.shop.local:8080; DIRECT', { kind: 'proxy', host: 'proxy.shop.local', port: 8080 }],
    ['proxy [fd00::1]:3128', { kind: 'proxy', host: 'fd00::1', port: 3128 }],
    ['PROXY proxy', { kind: 'proxy', host: 'proxy', port: 80 }],
    ['SOCKS5 10.0.0.2:1080; HTTPS secure:443; PROXY 10.0.0.1:3128', { kind: 'proxy', host: '10.0.0.1', port: 3128 }],
    ['SOCKS5 10.0.0.2:1080', { kind: 'direct' }],
    ['PROXY 10.0.0.1:99999; DIRECT', { kind: 'direct' }],
  ])('%j', (text, route) => {
    expect(routeFromPacResult(text)).toEqual(route);
  });

  it('labels a proxy for the message, IPv6 in brackets', () => {
    expect(routeLabel({ kind: 'proxy', host: 'fd00::1', port: 3128 })).toBe('[fd00::1]:3128');
    expect(routeLabel({ kind: 'direct' })).toBeUndefined();
  });
});

describe('envProxyResolver (the CLI)', () => {
  const https = new URL('https://skidkabot.ru/api');
  const http = new URL('http://kassa.shop.local:8080/api');
  const resolve = (env: Record<string, string>, url: URL) => envProxyResolver(env).resolve(url);

  it('uses HTTPS_PROXY for https and HTTP_PROXY for http', async () => {
    const env = { HTTPS_PROXY: 'http://10.0.0.1:3128', HTTP_PROXY: 'http://10.0.0.2:3128' };
    expect(await resolve(env, https)).toEqual({ kind: 'proxy', host: '10.0.0.1', port: 3128 });
    expect(await resolve(env, http)).toEqual({ kind: 'proxy', host: '10.0.0.2', port: 3128 });
    expect(await resolve({ HTTP_PROXY: 'http://10.0.0.2:3128' }, https)).toEqual({ kind: 'direct' });
  });

  it('prefers the lowercase name, takes a bare host:port and the default port', async () => {
    expect(await resolve({ https_proxy: '10.0.0.5:81', HTTPS_PROXY: 'http://10.0.0.1:3128' }, https)).toEqual({ kind: 'proxy', host: '10.0.0.5', port: 81 });
    expect(await resolve({ HTTPS_PROXY: 'http://proxy' }, https)).toEqual({ kind: 'proxy', host: 'proxy', port: 80 });
  });

  it('turns user:password into a Basic Proxy-Authorization', async () => {
    expect(await resolve({ HTTPS_PROXY: 'http://kassa:s%3Acret@10.0.0.1:3128' }, https)).toEqual({
      kind: 'proxy',
      host: '10.0.0.1',
      port: 3128,
      authorization: `Basic ${Buffer.from('kassa:s:cret').toString('base64')}`,
    });
  });

  it.each([
    ['*', true],
    ['skidkabot.ru', true],
    ['.skidkabot.ru', true],
    ['*.skidkabot.ru', true],
    ['SKIDKABOT.RU', true],
    ['bot.ru', false],
    ['kabot.ru', false],
    ['skidkabot.ru:443', true],
    ['skidkabot.ru:8443', false],
    ['localhost, skidkabot.ru', true],
    ['localhost 127.0.0.1', false],
  ])('NO_PROXY=%j bypasses https://skidkabot.ru: %s', async (noProxy, bypass) => {
    const route = await resolve({ HTTPS_PROXY: 'http://10.0.0.1:3128', no_proxy: noProxy }, https);
    expect(route.kind).toBe(bypass ? 'direct' : 'proxy');
  });

  it('a subdomain is bypassed by its domain, an IPv6 literal by itself', async () => {
    expect((await resolve({ HTTP_PROXY: 'http://p:1', NO_PROXY: 'shop.local' }, http)).kind).toBe('direct');
    expect((await resolve({ HTTP_PROXY: 'http://p:1', NO_PROXY: '::1' }, new URL('http://[::1]:8080/'))).kind).toBe('direct');
  });

  it.each(['socks5://10.0.0.1:1080', 'https://10.0.0.1:443', 'http://', 'http://[bad', 'http://us%zz:pw@127.0.0.1:3128', 'http://user:p%E0%A4@127.0.0.1:3128'])('refuses %j rather than going direct', async (setting) => {
    await expect(resolve({ HTTPS_PROXY: setting }, https)).rejects.toBeInstanceOf(ProxySettingError);
    const refused = await resolve({ HTTPS_PROXY: setting }, https).catch((error: unknown) => error);
    expect(classifyNetworkError(refused)).toBe('proxy-setting');
  });
});

describe('systemTrust', () => {
  it('merges Node’s defaults with the OS store, each root once', () => {
    const read = (type: string): string[] => (type === 'default' ? ['A', 'B'] : type === 'system' ? ['B', 'C'] : []);
    expect(systemTrust(read)).toEqual(['A', 'B', 'C']);
  });

  it('leaves Node’s own list in place when the OS store cannot be read or the API is missing', () => {
    expect(systemTrust(() => {
      throw new Error('no keychain');
    })).toBeUndefined();
    expect(systemTrust(undefined)).toBeUndefined();
  });
});
