import { ESLint } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// Each file in lint-probes/ is linted, with the project's own config, as if it sat at the same
// path under the project root; its first line names the one rule that must reject it, or `clean`.
// No tsconfig holds a file that is not on disk, so type information is off for the probes: the
// zone rules read paths, not types.
const root = path.resolve(import.meta.dirname, '..');
const probeRoot = path.join(root, 'lint-probes');
const probes = readdirSync(probeRoot, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.includes('.probe.'))
  .map((file) => file.split(path.sep).join('/'))
  .sort();

function expectation(text: string): string {
  const expected = /^\/\/ expect: (\S+)\n/.exec(text)?.[1];
  if (expected === undefined) throw new Error('A probe starts with "// expect: <rule id>" or "// expect: clean".');
  return expected;
}

const eslint = new ESLint({ cwd: root, overrideConfig: { files: ['**/*.probe.*'], ...tseslint.configs.disableTypeChecked } });

describe('import zones', () => {
  it.each(probes)('%s', async (probe) => {
    const text = readFileSync(path.join(probeRoot, probe), 'utf8');
    const expected = expectation(text);
    const [result] = await eslint.lintText(text, { filePath: path.join(root, probe) });
    if (!result) throw new Error(`ESLint returned nothing for ${probe}`);
    const found = result.messages.map((message) => `${message.severity === 2 ? 'error' : 'warning'} ${String(message.ruleId)}: ${message.message}`);
    const rules = [...new Set(found.map((line) => line.slice(0, line.indexOf(':'))))];
    expect(rules, found.join('\n')).toEqual(expected === 'clean' ? [] : [`error ${expected}`]);
  });

  it('has a probe lint rejects and one it passes for every zone', () => {
    for (const zone of ['src-shared', 'src-renderer', 'src-main']) {
      const outcomes = probes
        .filter((probe) => probe.startsWith(`${zone}/`))
        .map((probe) => expectation(readFileSync(path.join(probeRoot, probe), 'utf8')) === 'clean');
      expect(outcomes, zone).toContain(true);
      expect(outcomes, zone).toContain(false);
    }
  });
});
