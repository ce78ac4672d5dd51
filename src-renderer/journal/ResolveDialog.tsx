import { useState } from 'react';
import type { AppError } from '../../src-shared/errors';
import { needsFreshQr } from '../../src-shared/journal/errorCodes';
import type { OperationView, RecheckReply } from '../../src-shared/journal/types';
import { ErrorPanel } from '../components/ErrorPanel';
import { useT } from '../i18n/useT';
import { FreshQr, useAskFreshQr, useScannedClient } from './FreshQr';
import { useJournalActions } from './JournalContext';
import { Modal } from './Modal';
import { timeOf } from './operationMarks';
import { ReasonField, reasonOk } from './ReasonField';

/**
 * An operation with an unknown outcome: re-check it by the balance (the usual way), or mark it
 * applied or not applied. `onDone` closes the dialog with what to tell the manager.
 */
export function ResolveDialog({ operation, onDone }: { operation: OperationView; onDone(message: string | null): void }) {
  const t = useT();
  const { recheck, resolve } = useJournalActions();
  const scanned = useScannedClient();
  const askFreshQr = useAskFreshQr();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [fresh, setFresh] = useState(false);
  const [seen, setSeen] = useState<RecheckReply | null>(null);
  const words = t.journal.resolve;
  const dialog = t.journal.dialog;
  const before = operation.outcome?.status === 'unknown' ? operation.outcome.balanceBefore : operation.balanceBefore;

  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    if (!reasonOk(reason)) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    await work();
    setBusy(false);
  };

  const check = () =>
    run(async () => {
      const reply = await recheck(operation.id, reason, fresh);
      if (!reply.ok) {
        if (askFreshQr(reply.error)) setFresh(true);
        setError(reply.error);
        return;
      }
      if (reply.value.verdict === 'undetermined') setSeen(reply.value);
      else onDone(words.verdict[reply.value.verdict](reply.value.balance));
    });

  const mark = (action: 'applied' | 'not-applied') =>
    run(async () => {
      const reply = await resolve(operation.id, action, reason);
      if (reply.ok) onDone(words.marked(action === 'applied'));
      else setError(reply.error);
    });

  return (
    <Modal title={words.title} onClose={() => onDone(null)}>
      <p className="modal__lead" data-testid="dialog-operation">
        {dialog.operation(timeOf(operation.at), operation.kind, operation.bonuses, operation.client)}
      </p>
      {before !== null && <p className="modal__hint">{dialog.balanceBefore(before)}</p>}
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
      {seen && (
        <p className="modal__verdict" role="status">
          {words.verdict.undetermined(seen.balance)}
        </p>
      )}
      {/* The fresh-code box says what the server's «QR expired» would: only other refusals are shown. */}
      {error && !(fresh && needsFreshQr(error)) && <ErrorPanel error={error} look="compact" />}
      <div className="modal__buttons">
        <button type="button" className="primary" disabled={busy || (fresh && scanned !== operation.client)} onClick={() => void check()}>
          {fresh ? words.recheckFresh : words.recheck}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => void mark('applied')}>
          {words.applied}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => void mark('not-applied')}>
          {words.notApplied}
        </button>
        <button type="button" className="secondary" onClick={() => onDone(null)}>
          {dialog.close}
        </button>
      </div>
    </Modal>
  );
}
