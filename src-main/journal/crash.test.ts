import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journal } from './journal';

const WRITER = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../test-support/journal/journalWriterProcess.ts');
const ITERATIONS = 40;

interface Reported {
  intent: Set<string>;
  outcome: Set<string>;
  resolution: Set<string>;
}

/** Starts the writer, lets it report for a random moment, kills it with SIGKILL, returns what it had reported. */
function runAndKill(dataDir: string, lingerMs: number): Promise<Reported> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const reported: Reported = { intent: new Set(), outcome: new Set(), resolution: new Set() };
    let buffer = '';
    let stderr = '';
    let armed = false;
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [record, id] = line.split(' ');
        if ((record === 'intent' || record === 'outcome' || record === 'resolution') && id) reported[record].add(id);
      }
      if (!armed) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), lingerMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      // A half line that reached us was printed after its record resolved: it counts as reported.
      const [record, id] = buffer.split(' ');
      if ((record === 'intent' || record === 'outcome' || record === 'resolution') && id && /^\d{8}-\d{6}-k\d+-[0-9a-f]{6}$/.test(id)) reported[record].add(id);
      if (signal !== 'SIGKILL' || !armed) reject(new Error(`writer ended on its own (${signal ?? 'exit'}): ${stderr}`));
      else resolve(reported);
    });
  });
}

describe('journal under kill -9', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'journal-crash-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it(
    `keeps every operation the writer reported as done, over ${ITERATIONS} kills at random moments`,
    async () => {
      let total = 0;
      for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
        const reported = await runAndKill(dataDir, Math.floor(Math.random() * 60));
        const { journal, problems } = await Journal.open(dataDir);
        for (const problem of problems) expect(['journal', 'outcome-unknown']).toContain(problem.kind);
        for (const id of reported.intent) {
          const found = await journal.get(id);
          expect(found.ok && found.value?.id, `intent ${id} after kill ${iteration}`).toBe(id);
          if (!found.ok || !found.value) continue;
          if (reported.outcome.has(id)) expect(found.value.outcome, `outcome ${id}`).not.toBeNull();
          if (reported.resolution.has(id)) expect(found.value.unresolved, `resolution ${id}`).toBe(false);
        }
        total += reported.intent.size;
        await journal.close();
        expect((await readdir(path.join(dataDir, 'journal'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      }
      expect(total).toBeGreaterThan(ITERATIONS);
    },
    300_000,
  );
});
