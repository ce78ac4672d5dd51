import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal, JOURNAL_DIR } from '../journal/journal';
import { WriterLock } from '../journal/writerLock';
import { SettingsStore } from '../settings/settingsStore';
import { DEFAULT_SETTINGS } from '../../src-shared/settings/settings';
import { ensurePrivateDir } from './privateDir';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'private-dir-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function modeOf(dir: string): Promise<number> {
  return (await stat(dir)).mode & 0o777;
}

describe.skipIf(process.platform === 'win32')('private folders', () => {
  it('creates the data and journal folders for the user only', async () => {
    const dataDir = path.join(root, 'config', 'Скидкабот Касса');
    const { journal } = await Journal.open(dataDir);
    await journal.close();
    expect(await modeOf(dataDir)).toBe(0o700);
    expect(await modeOf(path.join(dataDir, JOURNAL_DIR))).toBe(0o700);
  });

  it('makes the data folder user-only when the settings are first written', async () => {
    const dataDir = path.join(root, 'data');
    await new SettingsStore(dataDir).save({ ...DEFAULT_SETTINGS, shopCode: 4 });
    expect(await modeOf(dataDir)).toBe(0o700);
  });

  it('tightens folders an older version left open to others', async () => {
    const dataDir = path.join(root, 'data');
    const journalDir = path.join(dataDir, JOURNAL_DIR);
    await mkdir(journalDir, { recursive: true });
    await chmod(dataDir, 0o755);
    await chmod(journalDir, 0o755);
    const lock = await WriterLock.acquire(journalDir, 'cli');
    if (lock.ok) await lock.lock.release();
    expect(await modeOf(journalDir)).toBe(0o700);
    await ensurePrivateDir(dataDir);
    expect(await modeOf(dataDir)).toBe(0o700);
  });
});
