import { useEffect } from 'react';
import { ProgressBar } from '../data/ProgressBar';
import { CloseIcon, PlayIcon } from '../nodes/icons';
import { useApp, useAppStore } from '../store/app-store';
import type { SimulationTab } from '../store/simulation-slice';
import { CompareTab } from './CompareTab';
import { count, plural } from './format';
import { MessagesTab } from './MessagesTab';
import { ResultsTab } from './ResultsTab';
import { SetupForm } from './SetupForm';
import { TraceTab } from './TraceTab';

const TABS: { id: SimulationTab; label: string }[] = [
  { id: 'results', label: 'Results' },
  { id: 'messages', label: 'Messages' },
  { id: 'compare', label: 'Compare' },
  { id: 'trace', label: 'One profile' },
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
  const tab = useApp((s) => s.simulation.tab);
  const errors = useApp((s) => s.validation.errors);
  const {
    setSimulationOpen,
    runSimulation,
    setSimulationTab,
    loadSimulationRuns,
    refreshDatasets,
  } = store.getState();

  useEffect(() => {
    void refreshDatasets();
    if (!store.getState().simulation.run) void loadSimulationRuns();
  }, [store, refreshDatasets, loadSimulationRuns]);

  return (
    <aside className="sim-panel" aria-label="Simulation" data-testid="simulation-panel">
      <header className="sim-head">
        <div className="inspector-head-text">
          <span className="inspector-kind">Simulation</span>
          <h2 className="inspector-title">Try it on sample data</h2>
        </div>
        <button
          type="button"
          className="icon-button"
          onClick={() => setSimulationOpen(false)}
          aria-label="Close the simulation"
          title="Back to the inspector (counts stay on the canvas)"
        >
          <CloseIcon size={16} />
        </button>
      </header>
      <div className="sim-scroll">
        <SetupForm key={run?.id ?? 'none'} folded={run !== null} />
        <div className="sim-run">
          {running ? (
            <ProgressBar
              label={
                progress?.total
                  ? `Simulating ${plural(progress.total, 'profile')}`
                  : 'Preparing the simulation'
              }
              done={progress?.done ?? 0}
              total={progress?.total ?? 0}
            />
          ) : (
            <button
              type="button"
              className="button is-primary sim-run-button"
              disabled={errors > 0}
              onClick={() => void runSimulation()}
              title={
                errors > 0
                  ? 'Fix the journey’s problems first'
                  : 'Simulate the journey as it is now'
              }
            >
              <PlayIcon size={15} /> {run ? 'Simulate again' : 'Simulate'}
            </button>
          )}
          {errors > 0 && !running && (
            <p className="form-error">
              Fix the journey’s {errors === 1 ? 'problem' : `${count(errors)} problems`} first; the
              problems bar below the canvas lists {errors === 1 ? 'it' : 'them'}.
            </p>
          )}
          {error && (
            <p className="form-error" role="alert" data-testid="simulation-error">
              {error}
            </p>
          )}
        </div>
        {run ? (
          <>
            <div className="tabs" role="tablist" aria-label="Simulation results">
              {TABS.map((t) => (
                <button
                  key={t.id}
                  type="button"
                  role="tab"
                  id={`sim-tab-${t.id}`}
                  aria-selected={tab === t.id}
                  aria-controls="sim-tabpanel"
                  className={`tab${tab === t.id ? ' is-on' : ''}`}
                  onClick={() => setSimulationTab(t.id)}
                >
                  {t.label}
                </button>
              ))}
            </div>
            <div
              className="sim-tabpanel"
              id="sim-tabpanel"
              role="tabpanel"
              aria-labelledby={`sim-tab-${tab}`}
            >
              {tab === 'results' && <ResultsTab run={run} />}
              {tab === 'messages' && <MessagesTab run={run} />}
              {tab === 'compare' && <CompareTab run={run} />}
              {tab === 'trace' && <TraceTab run={run} />}
            </div>
          </>
        ) : (
          !running && (
            <div className="sim-empty">
              <p>
                A simulation plays the sample data through the journey on a virtual clock: days take
                seconds and nothing is sent.
              </p>
              <p>
                Then every step shows how many profiles reached it, each connection how many went
                that way, and you can follow any one profile step by step.
              </p>
            </div>
          )
        )}
      </div>
    </aside>
  );
}
