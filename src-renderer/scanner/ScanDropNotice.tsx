import { useEffect, useState } from 'react';
import { ErrorPanel } from '../components/ErrorPanel';
import { useKassa } from '../store/StoreContext';

/** Long enough to be read by a cashier who looked away to the customer, short enough not to linger. */
const DROP_NOTICE_MS = 10_000;

/** A half-read scan main threw away (unplugged, garbled): the cashier sees why and scans again. */
export function ScanDropNotice() {
  const drop = useKassa((state) => state.scanDrop);
  const [expired, setExpired] = useState<number | null>(null);
  useEffect(() => {
    if (!drop) return;
    const timer = window.setTimeout(() => setExpired(drop.at), DROP_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [drop]);
  if (!drop || expired === drop.at) return null;
  return (
    <div data-testid="scan-dropped">
      <ErrorPanel error={drop.error} look="compact" />
    </div>
  );
}
