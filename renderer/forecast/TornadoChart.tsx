import type { Swing, SensitivityResult } from '../../core/forecast/sensitivity';
import type { Journey } from '../../core/model/journey';
import { useT } from '../i18n/I18nProvider';
import { useFormats } from '../i18n/format';
import { stepName } from '../nodes/step-name';
import { rateText } from './AssumptionList';
import { decimal } from './forecast-words';

/** Share of the track at a value, on a scale from `min` to `max`. */
function at(value: number, min: number, max: number): number {
  return max > min ? ((value - min) / (max - min)) * 100 : 50;
}

function Bar({
  from,
  to,
  min,
  max,
  side,
}: {
  from: number;
  to: number;
  min: number;
  max: number;
  side: 'low' | 'high';
}) {
  const left = at(Math.min(from, to), min, max);
  const width = Math.abs(at(to, min, max) - at(from, min, max));
  return (
    <span className={`tornado-bar is-${side}`} style={{ left: `${left}%`, width: `${width}%` }} />
  );
}

/**
 * The tornado chart: one row per rate, largest swing first, each with a bar from the base
 * forecast's conversions to those with the rate lowered, and another to those with it raised.
 * A list of rows in words (which rate, and the conversions at either end) with the bars beside
 * them, so a screen reader reads the same figures the chart draws. Rates that move nothing are
 * named together below.
 */
export function TornadoChart({ result, journey }: { result: SensitivityResult; journey: Journey }) {
  const t = useT();
  const f = useFormats();
  const names = new Map(journey.nodes.map((n) => [n.id, stepName(n)]));
  const moving = result.swings.filter((s) => s.swing > 0);
  const still = result.swings.filter((s) => s.swing === 0);
  const values = [result.base, ...moving.flatMap((s) => [s.low.conversions, s.high.conversions])];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const change = f.percent(result.change, 0);
  const label = (s: Swing) =>
    t('forecast.tornado.rate', {
      step: names.get(s.node) ?? s.node,
      outcome: t(`forecast.outcomeName.${s.outcome}`),
      rate: rateText(f, s.rate),
    });
  return (
    <div className="tornado" data-testid="tornado">
      <div className="tornado-legend" aria-hidden="true">
        <span>
          <span className="tornado-key is-low" /> {t('forecast.tornado.lowered', { change })}
        </span>
        <span>
          <span className="tornado-key is-high" /> {t('forecast.tornado.raised', { change })}
        </span>
      </div>
      {moving.length > 0 ? (
        <ol className="tornado-rows" aria-label={t('forecast.tornado.listName')}>
          {moving.map((s) => (
            <li
              key={`${s.node}:${s.outcome}`}
              className="tornado-row"
              data-testid={`swing-${s.node}-${s.outcome}`}
            >
              <span className="tornado-label">{label(s)}</span>
              <span className="tornado-track" aria-hidden="true">
                <span className="tornado-base" style={{ left: `${at(result.base, min, max)}%` }} />
                <Bar from={result.base} to={s.low.conversions} min={min} max={max} side="low" />
                <Bar from={result.base} to={s.high.conversions} min={min} max={max} side="high" />
              </span>
              <span className="tornado-figures">
                {t('forecast.tornado.figures', {
                  low: decimal(f, s.low.conversions),
                  high: decimal(f, s.high.conversions),
                  swing: decimal(f, s.swing),
                })}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="sim-note">{t('forecast.tornado.nothingMoves')}</p>
      )}
      {still.length > 0 && (
        <div className="tornado-still" data-testid="tornado-still">
          <p className="sim-note">{t('forecast.tornado.still')}</p>
          <ul>
            {[...new Set(still.map((s) => s.node))].map((id) => (
              <li key={id}>
                {t('forecast.tornado.stillRates', {
                  step: names.get(id) ?? id,
                  rates: still
                    .filter((s) => s.node === id)
                    .map((s) => t(`forecast.outcomeName.${s.outcome}`))
                    .join(', '),
                })}
              </li>
            ))}
          </ul>
          {still.some((s) => s.outcome === 'convert') && (
            <p className="sim-note">{t('forecast.tornado.afterLastStep')}</p>
          )}
        </div>
      )}
    </div>
  );
}
