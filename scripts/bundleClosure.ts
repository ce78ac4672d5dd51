import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** `import … from "./x.js"` and bare `import "./x.js"`: what loads with a module. `import("./x.js")` is not matched. */
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g;

/**
 * The files of a built bundle that load together with `entries`: the entries and, transitively,
 * every relative static import. Dynamic imports (lazily loaded chunks) are left out.
 */
export async function staticClosure(entries: readonly string[]): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const pending = entries.map((entry) => path.resolve(entry));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    const body = await readFile(file);
    files.set(file, body);
    for (const match of body.toString('utf8').matchAll(STATIC_IMPORT)) pending.push(path.resolve(path.dirname(file), match[1] ?? ''));
  }
  return files;
}
