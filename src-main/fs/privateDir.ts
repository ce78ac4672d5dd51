import { chmod, mkdir, stat } from 'node:fs/promises';

/**
 * The app's own folders (data, journal) hold a password hash, QR secrets and every operation: only the
 * user who runs the till may list or enter them. New folders are made so; an existing one that others
 * can read (made by an older version, or by a umask of 022) is tightened when it is ours to change.
 * Windows ignores these modes: there the folder inherits the user profile's rights.
 */
const PRIVATE_DIR_MODE = 0o700;

export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (process.platform === 'win32') return;
  const info = await stat(dir);
  if ((info.mode & 0o077) !== 0 && info.uid === process.getuid?.()) await chmod(dir, PRIVATE_DIR_MODE);
}
