// expect: import-x/no-restricted-paths
import * as scripts from '../scripts/testSummary';
export const probe = scripts;
