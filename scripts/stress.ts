import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * `npm run test:stress [-- runs]`: builds once, then runs the whole suite (Vitest, then Playwright
 * Test, as `npm test` does after its build) `runs` times in a row (3 by default) with two processes
 * burning a core each beside it, as on a loaded till or CI machine. Stops at the first failing run;
 * prints each run's time and result.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const BURNERS = 2;

function parseRuns(arg: string | undefined): number {
  if (arg === undefined) return 3;
  const runs = Number(arg);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`Число прогонов — целое число от 1, а не ${JSON.stringify(arg)}.`);
    process.exit(2);
  }
  return runs;
}

function startBurners(): ChildProcess[] {
  return Array.from({ length: BURNERS }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

function stopBurners(burners: readonly ChildProcess[]): void {
  for (const burner of burners) burner.kill('SIGKILL');
}

function runSuite(): Promise<number> {
  return new Promise((resolve) => {
    const suite = spawn('bash', ['scripts/with-keyring.sh', 'tsx', 'scripts/run-tests.ts'], { cwd: ROOT, stdio: 'inherit' });
    suite.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<void> {
  const runs = parseRuns(process.argv[2]);
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);

  const burners = startBurners();
  // The burners die with this script however it ends: a leftover busy loop would slow everything after it.
  const stop = (): void => stopBurners(burners);
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stop();
      process.exit(130);
    });
  }

  const results: string[] = [];
  let failed = false;
  for (let run = 1; run <= runs && !failed; run += 1) {
    const started = Date.now();
    const status = await runSuite();
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    failed = status !== 0;
    results.push(`run ${run}/${runs}: ${failed ? 'FAILED' : 'passed'} in ${seconds} s`);
    console.log(`\n[stress] ${results.at(-1)}\n`);
  }
  stop();
  console.log(`[stress] with ${BURNERS} CPU-burning processes beside the suite:`);
  for (const line of results) console.log(`[stress]   ${line}`);
  process.exitCode = failed ? 1 : 0;
}

await main();
