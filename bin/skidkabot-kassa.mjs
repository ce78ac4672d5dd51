#!/usr/bin/env node
// Runs the built command line (dist-cli/, made by `npm run build`); the installed app carries the same files.
let cli;
try {
  cli = await import('../dist-cli/skidkabot-kassa.mjs');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist-cli')) throw error;
  process.stderr.write('Командная строка ещё не собрана: выполните `npm run build` в папке проекта.\n');
  process.exit(2);
}
// Exit explicitly: a keychain call that hangs in a native thread must not keep the process alive
// after the answer has been printed (the streams are flushed by then).
process.exit(await cli.cliMain(process.argv.slice(2)));
