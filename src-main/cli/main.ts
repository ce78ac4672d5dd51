import { cliMain } from './cliMain';

const code = await cliMain(process.argv.slice(2));
// Exit explicitly: a keychain call that hangs in a native thread must not keep the process alive
// after the answer has been printed (the streams are flushed by then).
process.exit(code);
