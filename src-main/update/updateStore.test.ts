import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messagesEn } from '../../src-shared/messages/messagesEn';
import { UpdateStore } from './updateStore';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kassa-update-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('UpdateStore', () => {
  it('reads back the last check with its key, so an English screen words it after a restart', async () => {
    const store = new UpdateStore(dir);
    const lastCheck = { at: 1_700_000_000_000, outcome: 'available' as const, message: 'Найдена версия 1.5.0, скачивается.', key: 'update.found' as const, params: { version: '1.5.0' } };
    await store.save({ feedUrl: 'https://updates.example.ru/kassa/', lastCheck });
    const loaded = await store.load();
    expect(loaded.lastCheck).toEqual(lastCheck);
    expect(loaded.lastCheck?.key && messagesEn[loaded.lastCheck.key](loaded.lastCheck.params ?? {})).toBe('Version 1.5.0 found, downloading.');
  });

  it('drops a key it does not know and hostile parameters, keeping the Russian words', async () => {
    await writeFile(
      path.join(dir, 'update.json'),
      JSON.stringify({
        feedUrl: 'https://updates.example.ru/kassa/',
        lastCheck: { at: 5, outcome: 'error', message: 'Сбой.', key: 'no.such.key', params: { version: 'x'.repeat(10_000) } },
      }),
    );
    expect((await new UpdateStore(dir).load()).lastCheck).toEqual({ at: 5, outcome: 'error', message: 'Сбой.' });
    await writeFile(
      path.join(dir, 'update.json'),
      JSON.stringify({
        feedUrl: 'https://updates.example.ru/kassa/',
        lastCheck: { at: 5, outcome: 'available', message: 'Найдена версия.', key: 'update.found', params: { version: 'x'.repeat(10_000), nested: { a: 1 } } },
      }),
    );
    expect((await new UpdateStore(dir).load()).lastCheck).toEqual({ at: 5, outcome: 'available', message: 'Найдена версия.', key: 'update.found' });
  });
});
