import { useReactFlow } from '@xyflow/react';
import {
  ChevronLeftIcon,
  DownloadIcon,
  FitIcon,
  KeyboardIcon,
  LayoutIcon,
  RedoIcon,
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
  // Actions never change; reading them once keeps this bar from re-rendering on every edit.
  const { undo, redo, tidyUp, save, goToLibrary, openDialog, exportJourney } =
    useAppStore().getState();
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
