import { rangeText } from '../forecast/forecast-words';
import { useFormats } from '../i18n/format';
import { useT } from '../i18n/I18nProvider';
import { ChevronLeftIcon, ChevronRightIcon, CloseIcon, EyeIcon, EyeOffIcon } from '../nodes/icons';
import { useApp, useAppStore } from '../store/app-store';
import { editedSince } from './overlay';
import { useTimeFormats } from './use-time-formats';

/**
 * A quiet bar over the canvas while a run's counts are drawn: what they are, whether the journey
 * changed since, a switch to hide them, and, while a profile is followed, where along its path.
 */
export function CanvasRunBar() {
  const store = useAppStore();
  const run = useApp((s) => s.simulation.run);
  const showCounts = useApp((s) => s.simulation.showCounts);
  const running = useApp((s) => s.simulation.running);
  const stale = useApp((s) =>
    s.simulation.run && s.journey ? editedSince(s.simulation.run.journey, s.journey) : false,
  );
  const traced = useApp((s) => (s.trace.result && s.trace.rows.length ? s.trace.profileId : null));
  const index = useApp((s) => s.trace.index);
  const steps = useApp((s) => s.trace.rows.length);
  // The live run's counts are on the canvas meanwhile; the simulation's wait for the panel to close.
  const live = useApp((s) => s.execution.open);
  const t = useT();
  const f = useFormats();
  const { count } = useTimeFormats();
  if (!run || live) return null;
  const forecast = run.report.forecast;
  const {
    setShowCounts,
    runSimulation,
    clearTrace,
    stepTrace,
    setSimulationOpen,
    setSimulationTab,
  } = store.getState();
  return (
    <div className="run-bar" data-testid="run-bar">
      {traced ? (
        <>
          <button
            type="button"
            className="run-bar-text is-link"
            onClick={() => {
              setSimulationOpen(true);
              setSimulationTab('trace');
            }}
          >
            {t('sim.bar.following')} <strong>{traced}</strong>
          </button>
          <span className="run-bar-sep" />
          <button
            type="button"
            className="icon-button is-small"
            aria-label={t('sim.bar.previous')}
            onClick={() => stepTrace(-1)}
            disabled={index === 0}
          >
            <ChevronLeftIcon size={14} />
          </button>
          <span className="run-bar-text">{t('sim.bar.step', { step: index + 1, steps })}</span>
          <button
            type="button"
            className="icon-button is-small"
            aria-label={t('sim.bar.next')}
            onClick={() => stepTrace(1)}
            disabled={index >= steps - 1}
          >
            <ChevronRightIcon size={14} />
          </button>
          <span className="run-bar-sep" />
          <button
            type="button"
            className="icon-button is-small"
            aria-label={t('sim.bar.stop')}
            title={t('sim.bar.stopTitle')}
            onClick={clearTrace}
          >
            <CloseIcon size={14} />
          </button>
        </>
      ) : (
        <>
          {forecast ? (
            <span className="run-bar-text" data-testid="run-bar-forecast">
              {t('forecast.runBar', {
                runs: forecast.runs,
                conversions: f.number(forecast.conversions.total.p50),
                range: rangeText(f, forecast.conversions.total),
              })}
            </span>
          ) : (
            <span className="run-bar-text">
              <span className="count-kind is-simulated">{t('sim.bar.simulated')}</span>{' '}
              {t('sim.bar.entered', { n: count(run.enrollments) })} ·{' '}
              {t('sim.bar.converted', { n: count(run.conversions) })}
            </span>
          )}
          {stale && (
            <>
              <span className="run-bar-sep" />
              <span className="run-bar-text is-warning">{t('sim.bar.edited')}</span>
              <button
                type="button"
                className="button is-small"
                disabled={running}
                onClick={() => void runSimulation()}
              >
                {t('sim.bar.again')}
              </button>
            </>
          )}
          <span className="run-bar-sep" />
          <button
            type="button"
            className="button is-small is-quiet"
            aria-pressed={!showCounts}
            onClick={() => setShowCounts(!showCounts)}
          >
            {showCounts ? <EyeOffIcon size={14} /> : <EyeIcon size={14} />}
            {t(showCounts ? 'sim.bar.hide' : 'sim.bar.show')}
          </button>
        </>
      )}
    </div>
  );
}
