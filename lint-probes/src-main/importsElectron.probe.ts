// expect: no-restricted-imports
import { app } from 'electron';
export const probe = app;
