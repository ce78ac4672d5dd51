// expect: clean
import * as fs from 'node:fs';
import type { App } from 'electron';
import * as shared from '../src-shared/parseJson';
export const probe = [fs, shared];
export type Probe = App;
