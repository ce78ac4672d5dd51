import { useManagerT } from '../i18n/useT';
import { hourChart } from './hourChart';
import { useJournal } from './JournalContext';

/**
 * Bonuses accrued and redeemed per hour, one row per hour that had operations: the hour, two bars and
 * their figures in the page's own type, readable at 1024 px. Plain HTML, no chart library.
 */
export function HourChart() {
  const t = useManagerT();
  const day = useJournal((state) => state.day);
  const words = t.journal.chart;
  if (!day) return <section className="chart group" aria-busy="true" />;
  const { bars, max } = hourChart(day.hours);
  return (
    <section className="chart group" data-testid="hour-chart">
      <h2 className="chart__title">{words.title}</h2>
      <p className="chart__legend">
        <span className="chart__swatch chart__swatch--accrued" aria-hidden="true" /> {words.accrued}
        <span className="chart__swatch chart__swatch--redeemed" aria-hidden="true" /> {words.redeemed}
      </p>
      {max === 0 ? (
        <p className="chart__empty">{words.empty}</p>
      ) : (
        <ol className="chart__rows">
          {bars.map((bar) => (
            <li key={bar.hour} className="chart__row" data-hour={bar.hour} title={words.bar(bar.hour, bar.accrued, bar.redeemed)}>
              <span className="chart__hour">{words.hour(bar.hour)}</span>
              <span className="chart__bars">
                <span className="chart__line">
                  <span className="chart__bar chart__bar--accrued" style={{ width: `${bar.accruedPercent}%` }} />
                  <span className="chart__figure">{t.number(bar.accrued)}</span>
                </span>
                <span className="chart__line">
                  <span className="chart__bar chart__bar--redeemed" style={{ width: `${bar.redeemedPercent}%` }} />
                  <span className="chart__figure">{t.number(bar.redeemed)}</span>
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
