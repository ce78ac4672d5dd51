import { useT } from '../i18n/useT';
import { useActions, useKassa } from '../store/StoreContext';

/** The simulator's customers, so anyone can try the whole flow without a phone. */
export function DemoPanel() {
  const t = useT();
  const customers = useKassa((state) => state.demoCustomers);
  const { submitScan } = useActions();
  return (
    <aside className="demo" aria-label={t.demo.title}>
      <h2 className="demo__title">{t.demo.title}</h2>
      <p className="demo__hint">{t.demo.hint}</p>
      <ol className="demo__list">
        {customers.map((customer, index) => (
          <li key={customer.qrText}>
            <button type="button" className="demo__customer" onClick={() => void submitScan(customer.qrText)}>
              {index < 9 && <kbd className="demo__key">{index + 1}</kbd>}
              <span>{customer.label}</span>
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
}
