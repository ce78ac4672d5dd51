import { useState, type ReactNode } from 'react';
import type { AppState } from '../../src-shared/ipc/views';
import { useT } from '../i18n/useT';
import { JournalProvider } from './JournalContext';
import { JournalScreen } from './JournalScreen';
import './journal.css';

type Tab = 'journal' | 'settings';

/**
 * The manager's screen after login: the journal and the settings as two tabs. With operations left
 * unresolved (after a crash, say) the journal opens first, its unresolved list on top.
 */
export function ManagerHome({ app, settings }: { app: AppState; settings: ReactNode }) {
  const t = useT();
  const [tab, setTab] = useState<Tab>(() => (app.unresolved > 0 ? 'journal' : 'settings'));
  const tabs: { id: Tab; label: string }[] = [
    { id: 'journal', label: t.journal.tab },
    { id: 'settings', label: t.journal.settingsTab },
  ];
  return (
    <JournalProvider>
      <nav className="manager-tabs" role="tablist" aria-label={t.status.manager}>
        {tabs.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={tab === id ? 'manager-tabs__tab manager-tabs__tab--active' : 'manager-tabs__tab'}
            onClick={() => setTab(id)}
          >
            {label}
            {id === 'journal' && app.unresolved > 0 && <span className="manager-tabs__badge">{app.unresolved}</span>}
          </button>
        ))}
      </nav>
      {tab === 'journal' ? <JournalScreen /> : settings}
    </JournalProvider>
  );
}
