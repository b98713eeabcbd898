import { ReactFlowProvider } from '@xyflow/react';
import { JourneyCanvas } from './canvas/JourneyCanvas';
import { Inspector } from './inspector/Inspector';
import { EditorBar } from './panels/EditorBar';
import { IssuesPanel } from './panels/IssuesPanel';
import { Palette } from './panels/Palette';

/** The journey editor: tools on top, steps on the left, canvas and problems, inspector right. */
export function Editor() {
  return (
    <ReactFlowProvider>
      <div className="editor">
        <EditorBar />
        <div className="editor-main">
          <Palette />
          <main className="editor-center">
            <JourneyCanvas />
            <IssuesPanel />
          </main>
          <Inspector />
        </div>
      </div>
    </ReactFlowProvider>
  );
}
