import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { codedError, type AppError } from '../../src-shared/errors';
import { writeFileAtomically } from '../fs/atomicFile';
import { errnoCode } from '../fs/errnoCode';

/** In the data dir, beside settings.json: the one secret a POS program needs to call the till. */
export const TOKEN_FILE = 'api-token';

/** 32 random bytes (256 bits) as base64url: 43 characters, safe in a header and in a 1C string. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface ApiToken {
  token: string;
  file: string;
  /** The file could not be made readable by this user only (the API still works; the manager is told). */
  problem: AppError | null;
}

function newTokenText(): string {
  return randomBytes(32).toString('base64url');
}

/** Reads the token, making one when there is none (or the file holds something else). */
export async function loadOrCreateToken(dataDir: string): Promise<ApiToken> {
  const file = path.join(dataDir, TOKEN_FILE);
  let text: string | null = null;
  try {
    text = (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
  if (text !== null && TOKEN_PATTERN.test(text)) return { token: text, file, problem: await restrictToUser(file) };
  return writeNewToken(dataDir);
}

/** The manager's «Новый токен»: the old one stops working at once. */
export async function writeNewToken(dataDir: string): Promise<ApiToken> {
  const file = path.join(dataDir, TOKEN_FILE);
  const token = newTokenText();
  // Created 0600 under a temporary name, so the token is never readable by others, not even for a moment.
  await writeFileAtomically(file, `${token}\n`);
  return { token, file, problem: await restrictToUser(file) };
}

/**
 * POSIX: mode 0600. Windows has no mode bits: the file's ACL is cut down to the current user with
 * icacls (inheritance removed, full control for this user only); if that fails the manager is told.
 */
async function restrictToUser(file: string): Promise<AppError | null> {
  if (process.platform === 'win32') {
    const user = process.env.USERNAME;
    if (!user) return accessProblem(file);
    try {
      await promisify(execFile)('icacls', [file, '/inheritance:r', '/grant:r', `${user}:F`], { windowsHide: true, timeout: 10_000 });
      return null;
    } catch {
      return accessProblem(file);
    }
  }
  try {
    if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
    return null;
  } catch {
    return accessProblem(file);
  }
}

function accessProblem(file: string): AppError {
  return codedError('config', 'localApi.tokenOpen', { file });
}
