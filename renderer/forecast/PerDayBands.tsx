import { useId } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { Forecast } from '../../core/forecast/forecast-report';
import type { Spread } from '../../core/forecast/statistics';
import { useT } from '../i18n/I18nProvider';
import { useFormats } from '../i18n/format';
import { CHART_WIDTH } from '../simulation/MessagesChart';
import { spreadText } from './forecast-words';
import { dayBands, type DayBands } from './per-day';

const HEIGHT = 150;
/** The band in the accent's softest tint, the median in the accent itself (7:1 on white). */
const BAND = '#c7cbff';
const MEDIAN = '#3730a3';
const GRID = '#e6e9ef';
const AXIS = { stroke: '#d5dae3' };
/** Axis figures in the panel's secondary ink (7.5:1 on white). */
const TICK = { fontSize: 11, fill: '#4a5568' };

type Figure = 'sent' | 'converted';

interface Point {
  label: string;
  band: [number, number];
  median: number;
  spread: Spread;
}

function BandTooltip({
  active,
  payload,
}: {
  active?: boolean;
  payload?: readonly { payload?: Point }[];
}) {
  const t = useT();
  const f = useFormats();
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip">
      <strong>{point.label}</strong>
      <span>{t('forecast.perDay.tooltip', { value: spreadText(f, t, point.spread) })}</span>
    </div>
  );
}

/** One figure per day: the range 80% of runs fall in as a band, the median run as a line. */
function BandChart({ days, figure, title }: { days: DayBands[]; figure: Figure; title: string }) {
  const t = useT();
  const f = useFormats();
  const captionId = useId();
  const points: Point[] = days.map((d) => ({
    label: f.day(d.day),
    band: [d[figure].p10, d[figure].p90],
    median: d[figure].p50,
    spread: d[figure],
  }));
  const interval = points.length <= 8 ? 0 : Math.ceil(points.length / 7) - 1;
  return (
    <figure className="chart band-chart" data-testid={`band-chart-${figure}`}>
      <figcaption className="band-chart-title" id={captionId}>
        {title}
      </figcaption>
      <div role="img" aria-label={t('forecast.perDay.chartName', { title })}>
        <ComposedChart
          width={CHART_WIDTH}
          height={HEIGHT}
          data={points}
          margin={{ top: 8, right: 16, bottom: 0, left: -18 }}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} stroke={GRID} />
          <XAxis dataKey="label" interval={interval} tickLine={false} axisLine={AXIS} tick={TICK} />
          <YAxis
            allowDecimals={false}
            tickLine={false}
            axisLine={false}
            tick={TICK}
            width={48}
            tickFormatter={(value: number) => f.number(value, 0)}
          />
          <Tooltip content={<BandTooltip />} />
          <Area
            dataKey="band"
            stroke="none"
            fill={BAND}
            fillOpacity={0.7}
            isAnimationActive={false}
            activeDot={false}
          />
          <Line
            dataKey="median"
            stroke={MEDIAN}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </div>
    </figure>
  );
}

/**
 * Messages sent and conversions per day as bands (P10–P90) with the median, and the same
 * figures in a table for those who do not read charts.
 */
export function PerDayBands({ perDay, zone }: { perDay: Forecast['perDay']; zone: string }) {
  const t = useT();
  const f = useFormats();
  const days = dayBands(perDay);
  if (days.length === 0) return null;
  return (
    <section className="sim-section" aria-labelledby="forecast-per-day-title">
      <div className="section-head">
        <h3 className="section-title" id="forecast-per-day-title">
          {t('forecast.perDay.title')}
        </h3>
        <span className="forecast-legend" aria-hidden="true">
          <span className="legend-band" /> {t('forecast.perDay.legendBand')}
          <span className="legend-median" /> {t('forecast.perDay.legendMedian')}
        </span>
      </div>
      <BandChart days={days} figure="sent" title={t('forecast.perDay.sent')} />
      <BandChart days={days} figure="converted" title={t('forecast.perDay.converted')} />
      <details className="forecast-table-toggle">
        <summary>{t('forecast.perDay.table')}</summary>
        <table className="forecast-table" data-testid="per-day-table">
          <caption>{t('forecast.perDay.caption', { zone })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('forecast.perDay.day')}</th>
              <th scope="col">{t('forecast.outcome.sent')}</th>
              <th scope="col">{t('forecast.perDay.conversions')}</th>
              <th scope="col">{t('forecast.perDay.caused')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{f.day(d.day)}</th>
                <td>{spreadText(f, t, d.sent)}</td>
                <td>{spreadText(f, t, d.converted)}</td>
                <td>{spreadText(f, t, d.caused)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
