import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { channelView } from '../channels/registry';
import { useFormats } from '../i18n/format';
import { useT } from '../i18n/I18nProvider';
import { channelLabel } from './reasons';
import type { DayRow } from './messages';

/** A channel without a view of its own is drawn in a neutral grey. */
const NEUTRAL = '#8a94a6';
/** The app's --ink-4: axis text reads at 4.5:1 on white. */
const AXIS_TEXT = '#5f6b7d';

const GRID = '#e6e9ef';
const AXIS = { stroke: '#d5dae3' };
const CURSOR = { fill: 'rgba(79, 70, 229, 0.06)' };
const TOOLTIP = {
  border: `1px solid ${GRID}`,
  borderRadius: 8,
  fontSize: 12,
  boxShadow: '0 4px 12px rgba(16,24,40,0.1)',
};
/** The bars of a day stack into one. */
const STACK = 'sent';

export const CHART_WIDTH = 352;
const HEIGHT = 188;

/** Messages sent per day, stacked by channel. Fixed size: the panel's width never changes. */
export function MessagesChart({ rows, channels }: { rows: DayRow[]; channels: string[] }) {
  // Long windows: label every few days so the labels never touch.
  const interval = rows.length <= 8 ? 0 : Math.ceil(rows.length / 7) - 1;
  const t = useT();
  const f = useFormats();
  return (
    <div
      className="chart"
      data-testid="messages-chart"
      role="figure"
      aria-label={t('sim.chart.sent')}
    >
      <BarChart
        width={CHART_WIDTH}
        height={HEIGHT}
        data={rows}
        // Room on the right for half the last day's label, which is centred on its bar.
        margin={{ top: 8, right: 16, bottom: 0, left: -18 }}
        barCategoryGap="22%"
      >
        <CartesianGrid vertical={false} stroke={GRID} />
        <XAxis
          dataKey="label"
          interval={interval}
          tickLine={false}
          axisLine={AXIS}
          tick={{ fontSize: 11, fill: AXIS_TEXT }}
        />
        <YAxis
          allowDecimals={false}
          tickLine={false}
          axisLine={false}
          tick={{ fontSize: 11, fill: AXIS_TEXT }}
          tickFormatter={(value: number) => f.number(value)}
          width={48}
        />
        <Tooltip
          cursor={CURSOR}
          contentStyle={TOOLTIP}
          formatter={(value, name) => [f.number(Number(value)), channelLabel(t, String(name))]}
        />
        {channels.length > 1 && (
          <Legend
            iconType="circle"
            iconSize={8}
            wrapperStyle={{ fontSize: 12 }}
            formatter={(value: string) => channelLabel(t, value)}
          />
        )}
        {channels.map((channel, i) => (
          <Bar
            key={channel}
            dataKey={channel}
            stackId={STACK}
            fill={channelView(channel)?.colour ?? NEUTRAL}
            radius={i === channels.length - 1 ? [3, 3, 0, 0] : 0}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </div>
  );
}
