import { useState } from 'react';
import type { AppState } from '../../src-shared/ipc/views';
import { useManagerT } from '../i18n/useT';
import { firstSection, MANAGER_SECTIONS } from '../manager/managerSections';
import { useActions } from '../store/StoreContext';
import { JournalProvider } from './JournalContext';
import './journal.css';

/**
 * The manager's area after login: one bar that stays at the top (the sections as tabs, the way back to
 * the till, sign-out), the chosen section below. With operations left unresolved the journal opens first.
 */
export function ManagerHome({ app }: { app: AppState }) {
  const t = useManagerT();
  const { closeManager, logout } = useActions();
  const [tab, setTab] = useState<string>(() => firstSection(MANAGER_SECTIONS, app));
  const current = MANAGER_SECTIONS.find((section) => section.id === tab) ?? MANAGER_SECTIONS[0];
  return (
    <JournalProvider>
      <header className="manager-bar">
        <nav className="manager-tabs" role="tablist" aria-label={t.status.manager}>
          {MANAGER_SECTIONS.map((section) => {
            const badge = section.badge?.(app) ?? 0;
            return (
              <button
                key={section.id}
                type="button"
                role="tab"
                aria-selected={current?.id === section.id}
                className={current?.id === section.id ? 'manager-tabs__tab manager-tabs__tab--active' : 'manager-tabs__tab'}
                onClick={() => {
                  setTab(section.id);
                  // A section starts at its top, under the bar, whatever the last one was scrolled to.
                  window.scrollTo(0, 0);
                }}
              >
                {section.label(t)}
                {badge > 0 && <span className="manager-tabs__badge">{badge}</span>}
              </button>
            );
          })}
        </nav>
        <div className="manager-bar__actions">
          <button type="button" className="secondary" aria-label={t.manager.back} onClick={closeManager}>
            <span className="manager-bar__wide">{t.manager.back}</span>
            <span className="manager-bar__narrow">{t.manager.backShort}</span>
          </button>
          <button type="button" className="secondary" onClick={() => void logout()}>
            {t.manager.logout}
          </button>
        </div>
      </header>
      {current?.render()}
    </JournalProvider>
  );
}
