import { describe, expect, it } from 'vitest';
import { FAULT_SCENARIOS, runScenario } from './scenarios';

/** The same table `npm run faults` prints, held as a test: every scenario must keep all four promises. */
describe('fault suite through the app core', () => {
  it.each(FAULT_SCENARIOS.map((scenario) => [scenario.title, scenario] as const))('%s', async (_title, scenario) => {
    const report = await runScenario(scenario);
    expect(report.failures).toEqual([]);
    expect(report.outcome).toBe(scenario.expected.outcome);
    expect(report.doubled).toBe(false);
    expect(report.journal).toMatchObject({ open: 0, agrees: true });
    expect(report.nextCustomer).toBe(true);
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
  });
});
