import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod/mini';
import { codedError, type AppError, type ErrorKind } from '../../src-shared/errors';
import { settingsSchema } from '../../src-shared/ipc/contract';
import { DEFAULT_SETTINGS, type Settings } from '../../src-shared/settings/settings';
import { writeFileAtomically } from '../fs/atomicFile';
import { errnoCode } from '../fs/errnoCode';

export const SETTINGS_FILE = 'settings.json';

export interface LoadedSettings {
  settings: Settings;
  exists: boolean;
  problem: AppError | null;
}

/** A save that did not happen. Carries `kind` so the IPC layer can pass it on as {kind, message}. */
export class SettingsSaveError extends Error {
  readonly kind: ErrorKind;
  constructor(private readonly error: AppError) {
    super(error.message);
    this.name = 'SettingsSaveError';
    this.kind = error.kind;
  }

  toAppError(): AppError {
    return { ...this.error };
  }
}

export interface SettingsStoreOptions {
  /** The clock that names a damaged file kept aside. */
  now?: () => Date;
}

/**
 * settings.json in the app's data folder, shared by the app and the CLI. Never holds the shop
 * secret: only the keys of the Settings type are ever read or written.
 */
export class SettingsStore {
  readonly file: string;
  private readonly now: () => Date;
  /** Saves run one after another, so the last one asked for is the one left on disk. */
  private saving: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dataDir: string,
    options: SettingsStoreOptions = {},
  ) {
    this.file = path.join(dataDir, SETTINGS_FILE);
    this.now = options.now ?? (() => new Date());
  }

  async load(): Promise<LoadedSettings> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return { settings: cloneDefaults(), exists: false, problem: null };
      return {
        settings: cloneDefaults(),
        exists: true,
        problem: codedError('config', 'settings.readFailed', { file: this.file, errno: describeFsError(error) }),
      };
    }
    const parsed = parseSettings(text);
    if (parsed.ok) return { settings: parsed.settings, exists: true, problem: null };
    return { settings: cloneDefaults(), exists: true, problem: await this.keepAside(parsed.reason) };
  }

  save(settings: Settings): Promise<void> {
    const run = this.saving.then(() => this.write(settings));
    this.saving = run.catch(() => undefined);
    return run;
  }

  private async write(settings: Settings): Promise<void> {
    const valid = settingsSchema.safeParse(pickKnownKeys(settings));
    if (!valid.success) {
      throw new SettingsSaveError(
        codedError('input', 'settings.badValue', { fields: describeIssues(valid.error.issues) }),
      );
    }
    try {
      await writeFileAtomically(this.file, `${JSON.stringify(valid.data, null, 2)}\n`);
    } catch (error) {
      throw new SettingsSaveError(
        codedError('config', 'settings.saveFailed', { file: this.file, errno: describeFsError(error) }),
      );
    }
  }

  /** A damaged file is renamed, never deleted or overwritten: a technician may want to read it. */
  private async keepAside(reason: DamageReason): Promise<AppError> {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const aside = `${this.file}.damaged-${stamp}`;
    try {
      await rename(this.file, aside);
    } catch (error) {
      return codedError('config', 'settings.damagedStuck', { file: this.file, ...reason, errno: describeFsError(error) });
    }
    return codedError('config', 'settings.damagedAside', { aside, ...reason });
  }
}

/** What is wrong inside a damaged file, as parameters of the keyed message. */
type DamageReason = { why: 'notJson' | 'notObject' } | { why: 'badValue'; fields: string };
type ParsedSettings = { ok: true; settings: Settings } | { ok: false; reason: DamageReason };

function parseSettings(text: string): ParsedSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, reason: { why: 'notJson' } };
  }
  if (!isPlainObject(raw)) return { ok: false, reason: { why: 'notObject' } };
  // Keys a later version added are dropped and keys it lacks take their defaults, so a file
  // written by another version still loads; only a wrong value makes it damaged.
  const known = pickKnownKeys(raw);
  for (const section of ['rules', 'scanner', 'camera'] as const) {
    if (section in known && !isPlainObject(known[section])) return { ok: false, reason: { why: 'badValue', fields: section } };
  }
  const merged = {
    ...DEFAULT_SETTINGS,
    ...known,
    rules: { ...DEFAULT_SETTINGS.rules, ...(isPlainObject(known.rules) ? known.rules : {}) },
    scanner: { ...DEFAULT_SETTINGS.scanner, ...(isPlainObject(known.scanner) ? known.scanner : {}) },
    camera: { ...DEFAULT_SETTINGS.camera, ...(isPlainObject(known.camera) ? known.camera : {}) },
  };
  const valid = settingsSchema.safeParse(merged);
  if (!valid.success) return { ok: false, reason: { why: 'badValue', fields: describeIssues(valid.error.issues) } };
  return { ok: true, settings: valid.data };
}

/** Copies only the keys the Settings type has, at every depth, so nothing else (a secret above all) reaches the file. */
function pickKnownKeys(value: object): Record<string, unknown> {
  return pickBySchema(value, settingsSchema) as Record<string, unknown>;
}

function pickBySchema(value: unknown, schema: z.ZodMiniType): unknown {
  const inner = schema instanceof z.ZodMiniNullable ? schema.def.innerType : schema;
  if (!(inner instanceof z.ZodMiniObject) || !isPlainObject(value)) return value;
  const source = value as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(inner.shape as Record<string, z.ZodMiniType>)) {
    if (Object.hasOwn(source, key)) picked[key] = pickBySchema(source[key], child);
  }
  return picked;
}

function describeIssues(issues: readonly { path: readonly PropertyKey[] }[]): string {
  const fields = [...new Set(issues.map((issue) => issue.path.map(String).join('.')))];
  return fields.join(', ');
}

function describeFsError(error: unknown): string {
  return errnoCode(error) ?? (error instanceof Error ? error.message : String(error));
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cloneDefaults(): Settings {
  return {
    ...DEFAULT_SETTINGS,
    rules: { ...DEFAULT_SETTINGS.rules },
    scanner: { ...DEFAULT_SETTINGS.scanner },
    camera: { ...DEFAULT_SETTINGS.camera },
  };
}
