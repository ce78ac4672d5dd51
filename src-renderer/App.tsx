import { useEffect } from 'react';
import { ErrorPanel } from './components/ErrorPanel';
import { UnresolvedNotice } from './journal/UnresolvedNotice';
import { StatusLine } from './components/StatusLine';
import { useT } from './i18n/useT';
import { useTillKeys } from './keyboard/useTillKeys';
import { useScanCapture } from './scan/useScanCapture';
import { CashierScreen } from './screens/CashierScreen';
import { FirstRunPassword } from './screens/FirstRunPassword';
import { FirstRunShop } from './screens/FirstRunShop';
import { ManagerScreen } from './screens/ManagerScreen';
import { useKassa } from './store/StoreContext';

export function App() {
  const t = useT();
  const app = useKassa((state) => state.app);
  const fatal = useKassa((state) => state.fatal);
  const screen = useKassa((state) => state.screen);
  useTillKeys();
  // The manager screen too: its «Сканер» section tests scans, and a scan must not land in its fields.
  useScanCapture(app?.phase === 'ready');
  useEffect(() => {
    document.documentElement.lang = app?.language ?? 'ru';
  }, [app?.language]);

  if (fatal) {
    return (
      <main className="fatal">
        <ErrorPanel error={fatal} />
      </main>
    );
  }
  if (!app) return <main className="loading">{t.loading}</main>;

  return (
    <div className="app">
      <StatusLine app={app} />
      {app.demo && <div className="demo-banner">{t.status.demo}</div>}
      {app.problems.length > 0 && (
        <section className="problems" aria-label={t.problems}>
          {app.problems.map((problem) => (
            <ErrorPanel key={`${problem.kind}:${problem.code ?? ''}:${problem.message}`} error={problem} look="compact" />
          ))}
        </section>
      )}
      {app.unresolved > 0 && <UnresolvedNotice count={app.unresolved} />}
      {app.phase === 'setup-password' && <FirstRunPassword />}
      {app.phase === 'setup-shop' && <FirstRunShop />}
      {app.phase === 'ready' && (screen === 'manager' ? <ManagerScreen app={app} /> : <CashierScreen />)}
    </div>
  );
}
