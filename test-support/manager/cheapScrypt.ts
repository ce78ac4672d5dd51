import type { ScryptParams } from '../../src-main/manager/passwordGuard';

/** The lowest cost the password file accepts: tests that log in many times stay fast on a loaded machine. */
export const CHEAP_SCRYPT: ScryptParams = { N: 2 ** 14, r: 8, p: 1, keyLength: 32 };
