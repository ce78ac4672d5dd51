import type { CliCommand } from './command';
import { accrueCommand } from './commands/accrue';
import { balanceCommand } from './commands/balance';
import { checkoutCommand } from './commands/checkout';
import { decodeCommand } from './commands/decode';
import { doctorCommand } from './commands/doctor';
import { journalCommand } from './commands/journal';
import { redeemCommand } from './commands/redeem';
import { scannersCommand } from './commands/scanners';
import { serveCommand } from './commands/serve';
import { simulatorCommand } from './commands/simulator';
import { nodeIo } from './nodeIo';
import { runCli } from './runCli';
import { balanceCall, checkoutCall, journalCall, operationCall } from './tillCalls';
import { throughRunningTill } from './viaTill';

/** Every command of `skidkabot-kassa`, in the order the help lists them. */
const commands: readonly CliCommand[] = [
  decodeCommand,
  throughRunningTill(balanceCommand, balanceCall),
  throughRunningTill(accrueCommand, operationCall('accrue')),
  throughRunningTill(redeemCommand, operationCall('redeem')),
  throughRunningTill(checkoutCommand, checkoutCall),
  simulatorCommand,
  doctorCommand,
  scannersCommand,
  throughRunningTill(journalCommand, journalCall),
  serveCommand,
];

const code = await runCli(process.argv.slice(2), commands, nodeIo());
// Exit explicitly: a keychain call that hangs in a native thread must not keep the process alive
// after the answer has been printed (the streams are flushed by then).
process.exit(code);
