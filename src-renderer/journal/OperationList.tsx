import type { OperationView } from '../../src-shared/journal/types';
import { useManagerT } from '../i18n/useT';
import { useJournal } from './JournalContext';
import { canReverse, rowTone, timeOf, timeOfId } from './operationMarks';

interface OperationListProps {
  onResolve: (operation: OperationView) => void;
  onReverse: (operation: OperationView) => void;
}

/** Every operation of the filter, newest first; unresolved and reversed ones stand out. */
export function OperationList({ onResolve, onReverse }: OperationListProps) {
  const t = useManagerT();
  const operations = useJournal((state) => state.operations);
  const words = t.journal.list;
  return (
    <section className="oplist group" aria-label={words.title}>
      <h2 className="oplist__title">{words.title}</h2>
      {operations === null && <p className="oplist__empty">{words.loading}</p>}
      {operations?.length === 0 && <p className="oplist__empty">{words.empty}</p>}
      {operations && operations.length > 0 && (
        <table className="oplist__table">
          <thead>
            <tr>
              <th scope="col">{words.time}</th>
              <th scope="col">{words.kassa}</th>
              <th scope="col">{words.customer}</th>
              <th scope="col">{words.operation}</th>
              <th scope="col">{words.purchase}</th>
              <th scope="col">{words.status}</th>
              <th scope="col" aria-label={words.resolve} />
            </tr>
          </thead>
          <tbody>
            {operations.map((operation) => (
              <OperationRow key={operation.id} operation={operation} onResolve={onResolve} onReverse={onReverse} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function OperationRow({ operation, onResolve, onReverse }: { operation: OperationView } & OperationListProps) {
  const t = useManagerT();
  const words = t.journal.list;
  const tone = rowTone(operation);
  const lastResolution = operation.resolutions.at(-1);
  const undone = operation.reversedBy.find((link) => link.status === 'applied');
  const anomaly = operation.outcome?.status === 'applied' ? operation.outcome.anomaly : undefined;
  const notes = [
    undone ? words.reversedBecause(timeOf(undone.at), undone.reason) : null,
    operation.reverses !== null ? words.reversalOf(timeOfId(operation.reverses)) : null,
    operation.reason !== null ? operation.reason : null,
    lastResolution ? words.resolution(lastResolution.reason) : null,
    operation.balanceAfter !== null && operation.status === 'applied' ? words.balanceAfter(operation.balanceAfter) : null,
  ].filter((note): note is string => note !== null);
  return (
    <tr className={`op op--${tone}`} data-operation={operation.id} data-tone={tone}>
      <td className="op__time">{timeOf(operation.at)}</td>
      <td>{operation.kassa}</td>
      <td className="op__client">{operation.client}</td>
      <td>
        <span className={`op__kind op__kind--${operation.kind}`}>{words.kind(operation.kind)}</span> {words.bonuses(operation.bonuses)}
        {operation.by === 'manager' && <span className="op__by"> · {words.byManager}</span>}
        {notes.length > 0 && <span className="op__notes">{notes.join(' · ')}</span>}
        {anomaly && (
          <span className="op__notes op__anomaly" data-anomaly={anomaly.code}>
            ⚠ {words.anomaly(anomaly)}
          </span>
        )}
      </td>
      <td>{operation.purchaseKopecks > 0 ? words.rubles(operation.purchaseKopecks) : '—'}</td>
      <td>
        <span className={`op__status op__status--${operation.status}`}>{words.statuses[operation.status]}</span>
        {tone === 'unresolved' && <span className="op__mark op__mark--unresolved">{words.needsDecision}</span>}
        {tone === 'reversed' && <span className="op__mark op__mark--reversed">{words.reversed}</span>}
      </td>
      <td className="op__actions">
        {operation.unresolved && (
          <button type="button" className="secondary op__button op__button--resolve" onClick={() => onResolve(operation)}>
            {words.resolve}
          </button>
        )}
        {canReverse(operation) && (
          <button type="button" className="secondary op__button" onClick={() => onReverse(operation)}>
            {words.reverse}
          </button>
        )}
      </td>
    </tr>
  );
}
