import { randomUUID } from 'node:crypto';
import { open, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod/mini';
import type { MessageParams } from '../../src-shared/messages/messages';
import { errnoCode } from '../fs/errnoCode';
import { ensurePrivateDir } from '../fs/privateDir';

/** Beside the month files: whoever holds it is the one process that writes this journal. */
export const LOCK_FILE = 'writer.lock';

/** Who writes the journal: the till app for its whole run, or one CLI command for its few seconds. */
export type LockOwner = 'app' | 'cli';

export interface LockHolder {
  pid: number;
  owner: LockOwner;
  /** When the holder took the lock, epoch ms. */
  since: number;
}

export type AcquireResult = { ok: true; lock: WriterLock } | { ok: false; holder: LockHolder; file: string };

export interface LockOptions {
  /** This process's id; other values only in tests. */
  pid?: number;
  /** Whether a process with this id is running now. */
  isRunning?: (pid: number) => boolean;
  /** When this computer booted, epoch ms. */
  bootedAt?: () => number;
  now?: () => number;
  /** Creates the lock file exclusively; tests hand in one whose writes fail as a full disk's do. */
  createFile?: CreateLockFile;
}

/** The part of a file handle the lock writes through. */
export interface LockFileHandle {
  writeFile(data: string): Promise<void>;
  datasync(): Promise<void>;
  close(): Promise<void>;
}

export type CreateLockFile = (file: string) => Promise<LockFileHandle>;

const createLockFile: CreateLockFile = (file) => open(file, 'wx', 0o600);

const recordSchema = z.object({
  pid: z.int().check(z.positive()),
  owner: z.enum(['app', 'cli']),
  token: z.string().check(z.minLength(1)),
  since: z.number(),
  bootedAt: z.number(),
});

type LockRecord = z.infer<typeof recordSchema>;

/**
 * A pid can come back after a reboot (a power cut is exactly when a lock is left behind), so a lock
 * taken in an earlier boot is stale even when its pid is running. Boot time is estimated from the
 * wall clock and the uptime, so it wobbles with clock corrections: only a gap this large counts.
 */
const BOOT_TOLERANCE_MS = 5 * 60_000;
/** A lock file with nothing readable in it: a writer is between creating and filling it, or crashed there. */
const UNREADABLE_GRACE_MS = 5_000;

/** Whether a process with this id is running now (on this computer, for any user). */
export function defaultIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return errnoCode(error) === 'EPERM';
  }
}

function defaultBootedAt(): number {
  return Date.now() - os.uptime() * 1000;
}

/**
 * One writer per journal folder: an exclusive file naming the holder's pid. The app takes it for its
 * whole run, a CLI command for one operation; the other one is refused while it is held. A lock left
 * by a process that is gone (killed, power cut) is taken over.
 */
export class WriterLock {
  private released = false;

  private constructor(
    readonly file: string,
    private readonly token: string,
  ) {}

  static async acquire(dir: string, owner: LockOwner, options: LockOptions = {}): Promise<AcquireResult> {
    const file = path.join(dir, LOCK_FILE);
    const pid = options.pid ?? process.pid;
    const isRunning = options.isRunning ?? defaultIsRunning;
    const bootedAt = options.bootedAt ?? defaultBootedAt;
    const now = options.now ?? Date.now;
    const create = options.createFile ?? createLockFile;
    await ensurePrivateDir(dir);
    const record: LockRecord = { pid, owner, token: randomUUID(), since: now(), bootedAt: Math.round(bootedAt()) };
    // Two rounds: a stale lock is removed in the first, and the second either takes the file or meets
    // a live holder who removed the same stale lock a moment earlier.
    let holder: LockHolder = { pid: 0, owner: 'app', since: 0 };
    for (let round = 0; round < 3; round += 1) {
      if (await createExclusive(file, record, create)) return { ok: true, lock: new WriterLock(file, record.token) };
      const seen = await readLock(file);
      if (seen === null) continue;
      if (seen.record === null) {
        if (now() - seen.modifiedAt < UNREADABLE_GRACE_MS) return { ok: false, holder: { pid: 0, owner: 'app', since: seen.modifiedAt }, file };
        await removeIfUnchanged(file, seen.text);
        continue;
      }
      const other = seen.record;
      holder = { pid: other.pid, owner: other.owner, since: other.since };
      const stale = !isRunning(other.pid) || Math.abs(other.bootedAt - record.bootedAt) > BOOT_TOLERANCE_MS;
      if (!stale) return { ok: false, holder, file };
      await removeIfUnchanged(file, seen.text);
    }
    return { ok: false, holder, file };
  }

  /** Removes the lock if it is still this holder's; never throws. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    const seen = await readLock(this.file).catch(() => null);
    if (seen?.record?.token === this.token) await removeIfUnchanged(this.file, seen.text);
  }
}

/**
 * True when this call created the file; false when one was there already. A file that was created
 * but could not be filled (a full disk) is removed again: left empty, it would turn every next
 * attempt into "held by another program" and hide the real cause.
 */
async function createExclusive(file: string, record: LockRecord, create: CreateLockFile): Promise<boolean> {
  let handle;
  try {
    handle = await create(file);
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(`${JSON.stringify(record)}\n`);
    await handle.datasync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(file, { force: true }).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return true;
}

/** null when the file is gone by now. */
async function readLock(file: string): Promise<{ text: string; record: LockRecord | null; modifiedAt: number } | null> {
  try {
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    let record: LockRecord | null = null;
    try {
      const parsed = recordSchema.safeParse(JSON.parse(text));
      record = parsed.success ? parsed.data : null;
    } catch {
      record = null;
    }
    return { text, record, modifiedAt: info.mtimeMs };
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/** Narrows (cannot close) the window in which a lock just taken by another process is removed as stale. */
async function removeIfUnchanged(file: string, text: string): Promise<void> {
  try {
    if ((await readFile(file, 'utf8')) === text) await rm(file, { force: true });
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
}

/** Who holds the lock, as parameters of the keyed refusal (journal.heldByOther…). */
export function holderParams(holder: LockHolder): MessageParams {
  if (holder.pid === 0) return { holder: 'new' };
  return { holder: holder.owner, pid: holder.pid };
}

