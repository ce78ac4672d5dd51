import { useT } from '../i18n/useT';
import { hourChart } from './hourChart';
import { useJournal } from './JournalContext';

const HEIGHT = 120;
const SLOT = 44;
const BAR = 16;
const AXIS = 26;

/** Bonuses accrued and redeemed per hour, two bars an hour: plain SVG, no chart library. */
export function HourChart() {
  const t = useT();
  const day = useJournal((state) => state.day);
  const words = t.journal.chart;
  if (!day) return <section className="chart group" aria-busy="true" />;
  const { bars, max } = hourChart(day.hours, HEIGHT);
  const width = bars.length * SLOT;
  return (
    <section className="chart group" data-testid="hour-chart">
      <h2 className="chart__title">{words.title}</h2>
      <p className="chart__legend">
        <span className="chart__swatch chart__swatch--accrued" aria-hidden="true" /> {words.accrued}
        <span className="chart__swatch chart__swatch--redeemed" aria-hidden="true" /> {words.redeemed}
        {max > 0 && <span className="chart__max">max {t.number(max)}</span>}
      </p>
      {max === 0 ? (
        <p className="chart__empty">{words.empty}</p>
      ) : (
        <svg className="chart__svg" viewBox={`0 0 ${width} ${HEIGHT + AXIS}`} role="img" aria-label={words.title}>
          <line className="chart__base" x1={0} x2={width} y1={HEIGHT} y2={HEIGHT} />
          {bars.map((bar, index) => {
            const x = index * SLOT + (SLOT - 2 * BAR) / 2;
            return (
              <g key={bar.hour} data-hour={bar.hour}>
                <title>{words.bar(bar.hour, bar.accrued, bar.redeemed)}</title>
                {bar.accruedHeight > 0 && (
                  <rect className="chart__bar chart__bar--accrued" x={x} y={HEIGHT - bar.accruedHeight} width={BAR} height={bar.accruedHeight} />
                )}
                {bar.redeemedHeight > 0 && (
                  <rect className="chart__bar chart__bar--redeemed" x={x + BAR} y={HEIGHT - bar.redeemedHeight} width={BAR} height={bar.redeemedHeight} />
                )}
                <text className="chart__hour" x={index * SLOT + SLOT / 2} y={HEIGHT + AXIS - 6} textAnchor="middle">
                  {bar.hour}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </section>
  );
}
