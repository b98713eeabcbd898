import { useReactFlow } from '@xyflow/react';
import {
  ChevronLeftIcon,
  DownloadIcon,
  FitIcon,
  KeyboardIcon,
  LayoutIcon,
  OutlineIcon,
  PlayIcon,
  RedoIcon,
  RocketIcon,
  UndoIcon,
} from '../nodes/icons';
import { FIT_OPTIONS } from '../canvas/geometry';
import { MOD } from '../canvas/shortcuts';
import { useApp, useAppStore } from '../store/app-store';
import { useT } from '../i18n/I18nProvider';

/** The editor's top bar: back to the library, the journey's name and save state, and the tools. */
export function EditorBar() {
  const t = useT();
  const name = useApp((s) => s.journey?.name ?? '');
  const id = useApp((s) => s.journey?.id ?? '');
  const dirty = useApp((s) => s.dirty);
  const saving = useApp((s) => s.saving);
  const canUndo = useApp((s) => s.past.length > 0);
  const canRedo = useApp((s) => s.future.length > 0);
  const simulating = useApp((s) => s.simulation.open);
  const runOpen = useApp((s) => s.execution.open);
  const live = useApp((s) => s.execution.info?.state);
  const outlineOpen = useApp((s) => s.outlineOpen);
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
    setOutlineOpen,
  } = useAppStore().getState();
  const flow = useReactFlow();
  return (
    <header className="bar" data-testid="editor-bar">
      <button type="button" className="button is-quiet" onClick={() => goToLibrary()}>
        <ChevronLeftIcon size={16} /> {t('bar.journeys')}
      </button>
      <div className="bar-title">
        <h1 className="bar-name" title={name}>
          {name || t('bar.untitled')}
        </h1>
        <span
          className={`save-state${dirty ? ' is-dirty' : ''}`}
          data-testid="save-state"
          aria-live="polite"
        >
          {t(saving ? 'bar.saving' : dirty ? 'bar.unsaved' : 'bar.saved')}
        </span>
      </div>
      <div className="bar-tools">
        <div className="tool-group">
          <button
            type="button"
            className="icon-button"
            onClick={undo}
            disabled={!canUndo}
            aria-label={t('bar.undo')}
            title={t('bar.undo.title', { key: MOD })}
          >
            <UndoIcon />
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={redo}
            disabled={!canRedo}
            aria-label={t('bar.redo')}
            title={t('bar.redo.title', { key: MOD })}
          >
            <RedoIcon />
          </button>
        </div>
        <div className="tool-group">
          <button
            type="button"
            className="button is-quiet"
            onClick={tidyUp}
            title={t('bar.tidy.title')}
          >
            <LayoutIcon size={16} /> {t('bar.tidy')}
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={() => void flow.fitView({ ...FIT_OPTIONS, duration: 200 })}
            aria-label={t('bar.fit')}
            title={t('bar.fit.title')}
          >
            <FitIcon />
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={() => openDialog({ type: 'shortcuts' })}
            aria-label={t('bar.shortcuts')}
            title={t('bar.shortcuts.title')}
          >
            <KeyboardIcon />
          </button>
        </div>
        <button
          type="button"
          className={`button${outlineOpen ? ' is-on' : ''}`}
          aria-pressed={outlineOpen}
          data-testid="outline-toggle"
          onClick={() => setOutlineOpen(!outlineOpen)}
          title={t('bar.outline.title')}
        >
          <OutlineIcon size={16} /> {t('bar.outline')}
        </button>
        <button
          type="button"
          className={`button${simulating ? ' is-on' : ''}`}
          aria-pressed={simulating}
          onClick={() => setSimulationOpen(!simulating)}
          title={t('bar.simulate.title')}
        >
          <PlayIcon size={15} /> {t('bar.simulate')}
        </button>
        <button
          type="button"
          className={`button${runOpen ? ' is-on' : ''}`}
          aria-pressed={runOpen}
          data-testid="run-open"
          onClick={() => setRunOpen(!runOpen)}
          title={t('bar.run.title')}
        >
          <RocketIcon size={15} /> {t('bar.run')}
          {(live === 'running' || live === 'paused') && (
            <span
              className={`live-dot is-${live}`}
              data-testid="run-live-dot"
              title={t(live === 'running' ? 'bar.live.running' : 'bar.live.paused')}
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
          title={t('bar.export.title')}
        >
          <DownloadIcon size={16} /> {t('bar.export')}
        </button>
        <button
          type="button"
          className="button is-primary"
          onClick={() => void save()}
          disabled={saving}
          title={t('bar.save.title', { key: MOD })}
        >
          {t('bar.save')}
        </button>
      </div>
    </header>
  );
}
