import { useState, type ReactNode } from 'react';
import type { AppError } from '../../src-shared/errors';
import { needsFreshQr } from '../../src-shared/journal/errorCodes';
import type { OperationView } from '../../src-shared/journal/types';
import { ErrorPanel } from '../components/ErrorPanel';
import { useManagerT } from '../i18n/useT';
import { FreshQr, useAskFreshQr, useScannedClient } from './FreshQr';
import { timeOf } from './operationMarks';
import { ReasonField, reasonOk } from './ReasonField';

/**
 * What a manager's decision on one operation needs, whether it resolves or reverses it: a required
 * reason, one action at a time, and the switch to waiting for the customer's fresh QR when the
 * server says the old one has expired.
 */
export function useDecision(operation: OperationView) {
  const askFreshQr = useAskFreshQr();
  const scanned = useScannedClient();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [fresh, setFresh] = useState(false);

  return {
    reason,
    missing,
    busy,
    error,
    fresh,
    /** The QR-needing action waits until the till has scanned this customer's fresh code. */
    waitingForQr: fresh && scanned !== operation.client,
    changeReason: (value: string): void => {
      setReason(value);
      setMissing(false);
    },
    /** Runs one action, and none without a reason. */
    async run(work: () => Promise<void>): Promise<void> {
      if (busy) return;
      if (!reasonOk(reason)) {
        setMissing(true);
        return;
      }
      setBusy(true);
      setError(null);
      await work();
      setBusy(false);
    },
    /** A refusal of an action that reached the customer's QR: an expired one asks for a fresh code. */
    refusedWithQr(refusal: AppError): void {
      if (askFreshQr(refusal)) setFresh(true);
      setError(refusal);
    },
    refused: setError,
  };
}

export type Decision = ReturnType<typeof useDecision>;

/** The part both dialogs share: which operation, the dialog's own lines, the reason, the fresh QR, the refusal. */
export function DecisionBody({ operation, decision, children }: { operation: OperationView; decision: Decision; children: ReactNode }) {
  const dialog = useManagerT().journal.dialog;
  const { error, fresh } = decision;
  return (
    <>
      <p className="modal__lead" data-testid="dialog-operation">
        {dialog.operation(timeOf(operation.at), operation.kind, operation.bonuses, operation.client)}
      </p>
      {children}
      <ReasonField value={decision.reason} missing={decision.missing} onChange={decision.changeReason} />
      {fresh && <FreshQr client={operation.client} />}
      {/* The fresh-code box says what the server's «QR expired» would: only other refusals are shown. */}
      {error && !(fresh && needsFreshQr(error)) && <ErrorPanel error={error} look="compact" />}
    </>
  );
}
