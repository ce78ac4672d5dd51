import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode } from './errnoCode';
import { ensurePrivateDir } from './privateDir';

/**
 * Replaces a file so that a crash or power cut leaves the old content or the new, never half: a
 * temp file in the same folder (a rename is atomic only within one file system), flushed, renamed
 * over the target, then the folder flushed so the rename itself survives. Owner-only permissions:
 * these files hold settings, a password hash, QR secrets.
 */
export async function writeFileAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await ensurePrivateDir(dir);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameOver(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

/**
 * Flushes a folder, so a file just created or renamed in it survives a power cut. Windows cannot
 * open a folder for flushing (NTFS journals the rename anyway); some network and FUSE file systems
 * refuse to flush one (EINVAL, ENOTSUP), and there nothing more can be done.
 */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    if (!['EINVAL', 'ENOTSUP'].includes(errnoCode(error) ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

/**
 * On Windows an antivirus or indexer briefly holding the target makes the rename fail with
 * EPERM/EACCES/EBUSY; a few short retries ride that out.
 */
async function renameOver(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const transient = process.platform === 'win32' && ['EPERM', 'EACCES', 'EBUSY'].includes(errnoCode(error) ?? '');
      if (!transient || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
