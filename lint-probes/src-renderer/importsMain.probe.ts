// expect: import-x/no-restricted-paths
import type * as main from '../src-main/electron/hardening';
export type Probe = typeof main;
