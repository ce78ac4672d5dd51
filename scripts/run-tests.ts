import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { playwrightCounts, sumCounts, summaryLine, vitestCounts } from './testSummary';
import type { Counts, PlaywrightReport, VitestReport } from './testSummary';

/**
 * `npm test` after the build: Vitest (unit and integration tests), then Playwright Test (the e2e
 * specs), one after the other, each using both cores. Ends with one plain line over both runners,
 * `N passed, N failed, N skipped`, and exits non-zero when either runner failed.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const VITEST_REPORT = path.join(ROOT, 'test-results/vitest.json');
/** Where playwright.config.ts has its JSON reporter write. */
const PLAYWRIGHT_REPORT = path.join(ROOT, 'test-results/playwright.json');

function run(tool: string, args: string[]): number {
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin', tool), args, { cwd: ROOT, stdio: 'inherit' });
  return result.status ?? 1;
}

function counts(file: string, runner: string, status: number, count: (json: string) => Counts): Counts {
  if (!existsSync(file)) {
    console.error(`${runner} wrote no report (${path.relative(ROOT, file)}): counted as one failure.`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const found = count(readFileSync(file, 'utf8'));
  if (status !== 0 && found.failed === 0) {
    console.error(`${runner} exited with status ${status} though no test failed (an error outside the tests): counted as one failure.`);
    return { ...found, failed: 1 };
  }
  return found;
}

for (const file of [VITEST_REPORT, PLAYWRIGHT_REPORT]) rmSync(file, { force: true });
const vitestStatus = run('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_REPORT}`]);
const playwrightStatus = run('playwright', ['test']);
const total = sumCounts([
  counts(VITEST_REPORT, 'Vitest', vitestStatus, (json) => vitestCounts(JSON.parse(json) as VitestReport)),
  counts(PLAYWRIGHT_REPORT, 'Playwright Test', playwrightStatus, (json) => playwrightCounts(JSON.parse(json) as PlaywrightReport)),
]);
process.stdout.write(`\n${summaryLine(total)}\n`);
process.exitCode = total.failed > 0 ? 1 : 0;
