import type { AppError } from '../../src-shared/errors';
import { errorCategory, type ErrorCategory } from '../../src-shared/errorCategory';
import { useErrorText } from '../i18n/useErrorText';
import { useT } from '../i18n/useT';
import { useKassa } from '../store/StoreContext';

/**
 * One look per category of who acts next, so a cashier tells «the customer shows another code» from
 * «Skidkabot is down» from a metre away: its own colour, icon and heading, the words in the screen's
 * language, what to do next and the one key for it. 'embedded' sits inside an operation's line, which
 * already says what failed. `words` is what a screen wrote itself in its own language for a problem it
 * found (a port out of range), shown instead of the error's keyed text.
 */
export function ErrorPanel({ error, look = 'full', words }: { error: AppError; look?: 'full' | 'compact' | 'embedded'; words?: string }) {
  const t = useT();
  const text = useErrorText();
  const category = errorCategory(error);
  const nextKey = useNextKey(category);
  const copy = t.errors.category[category];
  return (
    <div
      className={`error error--${category} error--${look}`}
      role="alert"
      data-error-kind={error.kind}
      data-error-category={category}
    >
      {look !== 'embedded' && (
        <div className="error__badge" aria-hidden="true">
          {ICONS[category]}
        </div>
      )}
      <div className="error__body">
        {look !== 'embedded' && (
          <p className="error__title">
            {copy.title}
            {error.kind === 'server' && error.code !== undefined && <span className="error__code"> · {t.errors.code(error.code)}</span>}
          </p>
        )}
        <p className="error__message">{words ?? text(error)}</p>
        {look === 'full' && (
          <p className="error__next">
            {nextKey && <kbd className="error__key">{nextKey.key}</kbd>}
            {nextKey ? nextKey.label : copy.next}
          </p>
        )}
        {look === 'embedded' && <p className="error__next">{copy.next}</p>}
      </div>
    </div>
  );
}

const ICONS: Record<ErrorCategory, string> = {
  customer: '⟳',
  cashier: '✎',
  manager: '⚙',
  server: '!',
  network: '⇌',
  'outcome-unknown': '?',
};

/** The one key that takes the cashier to the next step, where the till has one; null off the till. */
function useNextKey(category: ErrorCategory): { key: string; label: string } | null {
  const t = useT();
  const onTill = useKassa((state) => state.screen === 'cashier' && state.app?.phase === 'ready');
  const customerOnScreen = useKassa((state) => state.checkout.stage !== 'idle');
  if (!onTill) return null;
  const keys = t.errors.keys;
  switch (category) {
    case 'manager':
    case 'outcome-unknown':
      return { key: 'F10', label: t.errors.category[category].next };
    case 'customer':
      return { key: 'Esc', label: keys.nextCustomer };
    case 'cashier':
    case 'server':
    case 'network':
      return customerOnScreen ? { key: 'Enter', label: keys.retryPress } : { key: 'Esc', label: keys.scanAgain };
  }
}
