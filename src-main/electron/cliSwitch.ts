/** The switch that turns the app's executable into the command line (the launchers pass it). */
const CLI_SWITCH = '--cli';

/**
 * The command line's own words when the app was started as `<app> --cli [--] <words>`, else null.
 * Chromium's switches before `--cli` are the launcher's; a `--` right after it only shields the words
 * from Chromium and is dropped (a later `--` is the command line's own).
 */
export function cliArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf(CLI_SWITCH);
  if (at === -1) return null;
  const rest = argv.slice(at + 1);
  return rest[0] === '--' ? rest.slice(1) : rest;
}
