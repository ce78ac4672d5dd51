import { describe, expect, it } from 'vitest';
import { appError, type Result } from '../../src-shared/errors';
import type { KassaApi } from '../../src-shared/ipc/contract';
import { shiftReport } from '../../src-shared/journal/report';
import type { ExportProgress, ExportReply, JournalDay, JournalPulse } from '../../src-shared/journal/types';
import { createJournalStore } from './journalStore';

const ok = <T,>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
const emptyDay: JournalDay = { report: shiftReport([], '2025-03-14', null), hours: [] };

function fakeApi(exportReply: () => Promise<Result<ExportReply>> = () => ok({ file: '/tmp/журнал.csv', rows: 3 })) {
  const sent: string[] = [];
  const listeners: { journal: ((pulse: JournalPulse) => void)[]; progress: ((progress: ExportProgress) => void)[] } = { journal: [], progress: [] };
  const journal: KassaApi['journal'] = {
    list: (filter) => {
      sent.push(`list ${JSON.stringify(filter)}`);
      return ok([]);
    },
    day: (query) => {
      sent.push(`day ${JSON.stringify(query)}`);
      return ok(emptyDay);
    },
    unresolved: () => ok([]),
    recheck: () => Promise.reject(new Error('bridge gone')),
    resolve: () => ok({} as never),
    reverse: () => ok({} as never),
    export: (filter) => {
      sent.push(`export ${JSON.stringify(filter)}`);
      return exportReply();
    },
  };
  const api = {
    journal,
    events: {
      onJournal: (listener: (pulse: JournalPulse) => void) => {
        listeners.journal.push(listener);
        return () => undefined;
      },
      onJournalExport: (listener: (progress: ExportProgress) => void) => {
        listeners.progress.push(listener);
        return () => undefined;
      },
    },
  } as unknown as KassaApi;
  return { api, sent, listeners };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const noon = new Date(2025, 2, 14, 12, 0).getTime();

describe('journal store', () => {
  it('loads today for every register at start, and again whenever main writes the journal', async () => {
    const fake = fakeApi();
    const store = createJournalStore(fake.api, () => noon);
    store.getState().actions.start();
    await settle();
    expect(fake.sent).toEqual(['list {"day":"2025-03-14"}', 'day {"day":"2025-03-14","kassa":null}']);
    for (const listener of fake.listeners.journal) listener({ unresolved: 1 });
    await settle();
    expect(fake.sent).toHaveLength(4);
    expect(store.getState()).toMatchObject({ operations: [], day: emptyDay, error: null });
  });

  it('asks nothing for a filter that is not a number, and says which', async () => {
    const fake = fakeApi();
    const store = createJournalStore(fake.api, () => noon);
    store.getState().actions.setForm({ kassa: 'два' });
    await settle();
    expect(fake.sent).toEqual([]);
    expect(store.getState().formErrors).toEqual({ kassa: true });
    store.getState().actions.setForm({ kassa: '2', kind: 'accrue' });
    await settle();
    expect(fake.sent).toEqual(['list {"day":"2025-03-14","kassa":2,"kind":"accrue"}', 'day {"day":"2025-03-14","kassa":2}']);
  });

  it('shows the export’s progress, and its file at the end', async () => {
    let finish: (reply: Result<ExportReply>) => void = () => undefined;
    const fake = fakeApi(() => new Promise((resolve) => (finish = resolve)));
    const store = createJournalStore(fake.api, () => noon);
    store.getState().actions.start();
    const running = store.getState().actions.exportDay();
    for (const listener of fake.listeners.progress) listener({ done: 200, total: 450 });
    expect(store.getState().exporting).toEqual({ state: 'running', done: 200, total: 450 });
    finish({ ok: true, value: { file: '/home/kassa/журнал.csv', rows: 450 } });
    await running;
    expect(store.getState().exporting).toEqual({ state: 'done', file: '/home/kassa/журнал.csv', rows: 450 });
  });

  it('turns a refused or cancelled export, and a broken bridge, into words on screen', async () => {
    const refused = fakeApi(() => ok({ file: null, rows: 0 }));
    const store = createJournalStore(refused.api, () => noon);
    await store.getState().actions.exportDay();
    expect(store.getState().exporting).toEqual({ state: 'cancelled' });
    const failing = fakeApi(() => Promise.resolve({ ok: false, error: appError('input', 'Файл не записан (диск заполнен).') }));
    const other = createJournalStore(failing.api, () => noon);
    await other.getState().actions.exportDay();
    expect(other.getState().exporting).toMatchObject({ state: 'failed', error: { kind: 'input' } });
    expect(await other.getState().actions.recheck('20250314-100000-k1-000001', 'проверка', false)).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });
});
