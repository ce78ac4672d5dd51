// expect: import-x/no-restricted-paths
import * as main from '../src-main/electron/hardening';
export const probe = main;
