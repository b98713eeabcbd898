import { ReactFlowProvider } from '@xyflow/react';
import { useEffect } from 'react';
import { JourneyCanvas } from './canvas/JourneyCanvas';
import { EmailDesigner } from './designer/EmailDesigner';
import { RunPanel } from './execution/RunPanel';
import { Inspector } from './inspector/Inspector';
import { OutlinePanel } from './outline/OutlinePanel';
import { EditorBar } from './panels/EditorBar';
import { IssuesPanel } from './panels/IssuesPanel';
import { Palette } from './panels/Palette';
import { PanelBoundary } from './panels/PanelBoundary';
import { SimulationPanel } from './simulation/SimulationPanel';
import { useT } from './i18n/I18nProvider';
import { useApp, useAppStore } from './store/app-store';

/**
 * The journey editor: tools on top, steps on the left, canvas and problems, and on the right the
 * inspector or, while simulating or running, the simulation or the run (editing goes on meanwhile).
 */
export function Editor() {
  const store = useAppStore();
  const t = useT();
  const simulating = useApp((s) => s.simulation.open);
  const running = useApp((s) => s.execution.open);
  const outlineOpen = useApp((s) => s.outlineOpen);
  const journeyId = useApp((s) => s.journey?.id);
  const journey = useApp((s) => s.journey);
  const selection = useApp((s) => s.selectedNodeIds.join(' '));
  // The top bar says when the journey is live, run panel open or not.
  useEffect(() => {
    if (journeyId) void store.getState().refreshExecution();
  }, [store, journeyId]);
  return (
    <ReactFlowProvider>
      <div className="editor">
        <PanelBoundary title={t('shell.panel.toolbar')}>
          <EditorBar />
        </PanelBoundary>
        <div
          className={`editor-main${simulating ? ' is-simulating' : running ? ' is-running' : ''}`}
        >
          <PanelBoundary title={t('palette.title')}>
            <Palette />
          </PanelBoundary>
          <main className="editor-center">
            {/* The outline stands beside the canvas, which narrows for it: no step is hidden under it. */}
            <div className="editor-stage">
              {outlineOpen && (
                <PanelBoundary title={t('outline.title')}>
                  <OutlinePanel />
                </PanelBoundary>
              )}
              <PanelBoundary title={t('shell.panel.canvas')} resetKey={journey}>
                <JourneyCanvas />
              </PanelBoundary>
            </div>
            <PanelBoundary title={t('issues.title')} resetKey={journey}>
              <IssuesPanel />
            </PanelBoundary>
          </main>
          {simulating ? (
            <PanelBoundary title={t('shell.panel.simulation')}>
              <SimulationPanel />
            </PanelBoundary>
          ) : running ? (
            <PanelBoundary title={t('shell.panel.run')}>
              <RunPanel />
            </PanelBoundary>
          ) : (
            <PanelBoundary title={t('shell.panel.inspector')} resetKey={selection}>
              <Inspector />
            </PanelBoundary>
          )}
        </div>
        <EmailDesigner />
      </div>
    </ReactFlowProvider>
  );
}
