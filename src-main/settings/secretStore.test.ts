import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeytarSecretStore, type KeytarApi, MemorySecretStore } from './secretStore';
import { textContaining, textMatching } from '../../test-support/matchers';

// Runs against the real OS keychain: `bash scripts/with-keyring.sh vitest run src-main/settings`
// provides a throwaway one. Every test uses its own service name so nothing real is touched.
const services: string[] = [];
function freshService(): string {
  const service = `Skidkabot Kassa test ${randomUUID()}`;
  services.push(service);
  return service;
}
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => keytar.deletePassword(service, 'shop-secret')));
});

describe('keytar secret store (real keychain)', () => {
  it('stores, reads back and clears the secret', async () => {
    const store = createKeytarSecretStore({ service: freshService() });
    expect(await store.get()).toEqual({ ok: true, value: null });
    expect(await store.set(31337)).toEqual({ ok: true, value: undefined });
    expect(await store.get()).toEqual({ ok: true, value: 31337 });
    expect(await store.set(0)).toEqual({ ok: true, value: undefined });
    expect(await store.get()).toEqual({ ok: true, value: 0 });
    expect(await store.clear()).toEqual({ ok: true, value: undefined });
    expect(await store.get()).toEqual({ ok: true, value: null });
    expect(await store.clear()).toEqual({ ok: true, value: undefined });
  });

  it('keeps the secret under the service and account it was given', async () => {
    const service = freshService();
    await createKeytarSecretStore({ service }).set(4242);
    expect(await keytar.getPassword(service, 'shop-secret')).toBe('4242');
  });

  it('reports a keychain entry that is not a number without showing it', async () => {
    const service = freshService();
    await keytar.setPassword(service, 'shop-secret', 'hunter2-31337');
    const read = await createKeytarSecretStore({ service }).get();
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.kind).toBe('config');
    expect(read.error.message).not.toContain('31337');
    expect(read.error.message).not.toContain('hunter2');
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 60])('refuses %s as a secret before touching the keychain', async (secret) => {
    const service = freshService();
    const result = await createKeytarSecretStore({ service }).set(secret);
    expect(result).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(await keytar.getPassword(service, 'shop-secret')).toBeNull();
  });
});

describe('keytar secret store when the keychain is unavailable', () => {
  const broken = (failure: Partial<KeytarApi>): KeytarApi => ({
    getPassword: () => Promise.reject(new Error('not called')),
    setPassword: () => Promise.reject(new Error('not called')),
    deletePassword: () => Promise.reject(new Error('not called')),
    ...failure,
  });

  it('turns a missing native module into a config error on every call', async () => {
    const store = createKeytarSecretStore({
      loadKeytar: () => Promise.reject(new Error("Cannot find module 'keytar'\nRequire stack: …")),
    });
    for (const result of [await store.get(), await store.set(5), await store.clear()]) {
      expect(result).toMatchObject({
        ok: false,
        error: {
          kind: 'config',
          message: textMatching(/^Хранилище паролей ОС недоступно \(техническая причина: Cannot find module 'keytar'\)\. /),
        },
      });
    }
  });

  it('turns a loader that throws at once into a config error', async () => {
    const store = createKeytarSecretStore({
      loadKeytar: () => {
        throw new Error('boom');
      },
    });
    expect(await store.get()).toMatchObject({ ok: false, error: { kind: 'config' } });
  });

  it('gives up on a keychain that hangs', async () => {
    const store = createKeytarSecretStore({
      timeoutMs: 50,
      loadKeytar: () => Promise.resolve(broken({ getPassword: () => new Promise<never>(() => undefined) })),
    });
    const result = await store.get();
    expect(result).toMatchObject({ ok: false, error: { kind: 'config', message: textContaining('нет ответа') } });
  });

  it('never repeats the secret even if the keychain error does', async () => {
    const store = createKeytarSecretStore({
      loadKeytar: () => Promise.resolve(broken({ setPassword: (_s, _a, password) => Promise.reject(new Error(`cannot store ${password}`)) })),
    });
    const result = await store.set(31337);
    expect(result).toMatchObject({ ok: false, error: { kind: 'config' } });
    expect(JSON.stringify(result)).not.toContain('31337');
  });

  it('reports a D-Bus session that does not answer, with the real keytar', async () => {
    const script = `
      import { createKeytarSecretStore } from './src-main/settings/secretStore.ts';
      const store = createKeytarSecretStore({ service: 'Skidkabot Kassa unreachable test' });
      console.log(JSON.stringify([await store.get(), await store.set(31337)]));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/kassa-test-bus' },
    });
    const results: unknown = JSON.parse(stdout);
    expect(results).toMatchObject([
      { ok: false, error: { kind: 'config', message: textMatching(/^Хранилище паролей ОС недоступно /) } },
      { ok: false, error: { kind: 'config', message: textMatching(/^Хранилище паролей ОС недоступно /) } },
    ]);
    expect(stdout).not.toContain('31337');
  });
});

describe('MemorySecretStore', () => {
  it('holds the demo secret only in memory', async () => {
    const store = new MemorySecretStore(31337);
    expect(await store.get()).toEqual({ ok: true, value: 31337 });
    expect(await store.set(-5)).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(await store.set(7)).toEqual({ ok: true, value: undefined });
    expect(await store.get()).toEqual({ ok: true, value: 7 });
    await store.clear();
    expect(await store.get()).toEqual({ ok: true, value: null });
    expect(await new MemorySecretStore().get()).toEqual({ ok: true, value: null });
  });
});
