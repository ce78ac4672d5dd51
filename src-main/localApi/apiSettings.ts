import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod/mini';
import { writeFileAtomically } from '../fs/atomicFile';
import { errnoCode } from '../fs/errnoCode';

/** The manager's switch and port for the local API, in their own file so the shop settings stay as they are. */
const API_SETTINGS_FILE = 'local-api.json';

const DEFAULT_API_PORT = 17231;

const apiSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  port: z.int().check(z.minimum(1024), z.maximum(65535)),
});

export type ApiSettings = z.infer<typeof apiSettingsSchema>;

const DEFAULT_API_SETTINGS: ApiSettings = { enabled: false, port: DEFAULT_API_PORT };

/** Off with the default port when there is no file or it cannot be read: the API is never on by accident. */
export async function loadApiSettings(dataDir: string): Promise<ApiSettings> {
  try {
    const parsed = apiSettingsSchema.safeParse(JSON.parse(await readFile(path.join(dataDir, API_SETTINGS_FILE), 'utf8')));
    return parsed.success ? parsed.data : { ...DEFAULT_API_SETTINGS };
  } catch (error) {
    if (errnoCode(error) === 'ENOENT' || error instanceof SyntaxError) return { ...DEFAULT_API_SETTINGS };
    throw error;
  }
}

export async function saveApiSettings(dataDir: string, settings: ApiSettings): Promise<void> {
  await writeFileAtomically(path.join(dataDir, API_SETTINGS_FILE), `${JSON.stringify(apiSettingsSchema.parse(settings), null, 2)}\n`);
}
