import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { codedError, appError, isErrorKind, readMessageParams, type AppError } from '../../src-shared/errors';
import { isMessageKey } from '../../src-shared/messages/messages';
import { readEndpoint } from '../localApi/endpointFile';
import { REPORT_MEDIA_TYPE } from '../localApi/mediaType';
import { TOKEN_FILE } from '../localApi/token';
import { defaultIsRunning } from '../journal/writerLock';
import { defaultDataDir } from '../settings/dataDir';
import { ENV } from '../settings/resolveConfig';
import type { ParsedArgs } from './args';
import { failed, type CliCommand, type CommandReport, type JsonObject } from './command';

/** The call a command makes to the running till; null when the command runs here (bad input, a read-only subcommand). */
export interface TillCall {
  method: 'GET' | 'POST';
  path: string;
  body?: JsonObject;
  /** Sends an operation: a lost answer leaves its outcome unknown. */
  operation: boolean;
}

const DIRECT_OPTION = {
  type: 'boolean',
  description: 'не обращаться к работающей кассе, а работать с журналом самой (как раньше)',
} as const;

/** A till answers in far less; past this the command stops waiting (the operation may still finish there). */
const CALL_TIMEOUT_MS = 120_000;

/**
 * A CLI command on a working till: when the app or `serve` holds the journal and serves the local
 * API, the command goes through it (same output, same exit code) instead of being refused by the
 * journal lock. `--direct` keeps the command here.
 */
export function throughRunningTill(command: CliCommand, callFor: (args: ParsedArgs) => TillCall | null): CliCommand {
  return {
    ...command,
    synopsis: `${command.synopsis} [--direct]`.trim(),
    options: { ...command.options, direct: DIRECT_OPTION },
    async run(args, env) {
      const { direct, ...values } = args.values;
      const own: ParsedArgs = { values, positionals: args.positionals };
      if (direct === true) return command.run(own, env);
      const call = callFor(own);
      // A technician's server, shop or register override is for this command alone: the till would
      // send it with its own, so it runs here (where the journal lock says why it cannot, if so).
      if (call === null || hasConfigOverride(env.env)) return command.run(own, env);
      const dataDir = defaultDataDir(env.env);
      const endpoint = await readEndpoint(dataDir);
      if (endpoint === null || endpoint.pid === process.pid || !defaultIsRunning(endpoint.pid)) return command.run(own, env);
      if (!endpoint.enabled || endpoint.url === null) {
        // Without the journal nothing can be sent; a balance or a list still works from here.
        if (!call.operation) return command.run(own, env);
        return failed(
          codedError('config', 'localApi.apiOff', { pid: endpoint.pid }),
        );
      }
      const reply = await callTill(endpoint.url, dataDir, call);
      return reply ?? command.run(own, env);
    },
  };
}

const CONFIG_OVERRIDES = [ENV.apiUrl, ENV.shopCode, ENV.shopSecret, ENV.kassa] as const;

function hasConfigOverride(env: NodeJS.ProcessEnv): boolean {
  return CONFIG_OVERRIDES.some((name) => Boolean(env[name]));
}

/** null when the till did not take the connection at all: nothing was sent, the command may run here. */
async function callTill(url: string, dataDir: string, call: TillCall): Promise<CommandReport | null> {
  let token: string;
  try {
    token = (await readFile(path.join(dataDir, TOKEN_FILE), 'utf8')).trim();
  } catch {
    return failed(codedError('config', 'localApi.tokenUnreadable', { file: path.join(dataDir, TOKEN_FILE) }));
  }
  let response: Response;
  try {
    response = await fetch(`${url}${call.path}`, {
      method: call.method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: REPORT_MEDIA_TYPE,
        ...(call.body ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(call.body ? { body: JSON.stringify(call.body) } : {}),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
  } catch (error) {
    if (refusedConnection(error)) return null;
    return failed(lostAnswer(call));
  }
  try {
    return reportOf(await response.json());
  } catch {
    return failed(lostAnswer(call));
  }
}

function refusedConnection(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code === 'ECONNREFUSED';
}

function lostAnswer(call: TillCall): AppError {
  return call.operation
    ? codedError('outcome-unknown', 'localApi.lostOperation')
    : codedError('network', 'localApi.noAnswer');
}

/** The till's answer as the report this command would have made here: the JSON object and the lines. */
export function reportOf(body: unknown): CommandReport {
  const wrapped = isObject(body) && isObject(body.report) ? body : { report: body, lines: [] };
  const json = wrapped.report;
  if (!isObject(json) || typeof json.ok !== 'boolean') throw new Error('not a report');
  const lines = Array.isArray(wrapped.lines) ? wrapped.lines.filter((line): line is string => typeof line === 'string') : [];
  const { error } = json;
  const data: Record<string, unknown> = { ...json };
  delete data.ok;
  delete data.error;
  if (json.ok) return { data: data as JsonObject, lines, error: null };
  const kind = isObject(error) && isErrorKind(error.kind) ? error.kind : 'internal';
  const code = isObject(error) && typeof error.code === 'number' ? error.code : undefined;
  if (!isObject(error) || typeof error.message !== 'string') return { data: data as JsonObject, lines, error: codedError(kind, 'localApi.unexplained', undefined, code) };
  const relayed = appError(kind, error.message, code);
  // The till's key travels on, so this terminal words the error in its own language.
  if (typeof error.key === 'string' && isMessageKey(error.key)) {
    relayed.key = error.key;
    const params = readMessageParams(error.params);
    if (params) relayed.params = params;
  }
  return { data: data as JsonObject, lines, error: relayed };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
