// expect: import-x/no-restricted-paths
import * as support from '../test-support/skidkabot/closedPort';
export const probe = support;
