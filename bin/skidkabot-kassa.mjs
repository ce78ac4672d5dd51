#!/usr/bin/env node
// Runs the TypeScript CLI straight from the sources, so a fresh clone needs only `npm ci`.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src-main/cli/main.ts', import.meta.url).href);
