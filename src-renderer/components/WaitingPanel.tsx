import { useNow } from '../manager/useNow';
import { useT } from '../i18n/useT';
import { useKassa } from '../store/StoreContext';

/**
 * What the till is doing while the server thinks, from the first second: the request, the seconds
 * waited, and either the key that cancels it (a balance query changes nothing) or why it cannot be
 * cancelled (an operation already sent: only its answer or the balance check says whether it went through).
 */
export function WaitingPanel({ what }: { what: 'balance' | 'accrue' | 'redeem' }) {
  const t = useT();
  const since = useKassa((state) => (state.app?.server.state === 'pending' ? state.app.server.at : null));
  const now = useNow(250);
  const seconds = since === null ? 0 : Math.max(0, Math.floor((now - since) / 1000));
  return (
    <div className={`waiting waiting--${what}`} role="status" data-waiting={what}>
      <div className="waiting__spinner" aria-hidden="true" />
      <div className="waiting__body">
        <p className="waiting__title">
          {t.waiting.title[what]}
          <span className="waiting__seconds" data-testid="waiting-seconds">
            {' '}
            {t.waiting.seconds(seconds)}
          </span>
        </p>
        {what === 'balance' ? (
          <p className="waiting__next">
            <kbd className="error__key">Esc</kbd>
            {t.waiting.cancel}
          </p>
        ) : (
          <p className="waiting__next">{t.waiting.cannotCancel}</p>
        )}
      </div>
    </div>
  );
}
