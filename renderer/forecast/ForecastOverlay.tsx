import type { Spread } from '../../core/forecast/statistics';
import { useT } from '../i18n/I18nProvider';
import { useFormats } from '../i18n/format';
import { UsersIcon } from '../nodes/icons';
import type { NodeFigures } from '../simulation/overlay';
import { useApp } from '../store/app-store';
import { amount, isCertain, rangeText } from './forecast-words';

/** A median, and its range in smaller type unless every run agreed. */
function Median({ spread, testId }: { spread: Spread; testId?: string }) {
  const f = useFormats();
  return (
    <>
      <span data-testid={testId}>{amount(f, spread.p50)}</span>
      {!isCertain(spread) && (
        <span className="sim-range" data-testid={testId && `${testId}-range`}>
          {rangeText(f, spread)}
        </span>
      )}
    </>
  );
}

/** "41, likely 30 to 53": a figure as a screen reader says it. */
function spoken(f: ReturnType<typeof useFormats>, t: ReturnType<typeof useT>, spread: Spread) {
  return isCertain(spread)
    ? amount(f, spread.p50)
    : t('forecast.canvas.spoken', {
        median: amount(f, spread.p50),
        low: amount(f, spread.p10),
        high: amount(f, spread.p90),
      });
}

/**
 * A step's forecast on the canvas: how many reach it (median run, and the range 80% of runs fall
 * in) and on a message step how many are sent, in a button on the card's top edge that opens the
 * step's figures in the panel, as in a replay; the conversions the message causes, with their
 * range, on its lower edge (the button's name says them too).
 */
export function ForecastCount({
  nodeId,
  figures,
}: {
  nodeId: string;
  figures: Required<Pick<NodeFigures, 'forecast'>>['forecast'];
}) {
  const t = useT();
  const f = useFormats();
  const focus = useApp((s) => s.focusSimulationNode);
  const message = figures.message;
  const converts = message && message.converted.p90 > 0;
  const name = [
    t('forecast.canvas.reached', { value: spoken(f, t, figures.entered) }),
    ...(message ? [t('forecast.canvas.sent', { value: spoken(f, t, message.sent) })] : []),
    ...(converts ? [t('forecast.canvas.caused', { value: spoken(f, t, message.converted) })] : []),
  ].join(', ');
  const open = (e: { stopPropagation(): void }) => {
    e.stopPropagation();
    focus(nodeId);
  };
  return (
    <>
      <button
        type="button"
        className={`count-badge sim-count is-forecast nodrag nopan${figures.entered.p90 === 0 ? ' is-zero' : ''}`}
        data-testid={`count-${nodeId}`}
        aria-label={name}
        title={`${name}\n${t('forecast.canvas.hint')}`}
        onClick={open}
      >
        <span className="sim-count-main">
          <UsersIcon size={12} />
          <Median spread={figures.entered} testId={`entered-${nodeId}`} />
        </span>
        {message && (
          <span className="sim-count-sent">
            <span data-testid={`sent-${nodeId}`}>{amount(f, message.sent.p50)}</span>
            <span className="sim-count-word">{t('forecast.canvas.sentWord')}</span>
          </span>
        )}
      </button>
      {/* What the message achieves, on the card's lower edge: apart from who reached it. */}
      {converts && (
        <span
          className="sim-caused nodrag nopan"
          data-testid={`caused-badge-${nodeId}`}
          aria-hidden="true"
        >
          <Median spread={message.converted} testId={`caused-${nodeId}`} />
          <span className="sim-count-word">{t('forecast.canvas.causedWord')}</span>
        </span>
      )}
    </>
  );
}

/** A connection's forecast: the median run's flow, and its range. */
export function ForecastFlow({ spread }: { spread: Spread }) {
  const t = useT();
  const f = useFormats();
  return (
    <span title={t('forecast.canvas.flow', { value: spoken(f, t, spread) })}>
      <Median spread={spread} />
    </span>
  );
}

/** Departures through an open exit in a forecast: the median run's, and the range. */
export function ForecastEnd({ spread, testId }: { spread: Spread; testId: string }) {
  const t = useT();
  const f = useFormats();
  return (
    <span
      className="sim-end"
      data-testid={testId}
      title={t('forecast.canvas.ended', { value: spoken(f, t, spread) })}
    >
      {' '}
      · <Median spread={spread} />
    </span>
  );
}
