import { codedError, type AppError } from '../../src-shared/errors';
import { registerEnglish, translate, type MessageKey, type MessageParams } from '../../src-shared/messages/messages';
import { messagesEn } from '../../src-shared/messages/messagesEn';
import { parseCommandArgs } from './args';
import { exitCodeOf, failed, type CliCommand, type CommandEnv, type CommandReport, type ExitCode } from './command';
import { cliLanguage, commandHelpText, GLOBAL_OPTIONS, renderReport, usageText } from './render';

// Every command may answer in English (SKIDKABOT_LANG=en): the table is in place before any runs.
registerEnglish(messagesEn);

export interface CliIo extends CommandEnv {
  stdout(text: string): Promise<void>;
  stderr(text: string): Promise<void>;
}

/** Runs one command line to its end and returns the exit code; nothing it meets escapes as an exception. */
export async function runCli(argv: readonly string[], commands: readonly CliCommand[], io: CliIo): Promise<ExitCode> {
  const { leading, name, rest } = splitCommand(argv);
  const json = leading.includes('--json') || (rest.includes('--json') && !afterTerminator(rest, '--json'));
  const wantsHelp = leading.some((arg) => arg === '--help' || arg === '-h');
  const unknownLeading = leading.find((arg) => !['--json', '--help', '-h'].includes(arg));

  if (unknownLeading !== undefined) return usageFailure(io, json, commands, 'cli.unknownOption', { option: unknownLeading });
  if (name === undefined) {
    if (wantsHelp) {
      await io.stdout(usageText(commands));
      return 0;
    }
    return usageFailure(io, json, commands, 'cli.noCommand', {});
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) return usageFailure(io, json, commands, 'cli.unknownCommand', { name });

  const parsed = parseCommandArgs(rest, { ...command.options, ...GLOBAL_OPTIONS }, command.maxPositionals ?? 0);
  if (!parsed.ok) {
    const { key, params } = parsed.error;
    const hint = key === undefined ? parsed.error : codedError('input', key, { ...params, help: command.name });
    return print(io, failed(hint), json);
  }
  if (wantsHelp || parsed.value.values.help === true) {
    await io.stdout(commandHelpText(command));
    return 0;
  }

  let report: CommandReport;
  try {
    report = await command.run(parsed.value, io);
  } catch (error) {
    return print(io, failed(unexpected(error)), json);
  }
  const code = await print(io, report, json);
  if (report.keepRunning) {
    try {
      await report.keepRunning();
    } catch (error) {
      await io.stderr(`${unexpected(error).message}\n`);
      return 3;
    }
  }
  return code;
}

/** Global flags may come before the command name; the first word that is not a flag is the command. */
function splitCommand(argv: readonly string[]): { leading: string[]; name: string | undefined; rest: string[] } {
  const index = argv.findIndex((arg) => !arg.startsWith('-'));
  if (index === -1) return { leading: [...argv], name: undefined, rest: [] };
  return { leading: argv.slice(0, index), name: argv[index], rest: argv.slice(index + 1) };
}

/** `--json` after `--` is scan text, not the flag. */
function afterTerminator(args: readonly string[], flag: string): boolean {
  const terminator = args.indexOf('--');
  return terminator !== -1 && args.indexOf(flag) > terminator;
}

async function usageFailure(io: CliIo, json: boolean, commands: readonly CliCommand[], key: MessageKey, params: MessageParams): Promise<ExitCode> {
  const report = failed(codedError('input', key, { ...params, commands: 1 }));
  if (json) return print(io, report, true);
  await io.stderr(`${translate(key, params, cliLanguage(io.env))}\n\n${usageText(commands)}`);
  return exitCodeOf(report);
}

async function print(io: CliIo, report: CommandReport, json: boolean): Promise<ExitCode> {
  const { stdout, stderr } = renderReport(report, json, cliLanguage(io.env));
  if (stdout) await io.stdout(stdout);
  if (stderr) await io.stderr(stderr);
  return exitCodeOf(report);
}

function unexpected(error: unknown): AppError {
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return codedError('internal', 'internal.unexpected', { detail: detail ?? '', support: 1 });
}
