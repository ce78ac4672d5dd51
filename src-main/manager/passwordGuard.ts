import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod/mini';
import { codedError } from '../../src-shared/errors';
import type { MessageParams } from '../../src-shared/messages/messages';
import type { AppError, Result } from '../../src-shared/errors';
import { MIN_PASSWORD_LENGTH, passwordLength } from '../../src-shared/manager/password';
import { parseJsonAs } from '../../src-shared/parseJson';
import { writeFileAtomically } from '../fs/atomicFile';
import { errnoCode } from '../fs/errnoCode';

export const MANAGER_FILE = 'manager-password.json';

/**
 * scrypt's cost: memory is 128·N·r bytes (128 MiB at the default), so guessing needs memory as well
 * as time. The default is OWASP's minimum for scrypt (N = 2^17, r = 8, p = 1); a stored hash of a
 * lower cost is rehashed at the next successful login.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1, keyLength: 32 };

/** After `freeAttempts` failures in a row each further failure locks login for twice as long, up to `maxLockMs`. */
export interface LockoutPolicy {
  freeAttempts: number;
  firstLockMs: number;
  maxLockMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { freeAttempts: 5, firstLockMs: 30_000, maxLockMs: 60 * 60_000 };

export interface PasswordGuardOptions {
  now?: () => number;
  /** The manager is logged out after this long without a manager action. */
  idleMs?: number;
  scrypt?: ScryptParams;
  lockout?: LockoutPolicy;
}

export interface ManagerStatus {
  passwordSet: boolean;
  loggedIn: boolean;
  lockedUntil: number | null;
}

const base64 = z.base64().check(z.minLength(16), z.maxLength(512));

/** Bounds on the stored cost, so a tampered file can neither weaken the hash nor make a login eat the machine. */
const storedSchema = z.strictObject({
  version: z.literal(1),
  kdf: z.literal('scrypt'),
  N: z.int().check(
    z.minimum(2 ** 14),
    z.maximum(2 ** 20),
    z.refine((n) => (n & (n - 1)) === 0, 'N — степень двойки'),
  ),
  r: z.int().check(z.minimum(1), z.maximum(32)),
  p: z.int().check(z.minimum(1), z.maximum(16)),
  keyLength: z.int().check(z.minimum(16), z.maximum(128)),
  salt: base64,
  hash: base64,
  failures: z.int().check(z.minimum(0)),
  lockedUntil: z.nullable(z.int()),
});

type StoredPassword = z.infer<typeof storedSchema>;

/**
 * The manager password: set once on first run, kept only as a salted scrypt hash in the data folder,
 * checked in constant time, with growing lockouts that survive a restart, and a session that ends
 * after a few idle minutes.
 */
export class PasswordGuard {
  private stored: StoredPassword | null;
  private sessionUntil: number | null = null;
  /** Attempts run one at a time, so two quick tries cannot both slip past the lockout check. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => number;
  private readonly idleMs: number;
  private readonly scryptParams: ScryptParams;
  private readonly lockout: LockoutPolicy;

  private constructor(
    private readonly file: string,
    stored: StoredPassword | null,
    /** A damaged password file that was kept aside; reported to the manager. */
    readonly problem: AppError | null,
    options: PasswordGuardOptions,
  ) {
    this.stored = stored;
    this.now = options.now ?? Date.now;
    this.idleMs = options.idleMs ?? 5 * 60_000;
    this.scryptParams = options.scrypt ?? DEFAULT_SCRYPT;
    this.lockout = options.lockout ?? DEFAULT_LOCKOUT;
  }

  static async open(dataDir: string, options: PasswordGuardOptions = {}): Promise<PasswordGuard> {
    const file = path.join(dataDir, MANAGER_FILE);
    const loaded = await loadStored(file, options.now ?? Date.now);
    return new PasswordGuard(file, loaded.stored, loaded.problem, options);
  }

  status(): ManagerStatus {
    const lockedUntil = this.stored?.lockedUntil ?? null;
    return {
      passwordSet: this.stored !== null,
      loggedIn: this.isLoggedIn(),
      lockedUntil: lockedUntil !== null && lockedUntil > this.now() ? lockedUntil : null,
    };
  }

  isLoggedIn(): boolean {
    return this.sessionUntil !== null && this.now() < this.sessionUntil;
  }

  /** When the session ends unless the manager does something; null when nobody is logged in. */
  sessionEndsAt(): number | null {
    return this.isLoggedIn() ? this.sessionUntil : null;
  }

  /** A manager action: returns the error to show when there is no live session, and extends it otherwise. */
  requireLogin(): AppError | null {
    if (!this.isLoggedIn()) {
      this.sessionUntil = null;
      return codedError('auth', 'auth.loginNeeded');
    }
    this.sessionUntil = this.now() + this.idleMs;
    return null;
  }

  logout(): void {
    this.sessionUntil = null;
  }

  /** First run only: an existing password is changed by no one through this path. */
  setup(password: string): Promise<Result<void>> {
    return this.serial(async () => {
      if (this.stored !== null) return failure(codedError('auth', 'password.alreadySet'));
      const weak = checkNewPassword(password);
      if (weak) return failure(weak);
      const stored: StoredPassword = { version: 1, kdf: 'scrypt', ...(await this.hashed(password)), failures: 0, lockedUntil: null };
      const written = await this.persist(stored);
      if (!written.ok) return written;
      this.startSession();
      return ok();
    });
  }

