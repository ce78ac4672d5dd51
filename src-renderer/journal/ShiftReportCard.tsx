import { useManagerT } from '../i18n/useT';
import { useJournal } from './JournalContext';

/** The shift report: the figures a manager reads out at closing time. */
export function ShiftReportCard() {
  const t = useManagerT();
  const day = useJournal((state) => state.day);
  if (!day) return <section className="report group" aria-busy="true" />;
  const { report } = day;
  const words = t.journal.report;
  const cells: { key: string; label: string; main: string; sub: string; tone?: 'bad' }[] = [
    { key: 'accruals', label: words.accruals, main: words.bonuses(report.accruals.bonuses), sub: words.count(report.accruals.count) },
    { key: 'redemptions', label: words.redemptions, main: words.bonuses(report.redemptions.bonuses), sub: words.count(report.redemptions.count) },
    { key: 'purchases', label: words.purchases, main: t.number(report.purchases.count), sub: words.rubles(report.purchases.kopecks) },
    {
      key: 'unresolved',
      label: words.unresolved,
      main: t.number(report.unresolved.count),
      sub: report.unresolved.count > 0 ? words.unresolvedSome : words.unresolvedNone,
      ...(report.unresolved.count > 0 ? { tone: 'bad' as const } : {}),
    },
  ];
  return (
    <section className="report group" aria-label={words.title(report.day, report.kassa)} data-testid="shift-report">
      <h2 className="report__title">{words.title(report.day, report.kassa)}</h2>
      <dl className="report__grid">
        {cells.map((cell) => (
          <div key={cell.key} className={cell.tone ? `report__cell report__cell--${cell.tone}` : 'report__cell'} data-report={cell.key}>
            <dt className="report__label">{cell.label}</dt>
            <dd className="report__main">{cell.main}</dd>
            <dd className="report__sub">{cell.sub}</dd>
          </div>
        ))}
      </dl>
      <p className="report__more">{words.more(report.reversals.count, report.refused)}</p>
    </section>
  );
}
