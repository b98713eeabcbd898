import { useReactFlow } from '@xyflow/react';
import {
  ChevronLeftIcon,
  DownloadIcon,
  FitIcon,
  KeyboardIcon,
  LayoutIcon,
  PlayIcon,
  RedoIcon,
  RocketIcon,
  UndoIcon,
} from '../nodes/icons';
import { FIT_OPTIONS } from '../canvas/geometry';
import { MOD } from '../canvas/shortcuts';
import { useApp, useAppStore } from '../store/app-store';

/** The editor's top bar: back to the library, the journey's name and save state, and the tools. */
export function EditorBar() {
  const name = useApp((s) => s.journey?.name ?? '');
  const id = useApp((s) => s.journey?.id ?? '');
  const dirty = useApp((s) => s.dirty);
  const saving = useApp((s) => s.saving);
  const canUndo = useApp((s) => s.past.length > 0);
  const canRedo = useApp((s) => s.future.length > 0);
  const simulating = useApp((s) => s.simulation.open);
  const runOpen = useApp((s) => s.execution.open);
  const live = useApp((s) => s.execution.info?.state);
  // Actions never change; reading them once keeps this bar from re-rendering on every edit.
  const {
    undo,
    redo,
    tidyUp,
    save,
    goToLibrary,
    openDialog,
    exportJourney,
    setSimulationOpen,
    setRunOpen,
  } = useAppStore().getState();
  const flow = useReactFlow();
  return (
    <header className="bar" data-testid="editor-bar">
      <button type="button" className="button is-quiet" onClick={() => goToLibrary()}>
        <ChevronLeftIcon size={16} /> Journeys
      </button>
      <div className="bar-title">
        <h1 className="bar-name" title={name}>
          {name || 'Untitled journey'}
        </h1>
        <span
          className={`save-state${dirty ? ' is-dirty' : ''}`}
          data-testid="save-state"
          aria-live="polite"
        >
          {saving ? 'Saving…' : dirty ? 'Unsaved changes' : 'Saved'}
        </span>
      </div>
      <div className="bar-tools">
        <div className="tool-group">
          <button
            type="button"
            className="icon-button"
            onClick={undo}
            disabled={!canUndo}
            aria-label="Undo"
            title={`Undo (${MOD} Z)`}
          >
            <UndoIcon />
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={redo}
            disabled={!canRedo}
            aria-label="Redo"
            title={`Redo (${MOD} Shift Z)`}
          >
            <RedoIcon />
          </button>
        </div>
        <div className="tool-group">
          <button
            type="button"
            className="button is-quiet"
            onClick={tidyUp}
            title="Lay the journey out top to bottom (L)"
          >
            <LayoutIcon size={16} /> Tidy up
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={() => void flow.fitView({ ...FIT_OPTIONS, duration: 200 })}
            aria-label="Fit to view"
            title="Fit the journey in view (F)"
          >
            <FitIcon />
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={() => openDialog({ type: 'shortcuts' })}
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
          >
            <KeyboardIcon />
          </button>
        </div>
        <button
          type="button"
          className={`button${simulating ? ' is-on' : ''}`}
          aria-pressed={simulating}
          onClick={() => setSimulationOpen(!simulating)}
          title="Simulate the journey on sample data"
        >
          <PlayIcon size={15} /> Simulate
        </button>
        <button
          type="button"
          className={`button${runOpen ? ' is-on' : ''}`}
          aria-pressed={runOpen}
          data-testid="run-open"
          onClick={() => setRunOpen(!runOpen)}
          title="Publish the journey and run it for real"
        >
          <RocketIcon size={15} /> Run
          {(live === 'running' || live === 'paused') && (
            <span
              className={`live-dot is-${live}`}
              data-testid="run-live-dot"
              title={live === 'running' ? 'Live: taking new entries' : 'Paused'}
            />
          )}
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            void (async () => {
              if (dirty && !(await save())) return;
              await exportJourney(id);
            })()
          }
          title="Download the journey file"
        >
          <DownloadIcon size={16} /> Export
        </button>
        <button
          type="button"
          className="button is-primary"
          onClick={() => void save()}
          disabled={saving}
          title={`Save (${MOD} S)`}
        >
          Save
        </button>
      </div>
    </header>
  );
}
