import { useEffect } from 'react';
import { ProgressBar } from '../data/ProgressBar';
import { AssumptionsTab } from '../forecast/AssumptionsTab';
import { ForecastSetup } from '../forecast/ForecastSetup';
import { timeLeft } from '../forecast/forecast-words';
import { useT } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';
import { CloseIcon, PlayIcon } from '../nodes/icons';
import { useApp, useAppStore } from '../store/app-store';
import type { SimulationTab } from '../store/simulation-slice';
import { CompareTab } from './CompareTab';
import { MessagesTab } from './MessagesTab';
import { ResultsTab } from './ResultsTab';
import { SetupForm } from './SetupForm';
import { TraceTab } from './TraceTab';
import { say } from '../i18n/words';

const TABS: { id: SimulationTab; label: MessageId; forecast?: true }[] = [
  { id: 'results', label: 'sim.tab.results' },
  { id: 'assumptions', label: 'forecast.tab.assumptions', forecast: true },
  { id: 'messages', label: 'sim.tab.messages' },
  { id: 'compare', label: 'sim.tab.compare' },
  { id: 'trace', label: 'sim.tab.trace' },
];

/**
 * The simulation, in place of the inspector: what to run it on, a run with its progress, then
 * what happened (results, messages, the change since the last run, one profile's path).
 */
export function SimulationPanel() {
  const store = useAppStore();
  const run = useApp((s) => s.simulation.run);
  const running = useApp((s) => s.simulation.running);
  const progress = useApp((s) => s.simulation.progress);
  const error = useApp((s) => s.simulation.error);
  const stopped = useApp((s) => s.simulation.stopped);
  const forecasting = useApp((s) => s.simulation.setup.mode === 'forecast');
  const t = useT();
  const tab = useApp((s) => s.simulation.tab);
  const errors = useApp((s) => s.validation.errors);
  const {
    setSimulationOpen,
    runSimulation,
    setSimulationTab,
    loadSimulationRuns,
    refreshDatasets,
    cancelSimulation,
  } = store.getState();
  const isForecast = run?.report.forecast !== undefined;
  const tabs = TABS.filter((t) => !t.forecast || isForecast);
  const shownTab = tabs.some((t) => t.id === tab) ? tab : 'results';
  const progressLabel = !progress?.total
    ? forecasting
      ? t('forecast.progress.preparing')
      : t('sim.panel.preparing')
    : progress.runs !== undefined
      ? t('forecast.progress.label', { runs: progress.runs, profiles: progress.total })
      : t('sim.panel.simulating', { n: progress.total });

  useEffect(() => {
    void refreshDatasets();
    if (!store.getState().simulation.run) void loadSimulationRuns();
  }, [store, refreshDatasets, loadSimulationRuns]);

  return (
    <aside className="sim-panel" aria-label={t('sim.panel.label')} data-testid="simulation-panel">
      <header className="sim-head">
        <div className="inspector-head-text">
          <span className="inspector-kind">{t('sim.panel.label')}</span>
          <h2 className="inspector-title">{t('sim.panel.title')}</h2>
        </div>
        <button
          type="button"
          className="icon-button"
          onClick={() => setSimulationOpen(false)}
          aria-label={t('sim.panel.close')}
          title={t('sim.panel.closeHelp')}
        >
          <CloseIcon size={16} />
        </button>
      </header>
      <div className="sim-scroll">
        <ForecastSetup key={`mode-${run?.id ?? 'none'}`} folded={run !== null} />
        <SetupForm key={run?.id ?? 'none'} folded={run !== null} />
        <div className="sim-run">
          {running ? (
            <div className="sim-progress">
              <ProgressBar
                label={progressLabel}
                done={progress?.done ?? 0}
                total={progress?.total ?? 0}
              />
              <div className="sim-progress-foot">
                <span className="field-help" data-testid="time-left" aria-live="polite">
                  {progress?.etaMs !== undefined &&
                    progress.done < progress.total &&
                    t('forecast.progress.left', { time: timeLeft(t, progress.etaMs) })}
                </span>
                <button
                  type="button"
                  className="button is-small"
                  onClick={() => void cancelSimulation()}
                  title={t('forecast.progress.cancelTitle')}
                >
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : forecasting ? (
            <button
              type="button"
              className="button is-primary sim-run-button"
              disabled={errors > 0}
              onClick={() => void runSimulation()}
              title={errors > 0 ? t('sim.panel.fixFirst') : t('forecast.runTitle')}
            >
              <PlayIcon size={15} /> {isForecast ? t('forecast.runAgain') : t('forecast.run')}
            </button>
          ) : (
            <button
              type="button"
              className="button is-primary sim-run-button"
              disabled={errors > 0}
              onClick={() => void runSimulation()}
              title={errors > 0 ? t('sim.panel.fixFirst') : t('sim.panel.runHelp')}
            >
              <PlayIcon size={15} /> {run ? t('sim.bar.again') : t('sim.panel.run')}
            </button>
          )}
          {errors > 0 && !running && (
            <p className="form-error">{t('sim.panel.problems', { n: errors })}</p>
          )}
          {error && (
            <p className="form-error" role="alert" data-testid="simulation-error">
              {say(t, error)}
            </p>
          )}
          {stopped && (
            <p className="sim-note" role="status" data-testid="simulation-stopped">
              {t('forecast.stopped')}
            </p>
          )}
        </div>
        {run ? (
          <>
            <div className="tabs" role="tablist" aria-label={t('sim.panel.results')}>
              {tabs.map((one) => (
                <button
                  key={one.id}
                  type="button"
                  role="tab"
                  id={`sim-tab-${one.id}`}
                  aria-selected={shownTab === one.id}
                  aria-controls="sim-tabpanel"
                  className={`tab${shownTab === one.id ? ' is-on' : ''}`}
                  onClick={() => setSimulationTab(one.id)}
                >
                  {t(one.label)}
                </button>
              ))}
            </div>
            <div
              className="sim-tabpanel"
              id="sim-tabpanel"
              role="tabpanel"
              aria-labelledby={`sim-tab-${shownTab}`}
            >
              {shownTab === 'results' && <ResultsTab run={run} />}
              {shownTab === 'assumptions' && <AssumptionsTab run={run} />}
              {shownTab === 'messages' && <MessagesTab run={run} />}
              {shownTab === 'compare' && <CompareTab run={run} />}
              {shownTab === 'trace' && <TraceTab run={run} />}
            </div>
          </>
        ) : (
          !running &&
          (forecasting ? (
            <div className="sim-empty">
              <p>{t('forecast.empty.what')}</p>
              <p>{t('forecast.empty.then')}</p>
            </div>
          ) : (
            <div className="sim-empty">
              <p>{t('sim.panel.emptyWhat')}</p>
              <p>{t('sim.panel.emptyThen')}</p>
            </div>
          ))
        )}
      </div>
    </aside>
  );
}
