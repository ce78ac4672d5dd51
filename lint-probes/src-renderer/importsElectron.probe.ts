// expect: no-restricted-imports
import * as electron from 'electron';
export const probe = electron;
