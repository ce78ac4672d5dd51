import type { AppError } from '../../src-shared/errors';
import { ErrorPanel } from './ErrorPanel';

/** What a manager's section says after an action: a line of success, or the error in its panel. */
export type SectionNoticeValue = { type: 'ok'; text: string } | { type: 'error'; error: AppError } | null;

export function SectionNotice({ notice }: { notice: SectionNoticeValue }) {
  if (notice === null) return null;
  if (notice.type === 'error') return <ErrorPanel error={notice.error} look="compact" />;
  return (
    <p className="notice" role="status">
      ✓ {notice.text}
    </p>
  );
}
