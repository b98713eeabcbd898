import type { SimulationRun } from '../../core/api/simulation-contract';
import type { Forecast } from '../../core/forecast/forecast-report';
import type { Spread } from '../../core/forecast/statistics';
import { useT } from '../i18n/I18nProvider';
import { useFormats } from '../i18n/format';
import type { MessageId } from '../i18n/messages';
import { stepName } from '../nodes/step-name';
import { isCertain, rangeText, spreadText, amount } from './forecast-words';
import { useMoney } from '../settings/currency';
import { IncrementalView } from './IncrementalView';
import { PerDayBands } from './PerDayBands';

/** One headline figure: its median, large, and the range 80% of runs fall in, in words. */
function Figure({
  id,
  label,
  spread,
  note,
  digits = 0,
  money,
}: {
  id: string;
  label: string;
  spread: Spread;
  note?: string;
  digits?: number;
  /** Formats the figure as money in the library's currency. */
  money?: (value: number, fractionDigits?: number) => string;
}) {
  const t = useT();
  const f = useFormats();
  const shown = (value: number) => (money ? money(value, 0) : amount(f, value, digits));
  return (
    <div className="forecast-figure" data-testid={`forecast-${id}`}>
      <dt>{label}</dt>
      <dd>
        <span className="forecast-median">{shown(spread.p50)}</span>{' '}
        <span className="forecast-range">
          {isCertain(spread)
            ? t('forecast.figure.everyRun')
            : t('forecast.figure.likely', {
                range: money
                  ? `${shown(spread.p10)}–${shown(spread.p90)}`
                  : rangeText(f, spread, digits),
              })}
        </span>
      </dd>
      {note && <dd className="forecast-note">{note}</dd>}
    </div>
  );
}

const MESSAGE_FIGURES = [
  'sent',
  'opened',
  'clicked',
  'converted',
  'unsubscribed',
  'complained',
] as const satisfies readonly (keyof Forecast['allMessages'])[];

/** What each message did, median and range, one block per message. */
function MessageForecasts({ run }: { run: SimulationRun }) {
  const t = useT();
  const f = useFormats();
  const forecast = run.report.forecast as Forecast;
  const ids = run.journey.nodes.filter((n) => forecast.messages[n.id]);
  if (ids.length === 0) return null;
  return (
    <section className="sim-section" aria-labelledby="forecast-messages-title">
      <h3 className="section-title" id="forecast-messages-title">
        {t('forecast.messages.title')}
      </h3>
      {ids.map((node) => {
        const figures = forecast.messages[node.id] as Forecast['allMessages'];
        return (
          <div
            key={node.id}
            className="forecast-message"
            data-testid={`forecast-message-${node.id}`}
          >
            <h4 className="forecast-message-name">{stepName(node)}</h4>
            <dl className="forecast-message-figures">
              {MESSAGE_FIGURES.filter(
                (key) => key !== 'complained' || figures.complained.p90 > 0,
              ).map((key) => (
                <div key={key} data-testid={`forecast-message-${node.id}-${key}`}>
                  <dt>{t(`forecast.outcome.${key}` satisfies MessageId)}</dt>
                  <dd>{spreadText(f, t, figures[key])}</dd>
                </div>
              ))}
            </dl>
          </div>
        );
      })}
    </section>
  );
}

/**
 * A forecast's results: what the journey causes (conversions, revenue, unsubscribes) as the
 * median run with the range 80% of runs fall in, incremental conversions against the control,
 * what each message does, and the figures per day as bands.
 */
export function ForecastResults({ run }: { run: SimulationRun }) {
  const t = useT();
  const f = useFormats();
  const money = useMoney();
  const forecast = run.report.forecast;
  if (!forecast) return null;
  const zone = run.journey.settings.timezone ?? 'UTC';
  const all = forecast.allMessages;
  const hasGoal = run.journey.settings.goal !== undefined;
  const hasRevenue = forecast.revenue.total.p90 > 0;
  return (
    <>
      <p className="forecast-intro" data-testid="forecast-intro">
        {t('forecast.results.intro', { runs: forecast.runs })}
      </p>
      <dl className="forecast-figures" data-testid="forecast-headline">
        {hasGoal && (
          <>
            <Figure
              id="caused"
              label={t('forecast.figure.caused')}
              spread={forecast.conversions.caused}
              note={t('forecast.figure.causedNote')}
            />
            <Figure
              id="conversions"
              label={t('forecast.figure.total')}
              spread={forecast.conversions.total}
              note={t('forecast.figure.totalNote')}
            />
          </>
        )}
        {hasRevenue && (
          <Figure
            id="revenue"
            label={t('forecast.figure.revenueCaused')}
            spread={forecast.revenue.caused}
            money={money}
            note={t('forecast.figure.revenueNote', {
              total: isCertain(forecast.revenue.total)
                ? money(forecast.revenue.total.p50, 0)
                : t('forecast.spread', {
                    median: money(forecast.revenue.total.p50, 0),
                    range: `${money(forecast.revenue.total.p10, 0)}–${money(forecast.revenue.total.p90, 0)}`,
                  }),
            })}
          />
        )}
        <Figure
          id="unsubscribed"
          label={t('forecast.figure.unsubscribed')}
          spread={all.unsubscribed}
          note={t('forecast.figure.sentNote', { sent: spreadText(f, t, all.sent) })}
        />
        {all.complained.p90 > 0 && (
          <Figure id="complained" label={t('forecast.figure.complained')} spread={all.complained} />
        )}
      </dl>
      {!hasGoal && <p className="sim-note">{t('forecast.results.noGoal')}</p>}
      <IncrementalView run={run} />
      <MessageForecasts run={run} />
      <PerDayBands perDay={forecast.perDay} zone={zone} />
    </>
  );
}
