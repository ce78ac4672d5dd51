/** Vite's `?url` import: the built file's URL, relative to the module that imports it. */
declare module '*.wasm?url' {
  const url: string;
  export default url;
}
