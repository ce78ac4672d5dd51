import { ErrorPanel } from '../components/ErrorPanel';
import { useManagerT } from '../i18n/useT';
import { useJournal } from './JournalContext';

/** The export's progress bar while it runs, then where the file went. */
export function ExportStatus() {
  const t = useManagerT();
  const exporting = useJournal((state) => state.exporting);
  const words = t.journal.export;
  switch (exporting.state) {
    case 'idle':
      return null;
    case 'running':
      return (
        <div className="export" role="status" data-testid="export-status">
          <progress className="export__bar" max={Math.max(1, exporting.total)} value={exporting.done} />
          <span>{words.running(exporting.done, exporting.total)}</span>
        </div>
      );
    case 'done':
      return (
        <p className="notice export__done" role="status" data-testid="export-status">
          ✓ {words.done(exporting.rows, exporting.file)}
        </p>
      );
    case 'cancelled':
      return (
        <p className="export" role="status" data-testid="export-status">
          {words.cancelled}
        </p>
      );
    case 'failed':
      return <ErrorPanel error={exporting.error} look="compact" />;
  }
}
