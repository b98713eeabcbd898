import { Component, type ContextType, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';
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
      <PanelCrash
        title={title}
        dirty={dirty}
        reason={reason(error)}
        onRetry={() => this.setState({ error: null })}
      />
    );
  }
}

/** What a failed panel says in its place, in the user's language. */
function PanelCrash({
  title,
  dirty,
  reason,
  onRetry,
}: {
  title: string;
  dirty: boolean;
  reason: string;
  onRetry: () => void;
}) {
  const t = useT();
  const heading = t('panelCrash.title', { panel: title });
  return (
    <section className="panel-crash" role="alert" aria-label={heading}>
      <h3 className="panel-crash-title">{heading}</h3>
      <p>{t(dirty ? 'panelCrash.dirty' : 'panelCrash.clean')}</p>
      <p className="panel-crash-detail">
        {t('panelCrash.detail', { code: 'panel_crashed', panel: title, reason })}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        {t('panelCrash.retry')}
      </button>
    </section>
  );
}
