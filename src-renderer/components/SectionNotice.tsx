import type { AppError } from '../../src-shared/errors';
import { ErrorPanel } from './ErrorPanel';

/**
 * What a manager's section says after an action: a line of success, main's error in its panel, or a
 * problem the section found itself, in the screen's language already, in the same panel.
 */
export type SectionNoticeValue = { type: 'ok'; text: string } | { type: 'error'; error: AppError } | { type: 'problem'; text: string } | null;

export function SectionNotice({ notice }: { notice: SectionNoticeValue }) {
  if (notice === null) return null;
  if (notice.type === 'error') return <ErrorPanel error={notice.error} look="compact" />;
  // The person at the section fixes it (a value, the clipboard): the cashier category's look.
  if (notice.type === 'problem') return <ErrorPanel error={{ kind: 'input', message: notice.text }} words={notice.text} look="compact" />;
  return (
    <p className="notice" role="status">
      ✓ {notice.text}
    </p>
  );
}
