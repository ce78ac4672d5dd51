import { useState } from 'react';
import type { AppError } from '../../src-shared/errors';
import { needsFreshQr } from '../../src-shared/journal/errorCodes';
import type { OperationView } from '../../src-shared/journal/types';
import { ErrorPanel } from '../components/ErrorPanel';
import { useT } from '../i18n/useT';
import { FreshQr, useAskFreshQr, useScannedClient } from './FreshQr';
import { useJournalActions } from './JournalContext';
import { Modal } from './Modal';
import { timeOf } from './operationMarks';
import { ReasonField, reasonOk } from './ReasonField';

/**
 * Undoes an applied operation by the opposite one, with the manager's reason. When the customer's QR
 * has expired the dialog asks for a fresh one and waits for the till to scan it.
 */
export function ReverseDialog({ operation, onDone }: { operation: OperationView; onDone(message: string | null): void }) {
  const t = useT();
  const { reverse } = useJournalActions();
  const scanned = useScannedClient();
  const askFreshQr = useAskFreshQr();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [fresh, setFresh] = useState(false);
  const words = t.journal.reverse;
  const dialog = t.journal.dialog;
  // The reversal is the opposite kind: an accrual is undone by a redemption, a redemption by an accrual.
  const undo = operation.kind === 'accrue' ? 'redeem' : 'accrue';

  const confirm = async () => {
    if (busy) return;
    if (!reasonOk(reason)) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    const reply = await reverse(operation.id, reason, fresh);
    setBusy(false);
    if (reply.ok) {
      onDone(reply.value.outcome === 'applied' ? words.done : words.unknown);
      return;
    }
    if (askFreshQr(reply.error)) setFresh(true);
    setError(reply.error);
  };

  return (
    <Modal title={words.title} onClose={() => onDone(null)}>
      <p className="modal__lead" data-testid="dialog-operation">
        {dialog.operation(timeOf(operation.at), operation.kind, operation.bonuses, operation.client)}
      </p>
      <p className="modal__question">{words.effect(undo, operation.bonuses, operation.client)}</p>
      <p className="modal__hint">{words.hint}</p>
      <ReasonField
        value={reason}
        missing={missing}
        onChange={(value) => {
          setReason(value);
          setMissing(false);
        }}
      />
      {fresh && <FreshQr client={operation.client} />}
      {/* The fresh-code box says what the server's «QR expired» would: only other refusals are shown. */}
      {error && !(fresh && needsFreshQr(error)) && <ErrorPanel error={error} look="compact" />}
      <div className="modal__buttons">
        <button type="button" className="primary" disabled={busy || (fresh && scanned !== operation.client)} onClick={() => void confirm()}>
          {fresh ? words.confirmFresh : words.confirm}
        </button>
        <button type="button" className="secondary" onClick={() => onDone(null)}>
          {dialog.close}
        </button>
      </div>
    </Modal>
  );
}
