import { describe, expect, it } from 'vitest';
import { playwrightCounts, sumCounts, summaryLine, vitestCounts } from './testSummary';

describe('the closing line of npm test', () => {
  it('sums both runners, a broken Vitest file and a Playwright error outside any test counting as failures', () => {
    const vitest = vitestCounts({
      numPassedTests: 410,
      numFailedTests: 1,
      numPendingTests: 2,
      numTodoTests: 1,
      testResults: [
        { status: 'passed', assertionResults: [{}] },
        { status: 'failed', assertionResults: [] },
        { status: 'failed', assertionResults: [{}, {}] },
      ],
    });
    expect(vitest).toEqual({ passed: 410, failed: 2, skipped: 3 });
    const playwright = playwrightCounts({ stats: { expected: 30, unexpected: 1, flaky: 1, skipped: 0 }, errors: [{}] });
    expect(playwright).toEqual({ passed: 30, failed: 3, skipped: 0 });
    expect(summaryLine(sumCounts([vitest, playwright]))).toBe('440 passed, 5 failed, 3 skipped');
  });

  it('says 0 failed when all passed', () => {
    expect(summaryLine(sumCounts([{ passed: 2, failed: 0, skipped: 0 }]))).toBe('2 passed, 0 failed, 0 skipped');
  });
});
