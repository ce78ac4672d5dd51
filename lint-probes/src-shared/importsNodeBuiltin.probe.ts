// expect: import-x/no-nodejs-modules
import * as fs from 'fs';
export const probe = fs;
