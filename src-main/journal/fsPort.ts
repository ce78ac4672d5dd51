import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** A file opened for appending. `write` writes every byte or throws; `datasync` is the fsync point. */
export interface AppendFile {
  readonly path: string;
  size(): Promise<number>;
  write(data: Uint8Array): Promise<void>;
  datasync(): Promise<void>;
  truncate(size: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Everything the journal asks of the disk. Tests hand in a wrapper that fails with ENOSPC or EACCES
 * at a chosen call, or logs the order of writes and syncs: running as root, chmod cannot make a
 * folder unwritable, and a full disk cannot be made portably.
 */
export interface JournalFs {
  mkdir(dir: string): Promise<void>;
  /** File names in the folder; an empty list when the folder does not exist. */
  readdir(dir: string): Promise<string[]>;
  /** The whole file, or null when it does not exist. */
  readFile(file: string): Promise<Uint8Array | null>;
  openAppend(file: string): Promise<AppendFile>;
  /** Temp file, flushed, renamed over the target, folder flushed: the old content or the new, never half. */
  writeFileAtomic(file: string, data: Uint8Array): Promise<void>;
  remove(file: string): Promise<void>;
  /** Flushes a folder, so a file just created survives a power cut. */
  syncDir(dir: string): Promise<void>;
}

export function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

export const nodeJournalFs: JournalFs = {
  async mkdir(dir) {
    await mkdir(dir, { recursive: true });
  },

  async readdir(dir) {
    try {
      return await readdir(dir);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return [];
      throw error;
    }
  },

  async readFile(file) {
    try {
      return await readFile(file);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return null;
      throw error;
    }
  },

  async openAppend(file) {
    const handle = await open(file, 'a', 0o600);
    return {
      path: file,
      async size() {
        return (await handle.stat()).size;
      },
      async write(data) {
        let offset = 0;
        while (offset < data.length) {
          const { bytesWritten } = await handle.write(data, offset, data.length - offset);
          offset += bytesWritten;
        }
      },
      // fdatasync: the bytes and the file length reach the disk, which is all an append needs.
      datasync: () => handle.datasync(),
      truncate: (size) => handle.truncate(size),
      close: () => handle.close(),
    };
  },

  async writeFileAtomic(file, data) {
    const dir = path.dirname(file);
    const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(data);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await nodeJournalFs.syncDir(dir);
  },

  async remove(file) {
    await rm(file, { force: true });
  },

  async syncDir(dir) {
    // Windows cannot open a folder for flushing; NTFS journals its metadata anyway.
    if (process.platform === 'win32') return;
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};
