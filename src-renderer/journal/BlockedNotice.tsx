import type { BlockedOperation } from '../../src-shared/ipc/views';
import { useCustomerT } from '../i18n/useT';
import { timeOf } from './operationMarks';
import './notices.css';

/** On the customer card: why a button is shut, and whom to call. */
export function BlockedNotice({ blocked }: { blocked: BlockedOperation[] }) {
  const t = useCustomerT();
  const words = t.blocked;
  return (
    <div className="blocked" role="alert" data-testid="blocked">
      <p className="blocked__title">‼ {words.title}</p>
      {blocked.map((operation) => (
        <p key={`${operation.kind}-${operation.at}`} className="blocked__line">
          {words.line(operation.kind, operation.bonuses, timeOf(operation.at))}
        </p>
      ))}
      <p className="blocked__next">{words.next}</p>
    </div>
  );
}
