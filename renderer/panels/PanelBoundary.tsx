import { Component, type ContextType, type ReactNode } from 'react';
import { AppStoreContext } from '../store/app-store';

interface Props {
  /** The panel's name as the user knows it: "Inspector", "Canvas", … */
  title: string;
  /** When this changes (another step selected, an edit, undo), the panel tries again. */
  resetKey?: unknown;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

function reason(error: Error): string {
  return error.message.trim() === '' ? error.name : error.message;
}

/**
 * Keeps a fault in one panel inside that panel: it says so in plain words, keeps the unsaved
 * changes as a draft at once, and lets the user try again, while the other panels go on working.
 * Without it one throw anywhere unmounts the whole app and loses what was not saved.
 */
export class PanelBoundary extends Component<Props, State> {
  static override contextType = AppStoreContext;
  declare context: ContextType<typeof AppStoreContext>;
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(): void {
    this.context?.getState().saveDraftNow();
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.error && previous.resetKey !== this.props.resetKey)
      this.setState({ error: null });
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { title } = this.props;
    const dirty = this.context?.getState().dirty ?? false;
    return (
      <section className="panel-crash" role="alert" aria-label={`${title} stopped working`}>
        <h3 className="panel-crash-title">{title} stopped working</h3>
        <p>
          {dirty
            ? 'Your journey is safe: its unsaved changes are kept as a draft. Save as usual, or try again.'
            : 'Your journey is safe. The rest of the app goes on working; try this panel again.'}
        </p>
        <p className="panel-crash-detail">
          <code>panel_crashed</code> in {title}: {reason(error)}
        </p>
        <button type="button" className="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </section>
    );
  }
}
