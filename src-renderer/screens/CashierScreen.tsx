import { lazy, Suspense, useEffect, useState } from 'react';
import type { AppError } from '../../src-shared/errors';
import { ErrorPanel } from '../components/ErrorPanel';
import { WaitingPanel } from '../components/WaitingPanel';
import { ScanDropNotice } from '../scanner/ScanDropNotice';
import { loadPart } from '../i18n/dictionary';
import type { servingPanels as ServingPanels } from './ServingCustomer';
import { keyedText } from '../i18n/messageText';
import { useT, useWords } from '../i18n/useT';
import { useKassa } from '../store/StoreContext';

// The camera (and its decoder) loads when the cashier or the manager's setting turns it on; its
// button only on a till where the manager left it on demand, the demo's customers only in the demo.
const CameraPanel = lazy(async () => ({ default: (await import('../camera/CameraPanel')).CameraPanel }));
const CameraButton = lazy(async () => ({ default: (await import('../camera/CameraButton')).CameraButton }));
const DemoPanel = lazy(async () => ({ default: (await import('../components/DemoPanel')).DemoPanel }));

// A customer's panels and words are not needed for the idle till's first screen: they load right
// after it is shown, well before a cashier can scan. Once loaded they render in the same commit as
// the customer (React.lazy would suspend on its first render, leaving a moment without the purchase
// field). A chunk that failed to load is asked for again when the next customer arrives.
let loadedPanels: typeof ServingPanels | null = null;

function useServingPanels(customerOnScreen: boolean): typeof ServingPanels | null {
  const language = useKassa((state) => state.app?.language ?? 'ru');
  const [panels, setPanels] = useState(() => loadedPanels);
  useEffect(() => {
    void loadPart('customer', language).catch(() => undefined);
  }, [language]);
  useEffect(() => {
    if (panels) return;
    import('./ServingCustomer').then(
      (module) => setPanels(() => (loadedPanels = module.servingPanels)),
      () => undefined,
    );
  }, [panels, customerOnScreen]);
  return panels;
}

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
  const panels = useServingPanels(checkout.stage !== 'idle');
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
        {checkout.stage !== 'idle' && panels && <Suspense fallback={null}>{panels({ checkout, error, sending })}</Suspense>}
        {cameraMode === 'on-demand' && !cameraOpen && waiting && (
          <Suspense fallback={null}>
            <CameraButton />
          </Suspense>
        )}
      </section>
      {demo && (
        <Suspense fallback={null}>
          <DemoPanel />
        </Suspense>
      )}
    </main>
  );
}

/** `compact` when an error is shown above it: the error leads, the prompt stays as a reminder. */
function IdlePanel({ compact }: { compact: boolean }) {
  const t = useT();
  const scanner = useKassa((state) => state.app?.scanner);
  const { messages } = useWords();
  // An English screen shows main's details only from their key: without one they are Russian words.
  const detail = scanner === undefined ? '' : messages === null ? scanner.message : scanner.key === undefined ? '' : keyedText(scanner, messages);
  return (
    <div className={compact ? 'idle idle--compact' : 'idle'}>
      <h1 className="idle__title">{t.cashier.idleTitle}</h1>
      <p className="idle__hint">{t.cashier.idleHint}</p>
      {scanner && (
        <div className={`idle__scanner idle__scanner--${scanner.state}`} data-status="scanner-detail">
          <p>
            {t.status.scanner}: {t.status.scannerState[scanner.state]}
          </p>
          {detail !== '' && <p className="idle__scanner-message">{detail}</p>}
        </div>
      )}
      <p className="idle__paste">{t.cashier.pasteHint}</p>
    </div>
  );
}
