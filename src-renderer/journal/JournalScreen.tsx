import { useState } from 'react';
import type { OperationView } from '../../src-shared/journal/types';
import { ErrorPanel } from '../components/ErrorPanel';
import { useManagerT } from '../i18n/useT';
import { ExportStatus } from './ExportStatus';
import { HourChart } from './HourChart';
import { JournalFilters } from './JournalFilters';
import { useJournal, useJournalActions } from './JournalContext';
import { OperationList } from './OperationList';
import { ResolveDialog } from './ResolveDialog';
import { ReverseDialog } from './ReverseDialog';
import { ShiftReportCard } from './ShiftReportCard';
import { UnresolvedPanel } from './UnresolvedPanel';
import './journal.css';

type Open = { dialog: 'resolve' | 'reverse'; operation: OperationView } | null;

/** The manager's journal: what needs a decision first, then the day's figures, the chart and every operation. */
export function JournalScreen() {
  const t = useManagerT();
  const [view, setView] = useState<'operations' | 'report'>('operations');
  const { exportDay } = useJournalActions();
  const error = useJournal((state) => state.error);
  const unresolved = useJournal((state) => state.unresolved);
  const exporting = useJournal((state) => state.exporting.state === 'running');
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const finish = (message: string | null) => {
    setOpen(null);
    if (message) setNotice(message);
  };
  const resolve = (operation: OperationView) => {
    setNotice(null);
    setOpen({ dialog: 'resolve', operation });
  };
  const reverse = (operation: OperationView) => {
    setNotice(null);
    setOpen({ dialog: 'reverse', operation });
  };

  return (
    <main className="manager journal">
      <div className="manager__head">
        <h1>{t.journal.title}</h1>
        <div className="buttons">
          <button type="button" className="primary" disabled={exporting} onClick={() => void exportDay()}>
            {t.journal.export.button}
          </button>
        </div>
      </div>
      <ExportStatus />
      {notice && (
        <p className="notice" role="status" data-testid="journal-notice">
          ✓ {notice}
        </p>
      )}
      {error && <ErrorPanel error={error} look="compact" />}
      {unresolved.length > 0 && <UnresolvedPanel operations={unresolved} onResolve={resolve} />}
      <JournalFilters />
      {/* Second level: the day's operations or its report, so the table never sits below the figures. */}
      <div className="journal__views" role="tablist" aria-label={t.journal.title}>
        {(['operations', 'report'] as const).map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={view === id}
            className={view === id ? 'journal__view journal__view--active' : 'journal__view'}
            onClick={() => setView(id)}
          >
            {t.journal.views[id]}
          </button>
        ))}
      </div>
      {view === 'operations' ? (
        <OperationList onResolve={resolve} onReverse={reverse} />
      ) : (
        <div className="journal__summary">
          <ShiftReportCard />
          <HourChart />
        </div>
      )}
      {open?.dialog === 'resolve' && <ResolveDialog operation={open.operation} onDone={finish} />}
      {open?.dialog === 'reverse' && <ReverseDialog operation={open.operation} onDone={finish} />}
    </main>
  );
}
