import type { ReactNode } from 'react';
import type { AppError } from '../../src-shared/errors';
import type { CheckoutView } from '../../src-shared/ipc/views';
import type { OperationKind } from '../../src-shared/skidkabot/types';
import { balanceAfter } from '../checkout/outcomeSummary';
import { CustomerCard } from '../components/CustomerCard';
import { DonePanel } from '../components/DonePanel';
import { ErrorPanel } from '../components/ErrorPanel';
import { PurchaseEntry } from '../components/PurchaseEntry';
import { WaitingPanel } from '../components/WaitingPanel';
import { BlockedNotice } from '../journal/BlockedNotice';
import { RepeatDialog } from '../journal/RepeatDialog';

type Serving = Exclude<CheckoutView, { stage: 'idle' }>;

interface ServingProps {
  checkout: Serving;
  error: AppError | null;
  sending: OperationKind | null;
}

/**
 * The cashier's screen while a customer is on it: the card, the figures, the double-press question,
 * the outcome. A render function, not a component, so the screen that loads it renders these
 * (module-level) panels directly once it has it, with no wrapper component made at run time.
 */
export function servingPanels({ checkout, error, sending }: ServingProps): ReactNode {
  return (
    <>
      {(checkout.stage === 'customer' || checkout.stage === 'confirm') && <CustomerCard customer={checkout.customer} />}
      {checkout.stage === 'done' && <CustomerCard customer={checkout.customer} after={{ balance: balanceAfter(checkout.outcomes) }} />}
      {error && <ErrorPanel error={error} />}
      {(checkout.stage === 'customer' || checkout.stage === 'confirm') && checkout.customer.blocked && (
        <BlockedNotice blocked={checkout.customer.blocked} />
      )}
      {(checkout.stage === 'customer' || checkout.stage === 'confirm') && (
        <PurchaseEntry customer={checkout.customer} busy={checkout.busy || checkout.stage === 'confirm'} />
      )}
      {checkout.stage === 'customer' && checkout.busy && <WaitingPanel what={sending ?? 'accrue'} />}
      {checkout.stage === 'confirm' && <RepeatDialog repeat={checkout.repeat} busy={checkout.busy} />}
      {checkout.stage === 'done' && <DonePanel outcomes={checkout.outcomes} busy={checkout.busy} />}
    </>
  );
}
