import { lazy, Suspense } from 'react';
import type { AppError } from '../../src-shared/errors';
import { CameraButton } from '../camera/CameraButton';
import { balanceAfter } from '../checkout/outcomeSummary';
import { CustomerCard } from '../components/CustomerCard';
import { DemoPanel } from '../components/DemoPanel';
import { DonePanel } from '../components/DonePanel';
import { ErrorPanel } from '../components/ErrorPanel';
import { WaitingPanel } from '../components/WaitingPanel';
import { PurchaseEntry } from '../components/PurchaseEntry';
import { BlockedNotice } from '../journal/BlockedNotice';
import { RepeatDialog } from '../journal/RepeatDialog';
import { ScanDropNotice } from '../scanner/ScanDropNotice';
import { useT } from '../i18n/useT';
import { useKassa } from '../store/StoreContext';

// The camera (and its decoder) loads when the cashier or the manager's setting turns it on.
const CameraPanel = lazy(async () => ({ default: (await import('../camera/CameraPanel')).CameraPanel }));

export function CashierScreen() {
  const checkout = useKassa((state) => state.checkout);
  const demo = useKassa((state) => state.app?.demo === true);
  const sending = useKassa((state) => state.sending);
  const outcomeErrors = checkout.stage === 'done' ? checkout.outcomes.map((o) => ('error' in o ? o.error.message : '')) : [];
  // The done panel shows each operation's own error; the checkout's error is shown once, not twice.
  const error: AppError | null = checkout.error && !outcomeErrors.includes(checkout.error.message) ? checkout.error : null;
  const cameraMode = useKassa((state) => state.app?.camera.mode ?? 'off');
  const cameraOpen = useKassa((state) => state.cameraOpen);
  // The camera as the till's scanner runs while the till waits for the next customer, not while one is served.
  const waiting = checkout.stage === 'idle' || checkout.stage === 'done';
  const stayOn = cameraMode === 'always' && waiting;
  return (
    <main className={demo ? 'till till--demo' : 'till'}>
      <section className="till__main" aria-live="polite">
        <ScanDropNotice />
        {(cameraOpen || stayOn) && (
          <Suspense fallback={null}>
            <CameraPanel stayOn={stayOn} />
          </Suspense>
        )}
        {checkout.stage === 'idle' && error && <ErrorPanel error={error} />}
        {checkout.stage === 'idle' && checkout.busy && <WaitingPanel what="balance" />}
        {checkout.stage === 'idle' && !checkout.busy && <IdlePanel compact={error !== null} />}
        {(checkout.stage === 'customer' || checkout.stage === 'confirm') && <CustomerCard customer={checkout.customer} />}
        {checkout.stage === 'done' && <CustomerCard customer={checkout.customer} after={{ balance: balanceAfter(checkout.outcomes) }} />}
        {checkout.stage !== 'idle' && error && <ErrorPanel error={error} />}
        {(checkout.stage === 'customer' || checkout.stage === 'confirm') && checkout.customer.blocked && (
          <BlockedNotice blocked={checkout.customer.blocked} />
        )}
        {(checkout.stage === 'customer' || checkout.stage === 'confirm') && (
          <PurchaseEntry customer={checkout.customer} busy={checkout.busy || checkout.stage === 'confirm'} />
        )}
        {checkout.stage === 'customer' && checkout.busy && <WaitingPanel what={sending ?? 'accrue'} />}
        {checkout.stage === 'confirm' && <RepeatDialog repeat={checkout.repeat} busy={checkout.busy} />}
        {checkout.stage === 'done' && <DonePanel outcomes={checkout.outcomes} busy={checkout.busy} />}
        {cameraMode === 'on-demand' && !cameraOpen && waiting && <CameraButton />}
      </section>
      {demo && <DemoPanel />}
    </main>
  );
}

/** `compact` when an error is shown above it: the error leads, the prompt stays as a reminder. */
function IdlePanel({ compact }: { compact: boolean }) {
  const t = useT();
  const scanner = useKassa((state) => state.app?.scanner);
  // main words the scanner's details in Russian only; an English screen keeps to the state it can name.
  const russian = useKassa((state) => state.app?.language !== 'en');
  return (
    <div className={compact ? 'idle idle--compact' : 'idle'}>
      <h1 className="idle__title">{t.cashier.idleTitle}</h1>
      <p className="idle__hint">{t.cashier.idleHint}</p>
      {scanner && (
        <div className={`idle__scanner idle__scanner--${scanner.state}`} data-status="scanner-detail">
          <p>
            {t.status.scanner}: {t.status.scannerState[scanner.state]}
          </p>
          {scanner.message !== '' && russian && <p className="idle__scanner-message">{scanner.message}</p>}
        </div>
      )}
      <p className="idle__paste">{t.cashier.pasteHint}</p>
    </div>
  );
}
