import { randomBytes } from 'node:crypto';
import type { OperationId } from '../../src-shared/journal/types';

/** `20250314-102231-k1-3fa9c2` from the intent's local time (as written by localIso) and the register. */
export function newOperationId(at: string, kassa: number, random: () => string = () => randomBytes(3).toString('hex')): OperationId {
  const date = at.slice(0, 10).replaceAll('-', '');
  const time = at.slice(11, 19).replaceAll(':', '');
  return `${date}-${time}-k${kassa}-${random()}`;
}

/** The month file an operation's records live in: the month of its intent. */
export function monthOfId(id: OperationId): string {
  return `${id.slice(0, 4)}-${id.slice(4, 6)}`;
}
