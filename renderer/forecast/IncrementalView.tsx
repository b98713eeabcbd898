import type { SimulationRun } from '../../core/api/simulation-contract';
import { MIN_RUNS_FOR_INTERVAL, type Incremental } from '../../core/forecast/forecast-report';
import { useT } from '../i18n/I18nProvider';
import { useFormats } from '../i18n/format';
import { stepName, variantLabel } from '../nodes/step-name';
import { signed } from './forecast-words';

type Verdict = 'more' | 'fewer' | 'unclear' | 'tooFew';

/** Whether the 95% interval keeps clear of zero, and on which side. */
function verdictOf(incremental: Incremental): Verdict {
  const interval = incremental.interval95;
  if (!interval) return 'tooFew';
  if (interval.low > 0) return 'more';
  if (interval.high < 0) return 'fewer';
  return 'unclear';
}

/**
 * Incremental conversions of each A/B variant against its control: the median run's difference
 * from what the variant would have had at the control's rate, with the 95% interval over the runs,
 * and "too few to tell" where the forecast has too few runs for one.
 */
export function IncrementalView({ run }: { run: SimulationRun }) {
  const t = useT();
  const f = useFormats();
  const forecast = run.report.forecast;
  const splits = Object.entries(forecast?.incremental ?? {}).filter(
    ([, variants]) => Object.keys(variants).length > 0,
  );
  if (!forecast || splits.length === 0) return null;
  const nodes = new Map(run.journey.nodes.map((n) => [n.id, n]));
  return (
    <section className="sim-section" aria-labelledby="forecast-incremental-title">
      <h3 className="section-title" id="forecast-incremental-title">
        {t('forecast.incremental.title')}
      </h3>
      {splits.map(([splitId, variants]) => {
        const split = nodes.get(splitId);
        return (
          <div
            key={splitId}
            className="forecast-incremental"
            data-testid={`incremental-${splitId}`}
          >
            <h4 className="forecast-message-name">{split ? stepName(split) : splitId}</h4>
            <ul className="outcome-list">
              {Object.entries(variants).map(([key, incremental]) => {
                const verdict = verdictOf(incremental);
                const interval = incremental.interval95;
                return (
                  <li key={key} data-testid={`incremental-${splitId}-${key}`}>
                    <span>
                      {t('forecast.incremental.against', {
                        variant: variantLabel(split, key),
                        control: variantLabel(split, incremental.vs),
                      })}
                    </span>
                    <span className="forecast-incremental-value">
                      <strong>
                        {t('forecast.incremental.conversions', {
                          value: signed(f, incremental.conversions.p50),
                        })}
                      </strong>
                      <span className={`forecast-verdict is-${verdict}`}>
                        {interval
                          ? t('forecast.incremental.interval', {
                              low: signed(f, interval.low),
                              high: signed(f, interval.high),
                            })
                          : t('forecast.incremental.tooFew', {
                              runs: forecast.runs,
                              min: MIN_RUNS_FOR_INTERVAL,
                            })}
                      </span>
                      {interval && (
                        <span className={`forecast-verdict is-${verdict}`}>
                          {t(`forecast.incremental.${verdict}`)}
                        </span>
                      )}
                    </span>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
