import type { CliCommand, ExitCode } from './command';
import { nodeIo } from './nodeIo';
import { runCli } from './runCli';

/**
 * Every command of `skidkabot-kassa`, in the order the help lists them. Each is loaded only when it
 * runs (its own chunk in the built CLI), so `decode` does not wait for the keychain, HID or HTTP code.
 */
const commandLoaders: Readonly<Record<string, () => Promise<CliCommand>>> = {
  decode: async () => (await import('./commands/decode')).decodeCommand,
  balance: async () => (await import('./commands/balance')).balanceCommand,
  accrue: async () => (await import('./commands/accrue')).accrueCommand,
  redeem: async () => (await import('./commands/redeem')).redeemCommand,
  checkout: async () => (await import('./commands/checkout')).checkoutCommand,
  simulator: async () => (await import('./commands/simulator')).simulatorCommand,
  doctor: async () => (await import('./commands/doctor')).doctorCommand,
  scanners: async () => (await import('./commands/scanners')).scannersCommand,
  journal: async () => (await import('./commands/journal')).journalCommand,
};

/** The commands a command line needs: the one it names, or all of them for the list (help, a typo). */
export async function commandsFor(argv: readonly string[]): Promise<CliCommand[]> {
  // The same rule as runCli: the first word that is not a flag names the command.
  const name = argv.find((arg) => !arg.startsWith('-'));
  const loader = name !== undefined && Object.hasOwn(commandLoaders, name) ? commandLoaders[name] : undefined;
  if (loader) return [await loader()];
  return Promise.all(Object.values(commandLoaders).map((load) => load()));
}

/**
 * The whole command line for one run; `argv` holds only the user's words (no `node` or script path),
 * so Node through bin/ and the packaged app's `--cli` switch call it alike.
 */
export async function cliMain(argv: readonly string[]): Promise<ExitCode> {
  return runCli(argv, await commandsFor(argv), nodeIo());
}
