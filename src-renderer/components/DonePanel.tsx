import { useEffect, useRef } from 'react';
import type { OperationOutcome } from '../../src-shared/skidkabot/types';
import type { DictionaryWith } from '../i18n/dictionary';
import { useCustomerT } from '../i18n/useT';
import { useActions, useKassa } from '../store/StoreContext';
import { ErrorPanel } from './ErrorPanel';

/** What was done, operation by operation, until the next scan or «Новый покупатель». */
export function DonePanel({ outcomes, busy }: { outcomes: OperationOutcome[]; busy: boolean }) {
  const t = useCustomerT();
  const { newCustomer } = useActions();
  const sending = useKassa((state) => state.inFlight > 0) || busy;
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    buttonRef.current?.focus();
  }, []);

  return (
    <div className="done">
      <ul className="done__list">
        {outcomes.map((outcome, index) => (
          <OutcomeLine key={`${outcome.kind}-${index}`} outcome={outcome} t={t} />
        ))}
      </ul>
      <button ref={buttonRef} type="button" className="next-customer" disabled={sending} onClick={() => void newCustomer()}>
        {t.customer.newCustomer}
        <kbd className="action__keys">{t.customer.newCustomerKey}</kbd>
      </button>
    </div>
  );
}

function OutcomeLine({ outcome, t }: { outcome: OperationOutcome; t: DictionaryWith<'customer'> }) {
  switch (outcome.status) {
    case 'applied':
      return (
        <li className={`outcome outcome--applied outcome--${outcome.kind}`} data-outcome="applied">
          <span className="outcome__mark" aria-hidden="true">
            ✓
          </span>
          <span className="outcome__text">
            {t.done.applied(outcome.kind, outcome.bonuses)}
            {outcome.confirmedBy === 'balance-check' && <span className="outcome__note">{t.done.confirmedByBalance}</span>}
            {outcome.anomaly && (
              <span className="outcome__note outcome__anomaly" role="alert" data-anomaly={outcome.anomaly.code}>
                ⚠ {t.done.anomaly(outcome.anomaly, outcome.kind)}
              </span>
            )}
          </span>
        </li>
      );
    case 'refused':
    case 'not-applied':
      return (
        <li className="outcome outcome--failed" data-outcome={outcome.status}>
          <p className="outcome__head">
            <span className="outcome__mark" aria-hidden="true">
              ✗
            </span>
            {t.done.notDone(outcome.kind, outcome.bonuses)}
          </p>
          <ErrorPanel error={outcome.error} look="embedded" />
        </li>
      );
    case 'unknown':
      return (
        <li className="outcome outcome--unknown" data-outcome="unknown">
          <p className="outcome__head">
            <span className="outcome__mark" aria-hidden="true">
              ?
            </span>
            {t.done.unknown(outcome.kind, outcome.bonuses)}
          </p>
          <p className="outcome__balances">
            {t.done.balanceBefore(outcome.balanceBefore)}
            {' · '}
            {outcome.balanceAfter === undefined ? t.done.balanceNotChecked : t.done.balanceAfter(outcome.balanceAfter)}
          </p>
          <ErrorPanel error={outcome.error} look="embedded" />
        </li>
      );
  }
}
