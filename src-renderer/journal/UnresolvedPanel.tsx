import type { OperationView } from '../../src-shared/journal/types';
import { useManagerT } from '../i18n/useT';
import { timeOf } from './operationMarks';

/** Above everything while any operation waits for the manager, from every day (not only the filtered one). */
export function UnresolvedPanel({ operations, onResolve }: { operations: OperationView[]; onResolve: (operation: OperationView) => void }) {
  const t = useManagerT();
  const words = t.journal.unresolved;
  return (
    <section className="unresolved" aria-label={words.title(operations.length)} data-testid="unresolved-panel">
      <h2 className="unresolved__title">‼ {words.title(operations.length)}</h2>
      <p className="unresolved__hint">{words.hint}</p>
      <ul className="unresolved__list">
        {operations.map((operation) => (
          <li key={operation.id} className="unresolved__item">
            <span className="unresolved__day">{operation.at.slice(0, 10)}</span>
            <span className="unresolved__what">{words.line(timeOf(operation.at), operation.kind, operation.bonuses, operation.client)}</span>
            <span className="unresolved__status">{t.journal.list.statuses[operation.status]}</span>
            <button type="button" className="primary" onClick={() => onResolve(operation)}>
              {t.journal.list.resolve}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
