import { createStore, type StoreApi } from 'zustand/vanilla';
import { appError } from '../../src-shared/appError';
import type { AppError, Result } from '../../src-shared/errors';
import type { KassaApi } from '../../src-shared/ipc/contract';
import { localDay } from '../../src-shared/journal/localTime';
import type { JournalDay, OperationView, RecheckReply, ReversalReply } from '../../src-shared/journal/types';
import { queryFromForm, type JournalForm } from './journalForm';

export type ExportState =
  | { state: 'idle' }
  | { state: 'running'; done: number; total: number }
  | { state: 'done'; file: string; rows: number }
  | { state: 'cancelled' }
  | { state: 'failed'; error: AppError };

export interface JournalState {
  form: JournalForm;
  formErrors: { kassa?: true; customer?: true; day?: true };
  /** Null until the first answer. */
  operations: OperationView[] | null;
  day: JournalDay | null;
  unresolved: OperationView[];
  /** Why the journal could not be read (or the manager session ended). */
  error: AppError | null;
  exporting: ExportState;
}

export interface JournalActions {
  /** Loads, and reloads whenever main writes to the journal; returns the unsubscribe. */
  start: () => () => void;
  setForm: (patch: Partial<JournalForm>) => void;
  reload: () => Promise<void>;
  recheck: (id: string, reason: string, useScannedQr: boolean) => Promise<Result<RecheckReply>>;
  resolve: (id: string, action: 'applied' | 'not-applied', reason: string) => Promise<Result<OperationView>>;
  reverse: (id: string, reason: string, useScannedQr: boolean) => Promise<Result<ReversalReply>>;
  exportDay: () => Promise<void>;
}

export type JournalStore = StoreApi<JournalState & { actions: JournalActions }>;

/** The manager's journal screen: the filters, what main answered for them, and the export in progress. */
export function createJournalStore(api: KassaApi, now: () => number = Date.now): JournalStore {
  return createStore<JournalState & { actions: JournalActions }>()((set, get) => {
    /** Replies to an older query are dropped: the manager may type faster than main answers. */
    let generation = 0;

    async function reload(): Promise<void> {
      const query = queryFromForm(get().form);
      if (!query.ok) {
        set({ formErrors: query.errors });
        return;
      }
      set({ formErrors: {} });
      const mine = ++generation;
      const [operations, day, unresolved] = await Promise.all([
        call(() => api.journal.list(query.list)),
        call(() => api.journal.day(query.day)),
        call(() => api.journal.unresolved()),
      ]);
      if (mine !== generation) return;
      const failed = [operations, day, unresolved].find((reply) => !reply.ok);
      set({
        error: failed ? failed.error : null,
        ...(operations.ok ? { operations: operations.value } : {}),
        ...(day.ok ? { day: day.value } : {}),
        ...(unresolved.ok ? { unresolved: unresolved.value } : {}),
      });
    }

    return {
      form: { day: localDay(now()), kassa: '', customer: '', kind: 'all' },
      formErrors: {},
      operations: null,
      day: null,
      unresolved: [],
      error: null,
      exporting: { state: 'idle' },
      actions: {
        start() {
          const offJournal = api.events.onJournal(() => void reload());
          const offExport = api.events.onJournalExport(({ done, total }) => {
            if (get().exporting.state === 'running') set({ exporting: { state: 'running', done, total } });
          });
          void reload();
          return () => {
            offJournal();
            offExport();
          };
        },
        setForm(patch) {
          set((state) => ({ form: { ...state.form, ...patch } }));
          void reload();
        },
        reload,
        recheck: (id, reason, useScannedQr) => call(() => api.journal.recheck(useScannedQr ? { id, reason, useScannedQr } : { id, reason })),
        resolve: (id, action, reason) => call(() => api.journal.resolve({ id, action, reason })),
        reverse: (id, reason, useScannedQr) => call(() => api.journal.reverse(useScannedQr ? { id, reason, useScannedQr } : { id, reason })),
        async exportDay() {
          if (get().exporting.state === 'running') return;
          const query = queryFromForm(get().form);
          if (!query.ok) {
            set({ formErrors: query.errors });
            return;
          }
          set({ exporting: { state: 'running', done: 0, total: 0 } });
          const reply = await call(() => api.journal.export(query.list));
          if (!reply.ok) set({ exporting: { state: 'failed', error: reply.error } });
          else if (reply.value.file === null) set({ exporting: { state: 'cancelled' } });
          else set({ exporting: { state: 'done', file: reply.value.file, rows: reply.value.rows } });
        },
      },
    };
  });
}

/** The bridge promises a Result; a broken one must not throw into a click handler. */
async function call<T>(send: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await send();
  } catch {
    return { ok: false, error: appError('internal', 'Касса не отвечает. Перезапустите программу.') };
  }
}
