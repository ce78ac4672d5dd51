import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { KassaActions, KassaState, KassaStore } from './kassaStore';

const StoreContext = createContext<KassaStore | null>(null);

export function StoreProvider({ store, children }: { store: KassaStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

function useKassaStore(): KassaStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreProvider is missing above this component');
  return store;
}

/** Select one slice; keep selectors returning primitives or stored references so renders stay few. */
export function useKassa<T>(selector: (state: KassaState) => T): T {
  return useStore(useKassaStore(), selector);
}

export function useActions(): KassaActions {
  return useStore(useKassaStore(), (state) => state.actions);
}
