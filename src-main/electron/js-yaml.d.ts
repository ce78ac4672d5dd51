/**
 * js-yaml ships no types and comes in through electron-builder; only the packaging test reads YAML,
 * and only this one function of it.
 */
declare module 'js-yaml' {
  export function load(text: string, options?: { filename?: string }): unknown;
}
