// expect: import-x/no-nodejs-modules
import * as fs from 'node:fs';
export const probe = fs;
