import { useEffect } from 'react';
import { useT } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';
import { AlertIcon, CloseIcon } from '../nodes/icons';
import { useApp, useAppStore } from '../store/app-store';
import type { RunTab } from '../store/execution-slice';
import { EngineWhere } from '../settings/EngineWhere';
import { EventApiInfo } from './EventApiInfo';
import { LiveTotals } from './LiveTotals';
import { emailProblemWords, engineProblemWords } from './problem-words';
import { RunControls } from './RunControls';
import { TestEventForm } from './TestEventForm';
import { useLiveExecution } from './use-live-execution';

const TABS: { id: RunTab; label: MessageId }[] = [
  { id: 'live', label: 'run.tab.live' },
  { id: 'test', label: 'run.tab.test' },
  { id: 'api', label: 'run.tab.api' },
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
  const emailProblem = engine && emailProblemWords(t, engine);
  useLiveExecution();
  useEffect(() => {
    void refreshEngine();
  }, [refreshEngine]);

  return (
    <aside
      className="sim-panel run-panel"
      aria-label={t('run.panel.label')}
      data-testid="run-panel"
    >
      <header className="sim-head">
        <div className="inspector-head-text">
          <span className="inspector-kind">{t('run.panel.label')}</span>
          <h2 className="inspector-title">{t('run.panel.title')}</h2>
          <EngineWhere />
        </div>
        <button
          type="button"
          className="icon-button"
          data-testid="run-close"
          onClick={() => setRunOpen(false)}
          aria-label={t('run.panel.close')}
          title={t('run.panel.closeHelp')}
        >
          <CloseIcon size={16} />
        </button>
      </header>
      <div className="sim-scroll">
        {engine && !engine.running && (
          <p className="run-engine-problem" role="alert" data-testid="run-engine-problem">
            <AlertIcon size={16} />
            <span>
              <strong>{t('run.panel.engineOff')}</strong>{' '}
              {engineProblemWords(t, engine) ?? t('run.panel.engineElsewhere')}
            </span>
          </p>
        )}
        {emailProblem && (
          <p className="run-engine-problem" role="alert" data-testid="run-email-problem">
            <AlertIcon size={16} />
            <span>
              <strong>{t('run.emailHeldBack.title')}</strong> {emailProblem}{' '}
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
        <div className="tabs" role="tablist" aria-label={t('run.panel.label')}>
          {TABS.map((one) => (
            <button
              key={one.id}
              type="button"
              role="tab"
              id={`run-tab-${one.id}`}
              data-testid={`run-tab-${one.id}`}
              aria-selected={tab === one.id}
              aria-controls="run-tabpanel"
              className={`tab${tab === one.id ? ' is-on' : ''}`}
              onClick={() => setRunTab(one.id)}
            >
              {t(one.label)}
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
