import { useApp } from '../store/app-store';
import { JourneySettings } from './JourneySettings';
import { NodeInspector } from './NodeInspector';

/** The right-hand panel: the selected step, a multi-selection, or the journey's settings. */
export function Inspector() {
  const selected = useApp((s) => s.selectedNodeIds);
  const deleteSelection = useApp((s) => s.deleteSelection);
  const duplicateSelection = useApp((s) => s.duplicateSelection);
  const clearSelection = useApp((s) => s.clearSelection);
  const [only] = selected;
  return (
    <aside className="inspector" aria-label="Inspector">
      {selected.length === 1 && only !== undefined ? (
        <NodeInspector key={only} nodeId={only} />
      ) : selected.length > 1 ? (
        <div className="inspector-body">
          <header className="inspector-head is-journey">
            <div className="inspector-head-text">
              <span className="inspector-kind">Selection</span>
              <h2 className="inspector-title">{selected.length} steps selected</h2>
            </div>
          </header>
          <p className="inspector-description">
            Move them together by dragging any of them, or copy, duplicate or delete them at once.
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={duplicateSelection}>
              Duplicate
            </button>
            <button type="button" className="button is-danger" onClick={deleteSelection}>
              Delete
            </button>
            <button type="button" className="button is-quiet" onClick={clearSelection}>
              Clear selection
            </button>
          </div>
        </div>
      ) : (
        <JourneySettings />
      )}
    </aside>
  );
}
