import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder, where the real bin runs from. */
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(PROJECT_ROOT, 'bin', 'skidkabot-kassa.mjs');

export interface BinRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real bin (the built CLI), spawned as a technician or a till script would run it. */
export function runBin(args: readonly string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<BinRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}
