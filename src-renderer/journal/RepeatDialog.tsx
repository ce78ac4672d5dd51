import type { RepeatQuestion } from '../../src-shared/ipc/views';
import { useCustomerT } from '../i18n/useT';
import { useActions } from '../store/StoreContext';
import { Modal } from './Modal';
import { timeOf } from './operationMarks';

/**
 * The double-press question on the till, answered from the keyboard map wherever the focus is: F9 sends
 * again, Esc or Enter does not. The focus rests on «Нет», so no stray key sends a second operation.
 */
export function RepeatDialog({ repeat, busy }: { repeat: RepeatQuestion; busy: boolean }) {
  const t = useCustomerT();
  const { confirmRepeat, cancelRepeat } = useActions();
  const words = t.repeat;
  return (
    <Modal title={words.title} tone="warn" keys="global" onClose={() => void cancelRepeat()}>
      <p className="modal__lead" data-testid="repeat-text">
        {words.text(repeat.kind, repeat.bonuses, timeOf(repeat.earlier.at))}
      </p>
      <p className="modal__question">{words.question}</p>
      <p className="modal__hint">{words.hint}</p>
      <div className="modal__buttons">
        <button type="button" className="primary" disabled={busy} onClick={() => void confirmRepeat()}>
          {words.yes} <kbd className="modal__key">{words.yesKey}</kbd>
        </button>
        <button type="button" className="secondary" data-autofocus disabled={busy} onClick={() => void cancelRepeat()}>
          {words.no} <kbd className="modal__key">{words.noKey}</kbd>
        </button>
      </div>
    </Modal>
  );
}
