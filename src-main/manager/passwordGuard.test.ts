import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type * as NodeCrypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const compared = vi.hoisted(() => ({ calls: [] as [number, number][] }));

vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof NodeCrypto>();
  return {
    ...real,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      compared.calls.push([a.byteLength, b.byteLength]);
      return real.timingSafeEqual(a, b);
    },
  };
});

const { DEFAULT_LOCKOUT, DEFAULT_SCRYPT, MANAGER_FILE, PasswordGuard, formatDuration, lockFor } = await import('./passwordGuard');

// The smallest cost the stored-file check accepts: fast enough for many attempts in a test.
const scrypt = { N: 2 ** 14, r: 8, p: 1, keyLength: 32 };

let dir: string;
let clock: number;
const now = (): number => clock;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kassa-guard-'));
  clock = 1_700_000_000_000;
  compared.calls = [];
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function open(): ReturnType<typeof PasswordGuard.open> {
  return PasswordGuard.open(dir, { now, idleMs: 60_000, scrypt });
}

describe('PasswordGuard', () => {
  it('stores only a salted scrypt hash with its explicit cost', async () => {
    const guard = await open();
    expect(guard.status()).toEqual({ passwordSet: false, loggedIn: false, lockedUntil: null });
    expect(await guard.setup('кассир-2024')).toEqual({ ok: true, value: undefined });
    const text = await readFile(path.join(dir, MANAGER_FILE), 'utf8');
    expect(text).not.toContain('кассир-2024');
    const stored = JSON.parse(text) as Record<string, unknown>;
    expect(stored).toMatchObject({ version: 1, kdf: 'scrypt', N: 2 ** 14, r: 8, p: 1, keyLength: 32, failures: 0, lockedUntil: null });
    expect(Buffer.from(String(stored['salt']), 'base64')).toHaveLength(16);
    expect(Buffer.from(String(stored['hash']), 'base64')).toHaveLength(32);
    // No temp file left behind by the atomic write.
    expect(await readdir(dir)).toEqual([MANAGER_FILE]);
  });

  it('hashes at OWASP’s scrypt minimum or above by default, within the memory it allows itself', async () => {
    expect(DEFAULT_SCRYPT.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(DEFAULT_SCRYPT.r).toBeGreaterThanOrEqual(8);
    const guard = await PasswordGuard.open(dir, { now, idleMs: 60_000 });
    expect(await guard.setup('кассир-2024')).toEqual({ ok: true, value: undefined });
    const stored = JSON.parse(await readFile(path.join(dir, MANAGER_FILE), 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({ N: DEFAULT_SCRYPT.N, r: DEFAULT_SCRYPT.r, p: DEFAULT_SCRYPT.p });
    guard.logout();
    expect((await guard.login('кассир-2024')).ok).toBe(true);
  });

  it('rehashes a password stored at a lower cost at the next successful login, and only then', async () => {
    const old = await open();
    await old.setup('кассир-2024');
    const before = JSON.parse(await readFile(path.join(dir, MANAGER_FILE), 'utf8')) as Record<string, unknown>;
    const stronger = { ...scrypt, N: 2 ** 15 };
    const guard = await PasswordGuard.open(dir, { now, idleMs: 60_000, scrypt: stronger });

    expect((await guard.login('неверный')).ok).toBe(false);
    const afterFailure = JSON.parse(await readFile(path.join(dir, MANAGER_FILE), 'utf8')) as Record<string, unknown>;
    expect(afterFailure).toMatchObject({ N: 2 ** 14, hash: before['hash'], failures: 1 });

    expect((await guard.login('кассир-2024')).ok).toBe(true);
    const after = JSON.parse(await readFile(path.join(dir, MANAGER_FILE), 'utf8')) as Record<string, unknown>;
    expect(after).toMatchObject({ N: 2 ** 15, r: 8, p: 1, keyLength: 32, failures: 0, lockedUntil: null });
    expect(after['salt']).not.toBe(before['salt']);
    expect(after['hash']).not.toBe(before['hash']);

    const reopened = await PasswordGuard.open(dir, { now, idleMs: 60_000, scrypt: stronger });
    expect((await reopened.login('неверный')).ok).toBe(false);
    expect((await reopened.login('кассир-2024')).ok).toBe(true);
    // A guard set to a lower cost never weakens a stronger stored hash.
    const weaker = await PasswordGuard.open(dir, { now, idleMs: 60_000, scrypt });
    expect((await weaker.login('кассир-2024')).ok).toBe(true);
    expect(JSON.parse(await readFile(path.join(dir, MANAGER_FILE), 'utf8'))).toMatchObject({ N: 2 ** 15, hash: after['hash'] });
  });

  it('salts every password differently', async () => {
    const first = await open();
    await first.setup('одинаковый');
    const hashA = JSON.parse(await readFile(path.join(dir, MANAGER_FILE), 'utf8')) as { salt: string; hash: string };
    await rm(path.join(dir, MANAGER_FILE));
    const second = await open();
    await second.setup('одинаковый');
    const hashB = JSON.parse(await readFile(path.join(dir, MANAGER_FILE), 'utf8')) as { salt: string; hash: string };
    expect(hashB.salt).not.toBe(hashA.salt);
    expect(hashB.hash).not.toBe(hashA.hash);
  });

  it('refuses a short password and a second setup', async () => {
    const guard = await open();
    const short = await guard.setup('12345');
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.error).toMatchObject({ kind: 'input' });
    expect(guard.status().passwordSet).toBe(false);
    expect((await guard.setup('верный-пароль')).ok).toBe(true);
    const again = await guard.setup('другой-пароль');
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.kind).toBe('auth');
  });

  it('logs in with the right password after a restart, in either Unicode form', async () => {
    await (await open()).setup('Ёлка-пароль');
    const guard = await open();
    expect(guard.status()).toMatchObject({ passwordSet: true, loggedIn: false });
    expect((await guard.login('Ёлка-пароль'.normalize('NFD'))).ok).toBe(true);
    expect(guard.status().loggedIn).toBe(true);
  });

  it('compares in constant time for wrong passwords of any length', async () => {
    const guard = await open();
    await guard.setup('верный-пароль');
    compared.calls = [];
    for (const attempt of ['x', 'неверный-пароль-гораздо-длиннее-настоящего', 'верный-пароль ']) {
      const result = await guard.login(attempt);
      expect(result.ok).toBe(false);
    }
    expect(compared.calls).toEqual([
      [32, 32],
      [32, 32],
      [32, 32],
    ]);
  });

  it('locks out after five failures with growing lockouts that survive a restart', async () => {
    let guard = await open();
    await guard.setup('верный-пароль');
    guard.logout();
    const messages: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const result = await guard.login('неверно');
      if (!result.ok) messages.push(result.error.message);
    }
    expect(messages[0]).toContain('Осталось попыток до блокировки: 4');
    expect(messages[4]).toContain('заблокирован на 30 с');
    expect(guard.status().lockedUntil).toBe(clock + 30_000);

    // Locked: even the right password is not checked.
    compared.calls = [];
    const locked = await guard.login('верный-пароль');
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(locked.error.message).toContain('Повторите через 30 с');
    expect(compared.calls).toHaveLength(0);

    // A restart keeps the lockout and the count.
    guard = await open();
    expect(guard.status().lockedUntil).toBe(clock + 30_000);
    clock += 30_000;
    expect(guard.status().lockedUntil).toBeNull();
    const sixth = await guard.login('неверно');
    expect(!sixth.ok && sixth.error.message).toContain('заблокирован на 1 мин');
    clock += 60_000;
    const seventh = await guard.login('неверно');
    expect(!seventh.ok && seventh.error.message).toContain('заблокирован на 2 мин');
    clock += 120_000;

    // The right password resets the count.
    expect((await guard.login('верный-пароль')).ok).toBe(true);
    guard = await open();
    expect(guard.status().lockedUntil).toBeNull();
    const again = await guard.login('неверно');
    expect(!again.ok && again.error.message).toContain('Осталось попыток до блокировки: 4');
  });

  it('serialises concurrent attempts so none slips past the lockout', async () => {
    const guard = await open();
    await guard.setup('верный-пароль');
    const results = await Promise.all(Array.from({ length: 7 }, () => guard.login('неверно')));
    const messages = results.map((r) => (r.ok ? 'ok' : r.error.message));
    expect(messages.filter((m) => m.includes('Повторите через'))).toHaveLength(2);
    expect(JSON.parse(await readFile(path.join(dir, MANAGER_FILE), 'utf8'))).toMatchObject({ failures: 5 });
  });

  it('logs the manager out after the idle period, and each action extends it', async () => {
    const guard = await open();
    await guard.setup('верный-пароль');
    clock += 50_000;
    expect(guard.requireLogin()).toBeNull();
    clock += 50_000;
    expect(guard.status().loggedIn).toBe(true);
    expect(guard.sessionEndsAt()).toBe(clock + 10_000);
    clock += 10_000;
    expect(guard.status().loggedIn).toBe(false);
    expect(guard.requireLogin()).toMatchObject({ kind: 'auth' });
  });

  it('keeps a damaged file aside, reports it and lets a new password be set', async () => {
    await writeFile(path.join(dir, MANAGER_FILE), '{"version":1,"kdf":"scrypt","N":3}');
    const guard = await open();
    expect(guard.problem).toMatchObject({ kind: 'config' });
    expect(guard.status().passwordSet).toBe(false);
    const files = await readdir(dir);
    expect(files.some((f) => f.startsWith(`${MANAGER_FILE}.damaged-`))).toBe(true);
    expect((await guard.setup('новый-пароль')).ok).toBe(true);
  });

  it('rejects a stored cost that would weaken the hash or exhaust memory', async () => {
    await (await open()).setup('верный-пароль');
    const file = path.join(dir, MANAGER_FILE);
    const stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    for (const N of [2, 2 ** 24, 20_000]) {
      await writeFile(file, JSON.stringify({ ...stored, N }));
      const guard = await open();
      expect(guard.status().passwordSet).toBe(false);
      expect(guard.problem).not.toBeNull();
      await writeFile(file, JSON.stringify(stored));
    }
  });
});

describe('lockFor', () => {
  it('grows 30 s, 60 s, 120 s … up to the cap', () => {
    expect([1, 4, 5, 6, 7, 8].map((f) => lockFor(f, DEFAULT_LOCKOUT))).toEqual([0, 0, 30_000, 60_000, 120_000, 240_000]);
    expect(lockFor(1_000, DEFAULT_LOCKOUT)).toBe(DEFAULT_LOCKOUT.maxLockMs);
  });

  it('formats durations for a person', () => {
    expect(formatDuration(29_001)).toBe('30 с');
    expect(formatDuration(120_000)).toBe('2 мин');
  });
});
