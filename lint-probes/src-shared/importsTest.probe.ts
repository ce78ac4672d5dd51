// expect: import-x/no-restricted-paths
import * as test from './errorCategory.test';
export const probe = test;
