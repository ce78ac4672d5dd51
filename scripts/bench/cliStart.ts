import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, versus } from '../benchGoal';

const root = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(root, 'bin', 'skidkabot-kassa.mjs');
const SCAN = '{"type":"Skidkabot","vendor":4,"client":83532824,"secret":31766}';
const RUNS = 15;

/** Median wall time of a whole process run, in milliseconds; each run must succeed. */
function medianMillis(args: readonly string[]): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    times.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
  }
  return median(times);
}

/** The built CLI's start: `decode` of one scan against Node doing nothing (goal: within 3×). */
export function run(): Promise<void> {
  if (!existsSync(path.join(root, 'dist-cli', 'skidkabot-kassa.mjs'))) {
    console.log('dist-cli/ is not built: run `npm run build` first');
    return Promise.resolve();
  }
  const bare = medianMillis(['-e', '0']);
  const decode = medianMillis([BIN, 'decode', SCAN]);
  console.log(`node -e 0:                  ${bare.toFixed(0)} ms (median of ${RUNS})`);
  console.log(`skidkabot-kassa decode:     ${decode.toFixed(0)} ms (median of ${RUNS})`);
  console.log(`ratio:                      ${(decode / bare).toFixed(2)}×  ${versus('≤ 3×', decode <= 3 * bare)}`);
  return Promise.resolve();
}
