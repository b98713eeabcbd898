import { ReactFlowProvider } from '@xyflow/react';
import { JourneyCanvas } from './canvas/JourneyCanvas';
import { Inspector } from './inspector/Inspector';
import { EditorBar } from './panels/EditorBar';
import { IssuesPanel } from './panels/IssuesPanel';
import { Palette } from './panels/Palette';
import { SimulationPanel } from './simulation/SimulationPanel';
import { useApp } from './store/app-store';

/**
 * The journey editor: tools on top, steps on the left, canvas and problems, and on the right the
 * inspector or, while simulating, the simulation (editing goes on meanwhile).
 */
export function Editor() {
  const simulating = useApp((s) => s.simulation.open);
  return (
    <ReactFlowProvider>
      <div className="editor">
        <EditorBar />
        <div className={`editor-main${simulating ? ' is-simulating' : ''}`}>
          <Palette />
          <main className="editor-center">
            <JourneyCanvas />
            <IssuesPanel />
          </main>
          {simulating ? <SimulationPanel /> : <Inspector />}
        </div>
      </div>
    </ReactFlowProvider>
  );
}
