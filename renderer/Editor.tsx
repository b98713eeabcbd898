import { ReactFlowProvider } from '@xyflow/react';
import { useEffect } from 'react';
import { JourneyCanvas } from './canvas/JourneyCanvas';
import { EmailDesigner } from './designer/EmailDesigner';
import { RunPanel } from './execution/RunPanel';
import { Inspector } from './inspector/Inspector';
import { EditorBar } from './panels/EditorBar';
import { IssuesPanel } from './panels/IssuesPanel';
import { Palette } from './panels/Palette';
import { SimulationPanel } from './simulation/SimulationPanel';
import { useApp, useAppStore } from './store/app-store';

/**
 * The journey editor: tools on top, steps on the left, canvas and problems, and on the right the
 * inspector or, while simulating or running, the simulation or the run (editing goes on meanwhile).
 */
export function Editor() {
  const store = useAppStore();
  const simulating = useApp((s) => s.simulation.open);
  const running = useApp((s) => s.execution.open);
  const journeyId = useApp((s) => s.journey?.id);
  // The top bar says when the journey is live, run panel open or not.
  useEffect(() => {
    if (journeyId) void store.getState().refreshExecution();
  }, [store, journeyId]);
  return (
    <ReactFlowProvider>
      <div className="editor">
        <EditorBar />
        <div
          className={`editor-main${simulating ? ' is-simulating' : running ? ' is-running' : ''}`}
        >
          <Palette />
          <main className="editor-center">
            <JourneyCanvas />
            <IssuesPanel />
          </main>
          {simulating ? <SimulationPanel /> : running ? <RunPanel /> : <Inspector />}
        </div>
        <EmailDesigner />
      </div>
    </ReactFlowProvider>
  );
}
