import type { AppError, ErrorKind } from '../../src-shared/errors';
import type { OptionSpec, ParsedArgs } from './args';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };
export type JsonObject = { [key: string]: JsonValue | undefined };

/**
 * What a command found or did, kept apart from printing: `--json` prints `ok`, `data` and `error`
 * as one object; a person reads `lines` on stdout and the error on stderr.
 */
export interface CommandReport {
  data: JsonObject;
  lines: string[];
  error: AppError | null;
  /** For a command that keeps serving after its report (the simulator): resolves when it has stopped. */
  keepRunning?: () => Promise<void>;
}

/** What a command may reach of the outside world besides the network. */
export interface CommandEnv {
  env: NodeJS.ProcessEnv;
  /** Standard input, cut off after `maxChars` (the rest is never read into memory). */
  readStdin(maxChars: number): Promise<string>;
  /** Resolves when the process is asked to stop (SIGINT, SIGTERM). */
  untilStopped(): Promise<void>;
}

/**
 * One CLI command. Each lives in its own module under commands/ and is listed in main.ts, so a new
 * command is a new file and one line.
 */
export interface CliCommand {
  name: string;
  /** One Russian line for the command list. */
  summary: string;
  /** What follows the name in the usage line, e.g. `--qr <скан> --bonuses <N>`. */
  synopsis: string;
  options: Record<string, OptionSpec>;
  /** How many positional arguments the command takes (none unless said). */
  maxPositionals?: number;
  run(args: ParsedArgs, env: CommandEnv): Promise<CommandReport>;
}

export type ExitCode = 0 | 1 | 2 | 3;

/** 0 done; 1 the server refused; 2 bad input, usage or configuration; 3 no answer or an outcome nobody knows. */
const EXIT_CODES: Record<ErrorKind, ExitCode> = {
  server: 1,
  scan: 2,
  vendor: 2,
  input: 2,
  config: 2,
  auth: 2,
  network: 3,
  'outcome-unknown': 3,
  journal: 3,
  internal: 3,
};

export function exitCodeOf(report: CommandReport): ExitCode {
  return report.error ? EXIT_CODES[report.error.kind] : 0;
}

export function succeeded(data: JsonObject, lines: string[]): CommandReport {
  return { data, lines, error: null };
}

export function failed(error: AppError, data: JsonObject = {}, lines: string[] = []): CommandReport {
  return { data, lines, error };
}
