import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { NODE_KINDS } from '../../core/nodes/registry';
import { useAppStore } from '../store/app-store';
import { FIT_OPTIONS } from './geometry';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * Editor keyboard shortcuts (listed in SHORTCUT_GROUPS). While a field has focus only Save
 * works, so typing, and the field's own undo, are never taken over.
 */
export function useShortcuts(): void {
  const store = useAppStore();
  const flow = useReactFlow();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const state = store.getState();
      const mod = event.metaKey || event.ctrlKey;
      const key = event.key.toLowerCase();
      if (mod && key === 's') {
        event.preventDefault();
        void state.save();
        return;
      }
      if (state.dialog || state.designerNodeId || isTyping(event.target) || event.defaultPrevented)
        return;
      const handled = (() => {
        if (mod) {
          switch (key) {
            case 'z':
              if (event.shiftKey) state.redo();
              else state.undo();
              return true;
            case 'y':
              state.redo();
              return true;
            case 'c':
              state.copySelection();
              return true;
            case 'x':
              state.cutSelection();
              return true;
            case 'v':
              state.paste();
              return true;
            case 'd':
              state.duplicateSelection();
              return true;
            case 'a':
              state.selectAll();
              return true;
            default:
              return false;
          }
        }
        if (event.altKey) return false;
        switch (event.key) {
          case 'Delete':
          case 'Backspace':
            state.deleteSelection();
            return true;
          case 'Escape':
            state.clearSelection();
            return true;
          case '?':
            state.openDialog({ type: 'shortcuts' });
            return true;
          case 'f':
          case 'F':
            void flow.fitView({ ...FIT_OPTIONS, duration: 200 });
            return true;
          case 'l':
          case 'L':
            state.tidyUp();
            return true;
          case 'i':
          case 'I':
            state.setIssuesOpen(!state.issuesOpen);
            return true;
          case '+':
          case '=':
            void flow.zoomIn({ duration: 150 });
            return true;
          case '-':
            void flow.zoomOut({ duration: 150 });
            return true;
          default: {
            const index = Number(event.key) - 1;
            const kind = NODE_KINDS[index];
            if (kind && !event.shiftKey) {
              state.addNodeNearSelection(kind);
              return true;
            }
            return false;
          }
        }
      })();
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, flow]);
}
