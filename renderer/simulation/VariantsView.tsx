import { ENOUGH_TO_TELL } from '../../core/forecast/variant-comparison';
import { count, dateTime, percent } from './format';
import type { SplitResult } from './variants';

/**
 * One A/B split: a sentence to read first, then each variant's conversion as a bar with its 95%
 * interval drawn across it, all on one scale, and a verdict against the control.
 */
export function VariantsView({ split, zone }: { split: SplitResult; zone: string }) {
  const scale = split.scale;
  const at = (value: number) => `${Math.min(100, (value / scale) * 100)}%`;
  return (
    <div className="variants-result" data-testid={`split-${split.nodeId}`}>
      <h4 className="variants-title">{split.title}</h4>
      <p className="variants-headline">{split.headline}</p>
      {split.winner && (
        <p className="variants-winner" data-testid={`winner-${split.nodeId}`}>
          Winner picked automatically: <strong>{split.winner.label}</strong>, on{' '}
          {dateTime(split.winner.at, zone)}, {percent(split.winner.probability)} likely to convert
          best. From then on, everyone not drawn into the control went to it.
        </p>
      )}
      <ul className="variant-list">
        {split.rows.map((row) => (
          <li
            key={row.key}
            className={`variant-result is-${row.tone}`}
            data-testid={`variant-${row.key}`}
          >
            <div className="variant-line">
              <span className="variant-name">
                {row.label}
                {row.isBaseline && <span className="variant-tag">baseline</span>}
              </span>
              <span className="variant-rate">{row.rateText}</span>
            </div>
            <div
              className="variant-bar"
              role="img"
              aria-label={`${row.label}: ${row.rateText} converted, 95% interval ${row.intervalText || 'none'}`}
            >
              {row.entered > 0 && (
                <>
                  <span className="variant-fill" style={{ width: at(row.rate) }} />
                  <span
                    className="variant-interval"
                    style={{ left: at(row.low), width: `calc(${at(row.high)} - ${at(row.low)})` }}
                  />
                </>
              )}
            </div>
            <div className="variant-meta">
              <span>
                {count(row.converted)} of {count(row.entered)} converted
                {row.entered > 0 && (
                  <span title="95% confidence interval: the true rate is very likely in this range">
                    {' '}
                    · likely {row.intervalText}
                  </span>
                )}
              </span>
            </div>
            <p className="variant-verdict">{row.verdict}</p>
          </li>
        ))}
      </ul>
      <p className="variants-foot">
        Each bar is the conversion rate; the line across it spans where the true rate most likely
        lies (95% confidence). Scale: 0 to {percent(scale, 0)}. Verdicts use Fisher’s exact test;
        with fewer than {ENOUGH_TO_TELL.perArm} profiles in a variant or{' '}
        {ENOUGH_TO_TELL.conversions} conversions in the test, they say it is too few to tell.
      </p>
    </div>
  );
}
