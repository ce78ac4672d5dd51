import type { OperationView } from '../../src-shared/journal/types';
import { useManagerT } from '../i18n/useT';
import { useJournalActions } from './JournalContext';
import { Modal } from './Modal';
import { DecisionBody, useDecision } from './useDecision';

/**
 * Undoes an applied operation by the opposite one, with the manager's reason. When the customer's QR
 * has expired the dialog asks for a fresh one and waits for the till to scan it.
 */
export function ReverseDialog({ operation, onDone }: { operation: OperationView; onDone: (message: string | null) => void }) {
  const t = useManagerT();
  const { reverse } = useJournalActions();
  const decision = useDecision(operation);
  const words = t.journal.reverse;
  // The reversal is the opposite kind: an accrual is undone by a redemption, a redemption by an accrual.
  const undo = operation.kind === 'accrue' ? 'redeem' : 'accrue';

  const confirm = () =>
    decision.run(async () => {
      const reply = await reverse(operation.id, decision.reason, decision.fresh);
      if (reply.ok) onDone(reply.value.outcome === 'applied' ? words.done : words.unknown);
      else decision.refusedWithQr(reply.error);
    });

  return (
    <Modal title={words.title} onClose={() => onDone(null)}>
      <DecisionBody operation={operation} decision={decision}>
        <p className="modal__question">{words.effect(undo, operation.bonuses, operation.client)}</p>
        <p className="modal__hint">{words.hint}</p>
      </DecisionBody>
      <div className="modal__buttons">
        <button type="button" className="primary" disabled={decision.busy || decision.waitingForQr} onClick={() => void confirm()}>
          {decision.fresh ? words.confirmFresh : words.confirm}
        </button>
        <button type="button" className="secondary" onClick={() => onDone(null)}>
          {t.journal.dialog.close}
        </button>
      </div>
    </Modal>
  );
}
