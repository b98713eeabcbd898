import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { JourneyNode } from '../../core/model/journey';
import { NODE_KINDS, type NodeKind } from '../../core/nodes/registry';
import { useT, type MessageValues, type Translate } from '../i18n/I18nProvider';
import { stepWords } from '../nodes/kind-words';
import type { MessageId } from '../i18n/messages';
import type { PortSpec } from '../../core/nodes/node-definition';
import { nodePorts } from '../nodes/card-shape';
import { useAppStore, type AppState } from '../store/app-store';
import { FIT_OPTIONS, GRID } from './geometry';
import { cardUnder, focusCard, focusInspectorField } from './focus-moves';
import { openPorts, portWord } from './keyboard-words';

/** What the keyboard did, said to screen readers in the canvas's live region. */
export type Announce = (id: MessageId, values?: MessageValues, exit?: PortSpec) => void;

/** An Announce that words the message in the language and hands the sentence to `say`. */
export function announcer(t: Translate, say: (text: string) => void): Announce {
  return (id, values, exit) => say(t(id, { ...values, ...(exit && { exit: portWord(t, exit) }) }));
}

/**
 * Adds a step of `kind` after the one selected step (on `port`, else its first free exit), or
 * alone when none is, and says where it went: "Added a wait after “X”, on its “No” exit."
 */
export function addAndSay(
  state: () => AppState,
  kind: NodeKind,
  port: string | undefined,
  announce: Announce,
  name: (node: JourneyNode) => string,
): void {
  const anchor = onlySelected(state());
  state().addNodeNearSelection(kind, port);
  const added = onlySelected(state());
  const edge = state().journey?.edges.find((e) => e.to === added?.id);
  const onExit = edge?.port !== undefined && edge.port !== 'next';
  announce(
    !edge || !anchor
      ? 'canvas.announce.added'
      : onExit
        ? 'canvas.announce.addedOnExit'
        : 'canvas.announce.addedAfter',
    { kind, step: anchor ? name(anchor) : '' },
    onExit && anchor ? nodePorts(anchor).find((p) => p.id === edge.port) : undefined,
  );
}

export interface KeyboardEditing {
  announce: Announce;
  /** `C`: connect the selected step to a step already on the canvas. */
  openConnect: (fromId: string) => void;
  /** Delete: asks before the selected steps go (`DeleteStepsDialog`). */
  askDelete: (nodeIds: readonly string[]) => void;
  /** A dialog of the canvas's own is open: its keys are its own. */
  busy: boolean;
}

/** Arrows move a step by a grid cell; with Shift, by four. */
const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** Elements whose own Enter does something: the canvas leaves it to them. */
const CONTROLS =
  'button, a[href], [role="button"], [role="link"], [role="menuitem"], [role="option"], [role="tab"], [role="treeitem"], [role="switch"], [role="checkbox"], [role="radio"]';

/** Keys pressed on the canvas, a card, or nowhere in particular. */
function onCanvas(target: EventTarget | null): boolean {
  return (
    target === document.body ||
    (target instanceof HTMLElement && target.closest('[data-testid="canvas"]') !== null)
  );
}

function onlySelected(state: AppState) {
  const [only] = state.selectedNodeIds;
  if (state.selectedNodeIds.length !== 1 || only === undefined) return undefined;
  return state.journey?.nodes.find((n) => n.id === only);
}

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
export function useShortcuts(keyboard: KeyboardEditing): void {
  const store = useAppStore();
  const flow = useReactFlow();
  // The exit the next step added by keyboard follows (`E` chooses it), for the step it was
  // chosen on.
  const chosen = useRef<{ nodeId: string; port: string } | null>(null);
  const { announce, openConnect, askDelete, busy } = keyboard;
  const t = useT();
  useEffect(() => {
    // Steps are said as their cards call them, in the language.
    const name = (node: JourneyNode) => stepWords(t, node);
    const onKeyDown = (event: KeyboardEvent) => {
      const state = store.getState();
      const mod = event.metaKey || event.ctrlKey;
      const key = event.key.toLowerCase();
      if (mod && key === 's') {
        event.preventDefault();
        void state.save();
        return;
      }
      if (
        state.dialog ||
        state.designerNodeId ||
        busy ||
        isTyping(event.target) ||
        event.defaultPrevented
      )
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
        const arrow = ARROWS[event.key];
        if (arrow && state.selectedNodeIds.length > 0) {
          const step = event.shiftKey ? GRID * 4 : GRID;
          state.moveSelection(arrow[0] * step, arrow[1] * step);
          const only = onlySelected(state);
          announce('canvas.announce.moved', {
            step: only ? name(only) : '',
            count: state.selectedNodeIds.length,
            direction: event.key,
          });
          return true;
        }
        switch (event.key) {
          case 'e':
          case 'E': {
            const node = onlySelected(state);
            if (!node || !state.journey) return false;
            const open = openPorts(nodePorts(node), node, state.journey.edges);
            if (open.length === 0) {
              announce('canvas.announce.noExit', { step: name(node) });
              return true;
            }
            const was = chosen.current?.nodeId === node.id ? chosen.current.port : undefined;
            const index = open.findIndex((p) => p.id === was);
            const next = open[(index + 1) % open.length] as PortSpec;
            chosen.current = { nodeId: node.id, port: next.id };
            announce('canvas.announce.exit', { step: name(node) }, next);
            return true;
          }
          case 'c':
          case 'C': {
            const node = onlySelected(state);
            if (!node) return false;
            openConnect(node.id);
            return true;
          }
          case 'Enter': {
            // On a card, that card's form; elsewhere (a button's own Enter excepted) the
            // selected step's.
            const card = cardUnder(event.target);
            if (card) state.select([card]);
            else if (event.target instanceof HTMLElement && event.target.closest(CONTROLS))
              return false;
            const node = onlySelected(store.getState());
            if (!node) return false;
            focusInspectorField(node.id);
            return true;
          }
          case 'Delete':
          case 'Backspace':
            // Steps go after a question; a connection alone goes at once (Undo brings it back).
            if (state.selectedNodeIds.length > 0) askDelete(state.selectedNodeIds);
            else state.deleteSelection();
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
          case 'o':
          case 'O':
            state.setOutlineOpen(!state.outlineOpen, true);
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
              const anchor = onlySelected(state);
              const port =
                anchor && chosen.current?.nodeId === anchor.id ? chosen.current.port : undefined;
              chosen.current = null;
              addAndSay(store.getState, kind, port, announce, name);
              // On the canvas, focus follows the new step, so Enter edits it and the arrows move
              // it (the outline moves its own focus).
              const added = onlySelected(store.getState());
              if (added && onCanvas(event.target)) focusCard(added.id);
              return true;
            }
            return false;
          }
        }
      })();
      if (handled) event.preventDefault();
    };
    // A focused card would move itself by React Flow's own arrow keys, by other steps and with
    // English words: the arrows are taken first, so they move by the grid and say so here.
    const onArrow = (event: KeyboardEvent) => {
      const onCard =
        event.target instanceof HTMLElement && event.target.closest('.react-flow__node');
      if (!onCard || !ARROWS[event.key] || event.altKey || event.metaKey || event.ctrlKey) return;
      event.stopPropagation();
      onKeyDown(event);
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keydown', onArrow, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keydown', onArrow, { capture: true });
    };
  }, [store, flow, announce, openConnect, askDelete, busy, t]);
}
