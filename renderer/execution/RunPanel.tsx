import { useEffect } from 'react';
import { useT } from '../i18n/I18nProvider';
import { AlertIcon, CloseIcon } from '../nodes/icons';
import { useApp, useAppStore } from '../store/app-store';
import type { RunTab } from '../store/execution-slice';
import { EngineWhere } from '../settings/EngineWhere';
import { EventApiInfo } from './EventApiInfo';
import { LiveTotals } from './LiveTotals';
import { RunControls } from './RunControls';
import { TestEventForm } from './TestEventForm';
import { useLiveExecution } from './use-live-execution';

const TABS: { id: RunTab; label: string }[] = [
  { id: 'live', label: 'Live' },
  { id: 'test', label: 'Test event' },
  { id: 'api', label: 'Event API' },
];

/**
 * The journey running for real, in place of the inspector: its state and the controls that
 * change it, the live figures (also drawn on every step of the canvas), a test event to send,
 * and where other systems send theirs.
 */
export function RunPanel() {
  const t = useT();
  const store = useAppStore();
  const tab = useApp((s) => s.execution.tab);
  const engine = useApp((s) => s.execution.engine);
  const { setRunOpen, setRunTab, refreshEngine } = store.getState();
  useLiveExecution();
  useEffect(() => {
    void refreshEngine();
  }, [refreshEngine]);

  return (
    <aside className="sim-panel run-panel" aria-label="Run" data-testid="run-panel">
      <header className="sim-head">
        <div className="inspector-head-text">
          <span className="inspector-kind">Run</span>
          <h2 className="inspector-title">Run it for real</h2>
          <EngineWhere />
        </div>
        <button
          type="button"
          className="icon-button"
          data-testid="run-close"
          onClick={() => setRunOpen(false)}
          aria-label="Close the run panel"
          title="Back to the inspector (the journey keeps running)"
        >
          <CloseIcon size={16} />
        </button>
      </header>
      <div className="sim-scroll">
        {engine && !engine.running && (
          <p className="run-engine-problem" role="alert" data-testid="run-engine-problem">
            <AlertIcon size={16} />
            <span>
              <strong>The engine is not running here.</strong>{' '}
              {engine.problem ??
                'Another Journey Studio (the command line’s run or serve) holds the database.'}
            </span>
          </p>
        )}
        {engine?.emailProblem && (
          <p className="run-engine-problem" role="alert" data-testid="run-email-problem">
            <AlertIcon size={16} />
            <span>
              <strong>{t('run.emailHeldBack.title')}</strong> {engine.emailProblem}{' '}
              <button
                type="button"
                className="link-button"
                data-testid="run-email-problem-settings"
                onClick={() => store.getState().openDialog({ type: 'library-settings' })}
              >
                {t('run.emailHeldBack.openSettings')}
              </button>
            </span>
          </p>
        )}
        <RunControls />
        <div className="tabs" role="tablist" aria-label="Run">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`run-tab-${t.id}`}
              data-testid={`run-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls="run-tabpanel"
              className={`tab${tab === t.id ? ' is-on' : ''}`}
              onClick={() => setRunTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div
          className="sim-tabpanel"
          id="run-tabpanel"
          role="tabpanel"
          aria-labelledby={`run-tab-${tab}`}
        >
          {tab === 'live' && <LiveTotals />}
          {tab === 'test' && <TestEventForm />}
          {tab === 'api' && <EventApiInfo />}
        </div>
      </div>
    </aside>
  );
}
