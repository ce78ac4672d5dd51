import { z } from 'zod/mini';
import { parseJsonAs } from '../../src-shared/parseJson';
import type { JournalFs } from './fsPort';

const MONTH = /^\d{4}-\d{2}$/;
const indexSchema = z.object({ v: z.literal(1), months: z.array(z.string().check(z.regex(MONTH))) });

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The months the app must read at start besides the current one: every month that may hold an
 * unresolved operation or was written to since the last start (and so may end in a torn line).
 * The rule that keeps it true: a month is added here before the first line of a session goes into
 * its file, and the list is cut back to the months with open operations only after a full load.
 * A missing or damaged index is not an error: the journal reads every month once and rebuilds it.
 */
export async function readMonthIndex(fs: JournalFs, file: string): Promise<string[] | null> {
  let bytes: Uint8Array | null;
  try {
    bytes = await fs.readFile(file);
  } catch {
    return null;
  }
  if (bytes === null) return null;
  return parseJsonAs(indexSchema, decoder.decode(bytes))?.months ?? null;
}

export async function writeMonthIndex(fs: JournalFs, file: string, months: Iterable<string>): Promise<void> {
  const sorted = [...new Set(months)].sort();
  await fs.writeFileAtomic(file, encoder.encode(`${JSON.stringify({ v: 1, months: sorted })}\n`));
}
