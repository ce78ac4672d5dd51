import { FAULT_SCENARIOS, formatTable, runScenario, type ScenarioReport } from '../test-support/faults/scenarios';

/**
 * `npm run faults`: every fault of issue 5 through the app's real core against the simulator, and a
 * table of what the cashier saw. Exits 1 when any scenario broke a promise.
 */
const only = process.argv.slice(2);
const chosen = only.length === 0 ? FAULT_SCENARIOS : FAULT_SCENARIOS.filter((scenario) => only.includes(scenario.id));
if (chosen.length === 0) {
  console.error(`Нет таких сценариев: ${only.join(', ')}. Есть: ${FAULT_SCENARIOS.map((scenario) => scenario.id).join(', ')}`);
  process.exit(2);
}
const reports: ScenarioReport[] = [];
for (const scenario of chosen) {
  const started = performance.now();
  reports.push(await runScenario(scenario));
  console.error(`${scenario.id}: ${Math.round(performance.now() - started)} мс`);
}
console.log(formatTable(reports));
const failed = reports.filter((report) => report.failures.length > 0).length;
console.log(`\nСценариев: ${reports.length}, провалено: ${failed}`);
process.exit(failed > 0 ? 1 : 0);
