// expect: import-x/no-restricted-paths
import * as e2e from '../e2e/keystrokes';
export const probe = e2e;
