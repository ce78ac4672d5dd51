import { useState } from 'react';
import type { OperationView, RecheckReply } from '../../src-shared/journal/types';
import { useManagerT } from '../i18n/useT';
import { useJournalActions } from './JournalContext';
import { Modal } from './Modal';
import { DecisionBody, useDecision } from './useDecision';

/**
 * An operation with an unknown outcome: re-check it by the balance (the usual way), or mark it
 * applied or not applied. `onDone` closes the dialog with what to tell the manager.
 */
export function ResolveDialog({ operation, onDone }: { operation: OperationView; onDone: (message: string | null) => void }) {
  const t = useManagerT();
  const { recheck, resolve } = useJournalActions();
  const decision = useDecision(operation);
  const [seen, setSeen] = useState<RecheckReply | null>(null);
  const words = t.journal.resolve;
  const dialog = t.journal.dialog;
  const before = operation.outcome?.status === 'unknown' ? operation.outcome.balanceBefore : operation.balanceBefore;

  const check = () =>
    decision.run(async () => {
      const reply = await recheck(operation.id, decision.reason, decision.fresh);
      if (!reply.ok) decision.refusedWithQr(reply.error);
      else if (reply.value.verdict === 'undetermined') setSeen(reply.value);
      else onDone(words.verdict[reply.value.verdict](reply.value.balance));
    });

  const mark = (action: 'applied' | 'not-applied') =>
    decision.run(async () => {
      const reply = await resolve(operation.id, action, decision.reason);
      if (reply.ok) onDone(words.marked(action === 'applied'));
      else decision.refused(reply.error);
    });

  return (
    <Modal title={words.title} onClose={() => onDone(null)}>
      <DecisionBody operation={operation} decision={decision}>
        {before !== null && <p className="modal__hint">{dialog.balanceBefore(before)}</p>}
        <p className="modal__hint">{words.hint}</p>
      </DecisionBody>
      {seen && (
        <p className="modal__verdict" role="status">
          {words.verdict.undetermined(seen.balance)}
        </p>
      )}
      <div className="modal__buttons">
        <button type="button" className="primary" disabled={decision.busy || decision.waitingForQr} onClick={() => void check()}>
          {decision.fresh ? words.recheckFresh : words.recheck}
        </button>
        <button type="button" className="secondary" disabled={decision.busy} onClick={() => void mark('applied')}>
          {words.applied}
        </button>
        <button type="button" className="secondary" disabled={decision.busy} onClick={() => void mark('not-applied')}>
          {words.notApplied}
        </button>
        <button type="button" className="secondary" onClick={() => onDone(null)}>
          {dialog.close}
        </button>
      </div>
    </Modal>
  );
}
