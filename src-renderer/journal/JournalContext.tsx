import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { kassa } from '../api';
import { createJournalStore, type JournalActions, type JournalState, type JournalStore } from './journalStore';

const JournalContext = createContext<JournalStore | null>(null);

/** One journal store while the manager is logged in: it survives switching tabs, so an export keeps its progress. */
export function JournalProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => createJournalStore(kassa()));
  useEffect(() => store.getState().actions.start(), [store]);
  return <JournalContext.Provider value={store}>{children}</JournalContext.Provider>;
}

function useJournalStore(): JournalStore {
  const store = useContext(JournalContext);
  if (!store) throw new Error('JournalProvider is missing above this component');
  return store;
}

export function useJournal<T>(selector: (state: JournalState) => T): T {
  return useStore(useJournalStore(), selector);
}

export function useJournalActions(): JournalActions {
  return useStore(useJournalStore(), (state) => state.actions);
}
