import { spawn } from 'node:child_process';
import { mkdtemp, open, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockNotWritten } from './journalErrors';
import { translate } from '../../src-shared/messages/messages';
import { messagesEn } from '../../src-shared/messages/messagesEn';
import { LOCK_FILE, WriterLock, holderParams, type CreateLockFile } from './writerLock';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'writer-lock-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The pid of a process that has just exited: nobody runs under it. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  const pid = child.pid;
  await new Promise((resolve) => child.on('exit', resolve));
  if (pid === undefined) throw new Error('no child pid');
  return pid;
}

/** Creates the file for real, then fails to fill it, as a full disk does. */
const fullDisk: CreateLockFile = async (file) => {
  const handle = await open(file, 'wx', 0o600);
  return {
    writeFile: () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })),
    datasync: () => handle.datasync(),
    close: () => handle.close(),
  };
};

describe('WriterLock', () => {
  it('leaves no empty lock behind when the disk is full, so the next try meets the real cause again', async () => {
    const failed = await WriterLock.acquire(dir, 'cli', { createFile: fullDisk }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failed).toMatchObject({ code: 'ENOSPC' });
    expect(await readdir(dir)).not.toContain(LOCK_FILE);
    expect(lockNotWritten(dir, failed, 'operation').message).toBe(
      `Журнал операций в папке ${dir} не открыт для записи (диск заполнен: освободите место): операция не отправлена.`,
    );
    const next = await WriterLock.acquire(dir, 'app');
    expect(next.ok).toBe(true);
    if (next.ok) await next.lock.release();
  });

  it('lets one holder in, refuses the second while the first holds it, and frees it on release', async () => {
    const first = await WriterLock.acquire(dir, 'app');
    expect(first.ok).toBe(true);
    const second = await WriterLock.acquire(dir, 'cli');
    expect(second).toMatchObject({ ok: false, holder: { pid: process.pid, owner: 'app' } });
    if (!first.ok) return;
    await first.lock.release();
    const third = await WriterLock.acquire(dir, 'cli');
    expect(third.ok).toBe(true);
    if (third.ok) await third.lock.release();
  });

  it('takes over a lock whose process is gone', async () => {
    const pid = await deadPid();
    const dead = await WriterLock.acquire(dir, 'cli', { pid });
    expect(dead.ok).toBe(true);
    const app = await WriterLock.acquire(dir, 'app');
    expect(app.ok).toBe(true);
    const record = JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8')) as { pid: number; owner: string };
    expect(record).toMatchObject({ pid: process.pid, owner: 'app' });
  });

  it('takes over a lock left in an earlier boot even when its pid runs again', async () => {
    const before = await WriterLock.acquire(dir, 'app', { bootedAt: () => Date.now() - 3 * 86_400_000 });
    expect(before.ok).toBe(true);
    const after = await WriterLock.acquire(dir, 'app');
    expect(after.ok).toBe(true);
  });

  it('waits for a lock file that is being filled, and takes over one left empty', async () => {
    const file = path.join(dir, LOCK_FILE);
    await writeFile(file, '');
    expect(await WriterLock.acquire(dir, 'cli')).toMatchObject({ ok: false, holder: { pid: 0 } });
    const old = new Date(Date.now() - 60_000);
    await utimes(file, old, old);
    expect((await WriterLock.acquire(dir, 'cli')).ok).toBe(true);
  });

  it('does not remove a lock that another holder has taken since', async () => {
    const first = await WriterLock.acquire(dir, 'cli');
    if (!first.ok) throw new Error('no lock');
    await rm(path.join(dir, LOCK_FILE));
    const second = await WriterLock.acquire(dir, 'app');
    expect(second.ok).toBe(true);
    await first.lock.release();
    expect(await WriterLock.acquire(dir, 'cli')).toMatchObject({ ok: false, holder: { owner: 'app' } });
  });

  it('names the holder for the person refused, in either language', () => {
    const app = holderParams({ pid: 42, owner: 'app', since: 0 });
    expect(translate('journal.heldByOther', app)).toContain('ведёт программа кассы (процесс 42).');
    expect(messagesEn['journal.heldByOther'](app)).toContain('kept by the till program (process 42).');
    expect(translate('journal.heldByOtherCli', holderParams({ pid: 42, owner: 'cli', since: 0 }))).toContain('терминале');
    expect(messagesEn['journal.heldByOtherCli'](holderParams({ pid: 0, owner: 'cli', since: 0 }))).toContain('another program');
  });
});
