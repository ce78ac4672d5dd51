import type { CliIo } from '../../src-main/cli/runCli';

/** The command line's streams in memory, for running commands through runCli: what they print lands in `out` and `err`. */
export function memoryIo(env: NodeJS.ProcessEnv = {}): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    env,
    stdout: (text: string) => {
      io.out += text;
      return Promise.resolve();
    },
    stderr: (text: string) => {
      io.err += text;
      return Promise.resolve();
    },
    readStdin: () => Promise.resolve(''),
    untilStopped: () => Promise.resolve(),
  };
  return io;
}
