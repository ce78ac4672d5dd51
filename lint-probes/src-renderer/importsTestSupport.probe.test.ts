// expect: clean
import * as support from '../test-support/skidkabot/closedPort';
export const probe = support;
