import { useT } from '../i18n/useT';
import './notices.css';

/** Under the status line on every screen while the journal has operations nobody has settled. */
export function UnresolvedNotice({ count }: { count: number }) {
  const t = useT();
  return (
    <p className="unresolved-notice" role="status" data-testid="unresolved-notice">
      ‼ {t.unresolvedNotice(count)}
    </p>
  );
}
