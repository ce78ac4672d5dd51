import { lazy, Suspense, useEffect } from 'react';
import { ErrorPanel } from './components/ErrorPanel';
import { PartBoundary } from './components/PartBoundary';
import { UnresolvedNotice } from './journal/UnresolvedNotice';
import { StatusLine } from './components/StatusLine';
import { useT } from './i18n/useT';
import { useTillKeys } from './keyboard/useTillKeys';
import { useScanCapture } from './scan/useScanCapture';
import { CashierScreen } from './screens/CashierScreen';
import { useKassa } from './store/StoreContext';

// The cashier's screen loads at start; the manager's area and the first run, when they open.
const ManagerScreen = lazy(async () => ({ default: (await import('./screens/ManagerScreen')).ManagerScreen }));
const FirstRunPassword = lazy(async () => ({ default: (await import('./screens/FirstRunPassword')).FirstRunPassword }));
const FirstRunShop = lazy(async () => ({ default: (await import('./screens/FirstRunShop')).FirstRunShop }));

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
      <PartBoundary text={t.partFailed} retry={t.partRetry}>
        <Suspense fallback={<main className="loading">{t.loading}</main>}>
          {app.phase === 'setup-password' && <FirstRunPassword />}
          {app.phase === 'setup-shop' && <FirstRunShop />}
          {app.phase === 'ready' && (screen === 'manager' ? <ManagerScreen app={app} /> : <CashierScreen />)}
        </Suspense>
      </PartBoundary>
    </div>
  );
}
