import type { Result } from '../../src-shared/errors';
import type { ExportProgress } from '../../src-shared/journal/types';
import type { Handlers } from '../ipc/dispatch';
import type { ExportTarget, JournalService } from './journalService';

type JournalChannel = Extract<keyof Handlers, `journal.${string}`>;

export interface JournalHandlerDeps {
  journal: JournalService;
  /** Runs the action only inside a live manager session: the journal names customers and amounts. */
  asManager: <T>(action: () => Promise<Result<T>>) => Promise<Result<T>>;
  exportTarget: ExportTarget;
  onExportProgress: (progress: ExportProgress) => void;
}

/** The manager's journal channels; every one of them needs the manager logged in. */
export function journalHandlers(deps: JournalHandlerDeps): Pick<Handlers, JournalChannel> {
  const { journal, asManager } = deps;
  return {
    'journal.list': (filter) => asManager(() => journal.list(filter)),
    'journal.day': ({ day, kassa }) => asManager(() => journal.day(day, kassa)),
    'journal.unresolved': () => asManager(() => Promise.resolve({ ok: true, value: journal.unresolved() })),
    'journal.recheck': ({ id, reason, useScannedQr }) => asManager(() => journal.recheck(id, reason, useScannedQr === true)),
    'journal.resolve': ({ id, action, reason }) => asManager(() => journal.resolve(id, action, reason)),
    'journal.reverse': ({ id, reason, useScannedQr }) => asManager(() => journal.reverse(id, reason, useScannedQr === true)),
    'journal.export': (filter) => asManager(() => journal.exportDay(filter, deps.exportTarget, deps.onExportProgress)),
  };
}
