import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod/mini';
import { writeFileAtomically } from '../fs/atomicFile';

/**
 * Written by the process that holds the journal (the app or `serve`) while it runs: whether its local
 * API is on and where, so a CLI command on the same till goes through it instead of being refused.
 */
export const ENDPOINT_FILE = 'local-api.run.json';

const endpointSchema = z.object({
  pid: z.int().check(z.positive()),
  enabled: z.boolean(),
  url: z.nullable(z.string()),
});

export type ApiEndpoint = z.infer<typeof endpointSchema>;

export async function writeEndpoint(dataDir: string, endpoint: ApiEndpoint): Promise<void> {
  await writeFileAtomically(path.join(dataDir, ENDPOINT_FILE), `${JSON.stringify(endpoint)}\n`);
}

/** Removes the file if it is still this process's. */
export async function removeEndpoint(dataDir: string, pid: number = process.pid): Promise<void> {
  const found = await readEndpoint(dataDir);
  if (found?.pid === pid) await rm(path.join(dataDir, ENDPOINT_FILE), { force: true });
}

/** null when there is none or it is unreadable. */
export async function readEndpoint(dataDir: string): Promise<ApiEndpoint | null> {
  try {
    const parsed = endpointSchema.safeParse(JSON.parse(await readFile(path.join(dataDir, ENDPOINT_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
