import { cardElement } from '../canvas/focus-moves';
import { useT } from '../i18n/I18nProvider';
import { useApp } from '../store/app-store';
import { JourneySettings } from './JourneySettings';
import { NodeInspector } from './NodeInspector';

/** The right-hand panel: the selected step, a multi-selection, or the journey's settings. */
export function Inspector() {
  const t = useT();
  const selected = useApp((s) => s.selectedNodeIds);
  const deleteSelection = useApp((s) => s.deleteSelection);
  const duplicateSelection = useApp((s) => s.duplicateSelection);
  const clearSelection = useApp((s) => s.clearSelection);
  const [only] = selected;
  return (
    <aside
      className="inspector"
      aria-label={t('inspector.label')}
      onKeyDown={(event) => {
        // Esc in a step's form goes back to its card; a field that closes a list of its own
        // keeps its Esc.
        if (event.key !== 'Escape' || event.defaultPrevented || only === undefined) return;
        const card = selected.length === 1 ? cardElement(only) : null;
        if (!card) return;
        event.preventDefault();
        card.focus();
      }}
    >
      {selected.length === 1 && only !== undefined ? (
        <NodeInspector key={only} nodeId={only} />
      ) : selected.length > 1 ? (
        <div className="inspector-body">
          <header className="inspector-head is-journey">
            <div className="inspector-head-text">
              <span className="inspector-kind">{t('inspector.selection.kind')}</span>
              <h2 className="inspector-title">
                {t('inspector.selection.title', { count: selected.length })}
              </h2>
            </div>
          </header>
          <p className="inspector-description">{t('inspector.selection.help')}</p>
          <div className="button-row">
            <button type="button" className="button" onClick={duplicateSelection}>
              {t('inspector.selection.duplicate')}
            </button>
            <button type="button" className="button is-danger" onClick={deleteSelection}>
              {t('inspector.selection.delete')}
            </button>
            <button type="button" className="button is-quiet" onClick={clearSelection}>
              {t('inspector.selection.clear')}
            </button>
          </div>
        </div>
      ) : (
        <JourneySettings />
      )}
    </aside>
  );
}
