import { FormattedMessage } from 'react-intl';
import { ENOUGH_TO_TELL } from '../../core/forecast/variant-comparison';
import { useWords } from './sim-words';
import type { SplitResult } from './variants';

/**
 * One A/B split: a sentence to read first, then each variant's conversion as a bar with its 95%
 * interval drawn across it, all on one scale, and a verdict against the control.
 */
export function VariantsView({ split, zone }: { split: SplitResult; zone: string }) {
  const { t, f, time } = useWords();
  const scale = split.scale;
  const at = (value: number) => `${Math.min(100, (value / scale) * 100)}%`;
  return (
    <div className="variants-result" data-testid={`split-${split.nodeId}`}>
      <h4 className="variants-title">{split.title}</h4>
      <p className="variants-headline">{split.headline}</p>
      {split.winner && (
        <p className="variants-winner" data-testid={`winner-${split.nodeId}`}>
          <FormattedMessage
            id="sim.variant.winner"
            values={{
              variant: split.winner.label,
              at: time.dateTime(split.winner.at, zone),
              probability: f.percent(split.winner.probability),
              b: (chunks) => <strong>{chunks}</strong>,
            }}
          />
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
                {row.isBaseline && (
                  <span className="variant-tag">{t('sim.variant.baselineTag')}</span>
                )}
              </span>
              <span className="variant-rate">{row.rateText}</span>
            </div>
            <div
              className="variant-bar"
              role="img"
              aria-label={t('sim.variant.bar', {
                variant: row.label,
                rate: row.rateText,
                interval: row.intervalText || t('sim.variant.noInterval'),
              })}
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
                {t('sim.variant.convertedOf', {
                  converted: f.number(row.converted),
                  entered: f.number(row.entered),
                })}
                {row.entered > 0 && (
                  <span title={t('sim.variant.intervalHelp')}>
                    {t('sim.variant.likely', { interval: row.intervalText })}
                  </span>
                )}
              </span>
            </div>
            <p className="variant-verdict">{row.verdict}</p>
          </li>
        ))}
      </ul>
      <p className="variants-foot">
        {t('sim.variant.foot', {
          scale: f.percent(scale, 0),
          perArm: ENOUGH_TO_TELL.perArm,
          conversions: ENOUGH_TO_TELL.conversions,
        })}
      </p>
    </div>
  );
}
