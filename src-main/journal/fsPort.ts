import { open, readFile, readdir, rm } from 'node:fs/promises';
import { syncDirectory, writeFileAtomically } from '../fs/atomicFile';
import { errnoCode } from '../fs/errnoCode';
import { ensurePrivateDir } from '../fs/privateDir';

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
  /** Creates the folder, parents included, for this user only; an existing one is tightened. */
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

export const nodeJournalFs: JournalFs = {
  async mkdir(dir) {
    await ensurePrivateDir(dir);
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

  writeFileAtomic: writeFileAtomically,

  async remove(file) {
    await rm(file, { force: true });
  },

  syncDir: syncDirectory,
};