  login(password: string): Promise<Result<void>> {
    return this.serial(async () => {
      const stored = this.stored;
      if (stored === null) return failure(codedError('auth', 'password.notSet'));
      const now = this.now();
      if (stored.lockedUntil !== null && stored.lockedUntil > now) {
        return failure(lockedError(stored.lockedUntil - now));
      }
      const expected = Buffer.from(stored.hash, 'base64');
      const actual = await derive(password, Buffer.from(stored.salt, 'base64'), stored);
      // Same length by construction (keyLength is read from the same record), so this always compares.
      const match = actual.length === expected.length && timingSafeEqual(actual, expected);
      if (match) {
        const mustReset = stored.failures !== 0 || stored.lockedUntil !== null;
        const upgrade = weakerThan(stored, this.scryptParams) ? await this.hashed(password) : null;
        if (mustReset || upgrade) {
          const written = await this.persist({ ...stored, ...upgrade, failures: 0, lockedUntil: null });
          // A failed upgrade keeps the old hash, which still works; a lockout that cannot be cleared must not be ignored.
          if (!written.ok && mustReset) return written;
        }
        this.startSession();
        return ok();
      }
      const failures = stored.failures + 1;
      const lockMs = lockFor(failures, this.lockout);
      const lockedUntil = lockMs === 0 ? null : this.now() + lockMs;
      const written = await this.persist({ ...stored, failures, lockedUntil });
      if (!written.ok) return written;
      if (lockMs > 0) {
        return failure(codedError('auth', 'auth.lockedFor', { ms: lockMs }));
      }
      const left = this.lockout.freeAttempts - failures;
      return failure(codedError('auth', 'auth.wrongPassword', { left }));
    });
  }

  /** A fresh salt and the hash at this guard's cost, with the cost written beside it. */
  private async hashed(password: string): Promise<Pick<StoredPassword, 'N' | 'r' | 'p' | 'keyLength' | 'salt' | 'hash'>> {
    const salt = randomBytes(16);
    const hash = await derive(password, salt, this.scryptParams);
    return { ...this.scryptParams, salt: salt.toString('base64'), hash: hash.toString('base64') };
  }

  private startSession(): void {
    this.sessionUntil = this.now() + this.idleMs;
  }

  private async persist(stored: StoredPassword): Promise<Result<void>> {
    try {
      await writeFileAtomically(this.file, `${JSON.stringify(stored, null, 2)}\n`);
    } catch (error) {
      return failure(
        codedError('config', 'password.writeFailed', fsCause(error)),
      );
    }
    this.stored = stored;
    return ok();
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** Whether a stored hash costs less than the cost in force, in any of its parameters. */
function weakerThan(stored: ScryptParams, target: ScryptParams): boolean {
  return stored.N < target.N || stored.r < target.r || stored.p < target.p || stored.keyLength < target.keyLength;
}

/** 0 while free attempts remain; then firstLockMs, doubling with every further failure, capped. */
export function lockFor(failures: number, policy: LockoutPolicy): number {
  const over = failures - policy.freeAttempts;
  if (over < 0) return 0;
  return Math.min(policy.firstLockMs * 2 ** Math.min(over, 30), policy.maxLockMs);
}

function checkNewPassword(password: string): AppError | null {
  if (passwordLength(password) < MIN_PASSWORD_LENGTH) {
    return codedError('input', 'password.tooShort', { min: MIN_PASSWORD_LENGTH });
  }
  return null;
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // NFC: the same Cyrillic password typed on two keyboards may arrive composed or decomposed.
  const secret = Buffer.from(password.normalize('NFC'), 'utf8');
  return new Promise((resolve, reject) => {
    scrypt(
      secret,
      salt,
      params.keyLength,
      { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

async function loadStored(file: string, now: () => number): Promise<{ stored: StoredPassword | null; problem: AppError | null }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return { stored: null, problem: null };
    return {
      stored: null,
      problem: codedError('config', 'password.readFailed', fsCause(error)),
    };
  }
  const parsed = parseStored(text);
  if (parsed !== null) return { stored: parsed, problem: null };
  // Kept aside, never deleted: whoever can damage this file can already change every file of the app.
  const aside = `${file}.damaged-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
  try {
    await rename(file, aside);
  } catch (error) {
    return {
      stored: null,
      problem: codedError('config', 'password.damagedStuck', { file, ...fsCause(error) }),
    };
  }
  return {
    stored: null,
    problem: codedError('config', 'password.damagedAside', { aside }),
  };
}

function parseStored(text: string): StoredPassword | null {
  const stored = parseJsonAs(storedSchema, text);
  return stored !== null && Buffer.from(stored.hash, 'base64').length === stored.keyLength ? stored : null;
}

function lockedError(remainingMs: number): AppError {
  return codedError('auth', 'auth.tooManyAttempts', { ms: remainingMs });
}

export function formatDuration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} с`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} мин`;
}

/** The file system's code (EACCES…) when it gave one; the message words its absence. */
function fsCause(error: unknown): MessageParams {
  const code = errnoCode(error);
  return code === undefined ? {} : { errno: code };
}

function ok(): Result<void> {
  return { ok: true, value: undefined };
}

function failure(error: AppError): { ok: false; error: AppError } {
  return { ok: false, error };
}
