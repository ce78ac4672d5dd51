import type { Writable } from 'node:stream';
import type { CliIo } from './runCli';

/** The real process: its streams, environment and stop signals. */
export function nodeIo(): CliIo {
  return {
    env: process.env,
    stdout: (text) => write(process.stdout, text),
    stderr: (text) => write(process.stderr, text),
    readStdin,
    untilStopped,
  };
}

function write(stream: Writable, text: string): Promise<void> {
  // A closed pipe (`… | head`) is not worth a crash: the reader has gone.
  return new Promise((resolve) => {
    stream.write(text, () => resolve());
  });
}

async function readStdin(limit: number): Promise<string> {
  process.stdin.setEncoding('utf8');
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.length > limit) {
      process.stdin.destroy();
      break;
    }
  }
  return text.slice(0, limit);
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
