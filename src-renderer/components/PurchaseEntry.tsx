import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { CustomerView } from '../../src-shared/ipc/views';
import { computeFigures, type Figures } from '../checkout/figures';
import type { DictionaryWith } from '../i18n/dictionary';
import { useErrorText } from '../i18n/useErrorText';
import { useCustomerT } from '../i18n/useT';
import { useActions, useKassa } from '../store/StoreContext';

export function PurchaseEntry({ customer, busy }: { customer: CustomerView; busy: boolean }) {
  const t = useCustomerT();
  const purchaseText = useKassa((state) => state.purchaseText);
  const redeemText = useKassa((state) => state.redeemText);
  const purchaseMissing = useKassa((state) => state.purchaseMissing);
  const customerSerial = useKassa((state) => state.customerSerial);
  const sending = useKassa((state) => state.inFlight > 0) || busy;
  // An operation with an unknown outcome shuts its kind for this customer; a redemption brings an accrual with it.
  const blocked = new Set(customer.blocked?.map((operation) => operation.kind));
  const accrueBlocked = blocked.has('accrue');
  const redeemBlocked = accrueBlocked || blocked.has('redeem');
  const pressed = useKassa((state) => state.sending);
  const actions = useActions();
  const purchaseRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    purchaseRef.current?.focus();
  }, [customerSerial]);

  const figures = computeFigures(purchaseText, redeemText, customer);
  const shownRedeem = redeemText ?? (figures.state === 'ok' ? String(figures.maxRedeem) : '');
  const canRedeem = figures.state === 'ok' && figures.redeem.state === 'ok';

  const onEnter = (action: () => Promise<void>) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.repeat) return;
    event.preventDefault();
    void action();
  };

  return (
    <div className="entry">
      <div className="entry__fields">
        <label className="field field--purchase">
          <span className="field__label">{t.customer.purchase}</span>
          <input
            ref={purchaseRef}
            className="field__input field__input--purchase"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            placeholder={t.customer.purchasePlaceholder}
            value={purchaseText}
            readOnly={sending}
            aria-invalid={figures.state === 'invalid' || purchaseMissing}
            onChange={(event) => actions.setPurchaseText(event.target.value)}
            onKeyDown={onEnter(actions.accrue)}
          />
        </label>
        <label className="field field--redeem">
          <span className="field__label">
            {t.customer.redeem}
            <span className="field__note">{t.customer.redeemEnter}</span>
          </span>
          <input
            className="field__input"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            value={shownRedeem}
            readOnly={sending}
            aria-invalid={figures.state === 'ok' && figures.maxRedeem > 0 && figures.redeem.state !== 'ok'}
            onChange={(event) => actions.setRedeemText(event.target.value)}
            onKeyDown={onEnter(actions.redeem)}
          />
        </label>
      </div>
      <FiguresLines figures={figures} purchaseMissing={purchaseMissing} t={t} />
      <div className="actions">
        <button
          type="button"
          className={pressed === 'accrue' ? 'action action--accrue action--sending' : 'action action--accrue'}
          disabled={sending || accrueBlocked}
          onClick={() => void actions.accrue()}
        >
          <span className="action__label">
            {pressed === 'accrue' ? (
              t.customer.sending
            ) : (
              <>
                <span aria-hidden="true">+ </span>
                {t.customer.accrueButton}
                {figures.state === 'ok' && <span className="action__amount"> {t.number(figures.accrue)}</span>}
              </>
            )}
          </span>
          <kbd className="action__keys">{t.customer.accrueKeys}</kbd>
        </button>
        <button
          type="button"
          className={pressed === 'redeem' ? 'action action--redeem action--sending' : 'action action--redeem'}
          disabled={sending || redeemBlocked || (figures.state === 'ok' && !canRedeem)}
          onClick={() => void actions.redeem()}
        >
          <span className="action__label">
            {pressed === 'redeem' ? (
              t.customer.sending
            ) : (
              <>
                <span aria-hidden="true">− </span>
                {t.customer.redeemButton}
                {figures.state === 'ok' && figures.redeem.state === 'ok' && (
                  <span className="action__amount"> {t.number(figures.redeem.bonuses)}</span>
                )}
              </>
            )}
          </span>
          <kbd className="action__keys">{t.customer.redeemKeys}</kbd>
        </button>
      </div>
      <p className="entry__rules">{t.customer.rules(customer.rules.source, customer.rules.pPlus, customer.rules.pMinus)}</p>
    </div>
  );
}

function FiguresLines({ figures, purchaseMissing, t }: { figures: Figures; purchaseMissing: boolean; t: DictionaryWith<'customer'> }) {
  const text = useErrorText();
  if (figures.state === 'empty') {
    return <p className={purchaseMissing ? 'figures figures--problem' : 'figures'}>{t.customer.enterPurchase}</p>;
  }
  if (figures.state === 'invalid') {
    return <p className="figures figures--problem">{text(figures.error)}</p>;
  }
  const { redeem } = figures;
  return (
    <div className="figures" data-testid="figures">
      <p className="figures__accrue">{t.customer.accrueInfo(figures.accrue)}</p>
      <p className="figures__redeem">{figures.maxRedeem > 0 ? t.customer.maxRedeem(figures.maxRedeem) : t.customer.nothingToRedeem}</p>
      {redeem.state === 'ok' && (
        <p className="figures__preview" data-testid="redeem-preview">
          {t.customer.redeemPreview(redeem.bonuses, redeem.toPayKopecks, redeem.accrue)}
        </p>
      )}
      {redeem.state === 'refused' && figures.maxRedeem > 0 && <p className="figures__preview figures--problem">{text(redeem.error)}</p>}
      {redeem.state === 'not-a-number' && <p className="figures__preview figures--problem">{t.customer.redeemNotNumber}</p>}
    </div>
  );
}
