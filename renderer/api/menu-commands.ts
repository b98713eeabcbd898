import type { MenuCommandEvent } from '../../core/api/menu-commands';
import type { AppState } from '../store/app-store';

function isTextField(element: Element | null): boolean {
  return (
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    (element instanceof HTMLElement && element.isContentEditable)
  );
}

/**
 * What the desktop app's menu commands do here. Undo and redo belong to the journey's history,
 * except while a text field has focus: then the field undoes its own typing, as it would from
 * the keyboard.
 */
export function runMenuCommand(state: AppState, { command, recentFileId }: MenuCommandEvent): void {
  const editing = state.route.view === 'editor' && state.journey !== null;
  switch (command) {
    case 'newJourney':
      state.openDialog({ type: 'new-journey' });
      return;
    case 'openJourney':
      void state.importFromFile();
      return;
    case 'openRecent':
      if (recentFileId) void state.importRecentFile(recentFileId);
      return;
    case 'save':
      if (editing) void state.save();
      return;
    case 'exportJourney':
      if (state.journey) void state.exportJourney(state.journey.id);
      return;
    case 'undo':
    case 'redo':
      if (isTextField(document.activeElement)) {
        // execCommand is deprecated but still the only way to reach a field's own undo stack.
        document.execCommand(command);
      } else if (editing) {
        if (command === 'undo') state.undo();
        else state.redo();
      }
      return;
    case 'fitView':
      if (editing) state.requestFitView();
      return;
    case 'autoLayout':
      if (editing) state.tidyUp();
      return;
    case 'importProfiles':
    case 'importEvents':
      state.notify(
        'Profiles and events are imported for simulations, which this build does not have yet.',
      );
      return;
  }
}
