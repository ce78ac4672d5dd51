import type { CustomerView } from '../../src-shared/ipc/views';
import { useCustomerT } from '../i18n/useT';

/**
 * `after` is set once an operation is done: the balance shown is then the one the server reported
 * after it, or plainly unknown, never the stale figure from before the press.
 * The name is plain text: React escapes it, whatever a customer typed into Telegram. It takes one
 * line, cut with an ellipsis and whole in the tooltip, so a long name never moves the buttons below.
 */
export function CustomerCard({ customer, after }: { customer: CustomerView; after?: { balance: number | null } }) {
  const t = useCustomerT();
  const name = `${customer.firstName} ${customer.lastName}`.trim();
  const shown = name === '' ? t.customer.unnamed : name;
  const balance = after ? after.balance : customer.balance;
  return (
    <div className="customer">
      <p className="customer__name" data-testid="customer-name" title={shown}>
        {shown}
      </p>
      <p className="customer__balance">
        <span className="customer__balance-label">{after ? t.done.newBalance : t.customer.balance}</span>
        <span className={balance === null ? 'customer__balance-value customer__balance-value--unknown' : 'customer__balance-value'} data-testid="customer-balance">
          {balance === null ? t.done.balanceUnknown : t.number(balance)}
        </span>
      </p>
    </div>
  );
}
