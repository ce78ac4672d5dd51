import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

/** Runs every scripts/bench/*.ts module in turn; each prints its own figures. */
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench');
const only = process.argv[2];
for (const file of (await readdir(dir)).filter((f) => f.endsWith('.ts')).sort()) {
  if (only && !file.includes(only)) continue;
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { run: () => Promise<void> };
  console.log(`\n== ${file.replace(/\.ts$/, '')} ==`);
  await mod.run();
}
