import { focusInspectorField } from '../canvas/focus-moves';
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { JourneyEdge, JourneyNode } from '../../core/model/journey';
import type { NodeKind } from '../../core/nodes/registry';
import { ConnectDialog } from '../canvas/ConnectDialog';
import { openPorts } from '../canvas/keyboard-words';
import { addAndSay, announcer } from '../canvas/use-shortcuts';
import { useT } from '../i18n/I18nProvider';
import { nodePorts } from '../nodes/card-shape';
import { CloseIcon } from '../nodes/icons';
import { stepWords } from '../nodes/kind-words';
import { useApp, useAppStore } from '../store/app-store';
import { DeleteStepsDialog } from '../panels/DeleteStepsDialog';
import { AddStepDialog } from './OutlineDialogs';
import { OutlineRows } from './OutlineRows';
import {
  outlineTree,
  parentKeys,
  rowStep,
  stepKey,
  visibleRows,
  type OutlineItem,
  type OutlineRow,
} from './outline-tree';

type OutlineDialog =
  | { type: 'add'; anchor?: JourneyNode; port?: string }
  | { type: 'connect'; from: JourneyNode; port?: string }
  | { type: 'delete'; node: JourneyNode };

const NONE: ReadonlySet<string> = new Set();

/**
 * The journey as an indented list beside the canvas, for building and editing it without the
 * canvas: by keyboard, by screen reader, or for an overview.
 *
 * It is an ARIA tree (role tree and treeitem, with levels, positions and open state)
 * rather than nested lists of buttons: the tree is one Tab stop however long the journey, its
 * arrow keys are the ones screen readers announce and users of trees know (Up/Down, Right to
 * open or enter a branch, Left to close it or go up, Home/End), and readers say each row's level
 * and place ("level 3, 1 of 2"), which is what makes a branch legible without seeing it. What a
 * row can do is a row of buttons after the tree (Tab from the tree reaches it), not buttons
 * inside the rows, where readers in tree mode would not reach them.
 *
 * Selection follows the focus: the row's step is selected in the store, so the inspector shows
 * it and the canvas marks it; a step selected on the canvas moves the outline's focus mark there.
 */
export function OutlinePanel() {
  const t = useT();
  const store = useAppStore();
  const journey = useApp((s) => s.journey);
  const selected = useApp((s) => s.selectedNodeIds);
  const wantsFocus = useApp((s) => s.outlineWantsFocus);
  const headingId = useId();
  const helpId = useId();
  const treeRef = useRef<HTMLUListElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const tree = useMemo(() => (journey ? outlineTree(journey) : []), [journey]);
  const parents = useMemo(() => parentKeys(tree), [tree]);
  const [closed, setClosed] = useState<ReadonlySet<string>>(NONE);
  const rows = useMemo(() => visibleRows(tree, closed), [tree, closed]);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [dialog, setDialog] = useState<OutlineDialog | null>(null);
  // Set before the active row changes by keyboard or by an edit made here, so the row takes the
  // focus once drawn; a step chosen on the canvas moves the mark, not the focus.
  const focusNext = useRef(false);
  const announce = useMemo(() => announcer(t, setAnnouncement), [t]);
  const name = useCallback((node: JourneyNode) => stepWords(t, node), [t]);

  const current: OutlineRow | undefined =
    rows.find((r) => r.item.key === activeKey) ??
    rows.find((r) => r.item.key === stepKey(selected[0] ?? '')) ??
    rows[0];
  const currentKey = current?.item.key;

  // A step selected on the canvas is marked here, in its branch opened if it was closed. Only a
  // change of selection moves the mark (adjusted while rendering, not in an effect).
  const only = selected.length === 1 ? selected[0] : undefined;
  const [synced, setSynced] = useState(only);
  if (only !== synced) {
    setSynced(only);
    const was = activeKey === null ? undefined : findItem(tree, activeKey);
    if (only !== undefined && (!was || rowStep(was)?.id !== only)) {
      setActiveKey(stepKey(only));
      setClosed(opening(closed, parents, stepKey(only)));
    }
  }

  // The marked row takes the focus when asked, or when the focus is on another row of the tree
  // (a step added with the canvas's number keys moves the mark while a row has the focus).
  useEffect(() => {
    if (dialog !== null || currentKey === undefined) return;
    const row = rowElement(treeRef.current, currentKey);
    const inTree = treeRef.current?.contains(document.activeElement) === true;
    if (!focusNext.current && !(inTree && document.activeElement !== row)) return;
    focusNext.current = false;
    row?.focus();
  });

  // Opened by its shortcut: the focus goes into the outline.
  useEffect(() => {
    if (!wantsFocus) return;
    store.getState().outlineFocused();
    if (currentKey === undefined)
      sectionRef.current?.querySelector<HTMLElement>('[data-testid="outline-add"]')?.focus();
    else rowElement(treeRef.current, currentKey)?.focus();
  }, [wantsFocus, store, currentKey]);

  // Closed from inside (O or the close button): the focus goes back to the bar's button.
  useLayoutEffect(() => {
    const section = sectionRef.current;
    return () => {
      if (section?.contains(document.activeElement))
        document.querySelector<HTMLElement>('[data-testid="outline-toggle"]')?.focus();
    };
  }, []);

  const moveTo = useCallback(
    (item: OutlineItem | undefined) => {
      if (!item) return;
      focusNext.current = true;
      setActiveKey(item.key);
      const step = rowStep(item);
      const state = store.getState();
      if (step && (state.selectedNodeIds.length !== 1 || state.selectedNodeIds[0] !== step.id))
        state.select([step.id]);
    },
    [store],
  );

  const toggle = useCallback(
    (key: string, open: boolean) => {
      const next = new Set(closed);
      if (open) next.delete(key);
      else next.add(key);
      setClosed(next);
      // A branch closed round the marked row takes the mark, so the tree keeps its Tab stop.
      if (!open && currentKey !== undefined && opening(next, parents, currentKey) !== next)
        setActiveKey(key);
    },
    [closed, parents, currentKey],
  );

  /** Enter: a step is shown on the canvas; a link goes to the row of its step; a group opens or closes. */
  const activate = (item: OutlineItem) => {
    if (item.type === 'step') store.getState().revealNode(item.node.id);
    else if (item.type === 'link') {
      const target = findItem(tree, stepKey(item.node.id));
      if (target) {
        setClosed(opening(closed, parents, target.key));
        moveTo(target);
      }
    } else if (item.children.length > 0) toggle(item.key, closed.has(item.key));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || !current) return;
    const index = rows.indexOf(current);
    const { item } = current;
    const branch = item.children.length > 0;
    const open = branch && !closed.has(item.key);
    switch (event.key) {
      case 'ArrowDown':
        moveTo(rows[index + 1]?.item);
        break;
      case 'ArrowUp':
        moveTo(rows[index - 1]?.item);
        break;
      case 'Home':
        moveTo(rows[0]?.item);
        break;
      case 'End':
        moveTo(rows[rows.length - 1]?.item);
        break;
      case 'ArrowRight':
        if (open) moveTo(rows[index + 1]?.item);
        else if (branch) toggle(item.key, true);
        break;
      case 'ArrowLeft':
        if (open) toggle(item.key, false);
        else if (current.parent !== undefined) moveTo(findItem(tree, current.parent));
        break;
      case 'Enter':
        activate(item);
        break;
      case ' ':
        moveTo(item);
        break;
      case 'Delete':
      case 'Backspace':
        // Never the canvas's own Delete, which asks nothing: here a step is deleted on a yes.
        if (item.type === 'step') setDialog({ type: 'delete', node: item.node });
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  /** After an edit made here: the row `key` is marked, shown and focused in the tree as it now is. */
  const afterEdit = (key: string | undefined) => {
    focusNext.current = true;
    setActiveKey(key ?? null);
    setDialog(null);
    const now = store.getState().journey;
    if (key !== undefined && now) setClosed((c) => opening(c, parentKeys(outlineTree(now)), key));
  };

  const add = (anchor: JourneyNode | undefined, kind: NodeKind, port: string | undefined) => {
    const state = store.getState();
    if (anchor) state.select([anchor.id]);
    else state.clearSelection();
    addAndSay(store.getState, kind, port, announce, name);
    const added = store.getState().selectedNodeIds[0];
    afterEdit(added === undefined ? undefined : stepKey(added));
  };

  const remove = (node: JourneyNode) => {
    const index = current ? rows.indexOf(current) : -1;
    const state = store.getState();
    state.select([node.id]);
    state.deleteSelection();
    announce('deleteSteps.announce', { step: name(node), count: 1 });
    afterEdit(rows[index - 1]?.item.key);
  };

  /** The step's form in the inspector takes the focus: its settings, without Tabbing the canvas. */
  const editInInspector = (id: string) => {
    store.getState().select([id]);
    focusInspectorField(id);
  };

  const item = current?.item;
  const step = item && item.type !== 'unconnected' ? item.node : undefined;
  // The connection a row stands for: the one leading to a step or link, or leaving an exit.
  const via = item && viaOf(item.type === 'exit' ? item.children[0] : item);
  const port = item?.type === 'exit' ? item.port.id : undefined;
  const free = step && journey ? openPorts(nodePorts(step), step, journey.edges) : [];
  const linkTarget = item?.type === 'link' ? item.node : undefined;
  const from = via && journey?.nodes.find((n) => n.id === via.from);

  const disconnect = () => {
    if (!via || !journey) return;
    const to = journey.nodes.find((n) => n.id === via.to);
    store.getState().disconnect(via);
    announce('outline.announce.disconnected', {
      from: from ? name(from) : '',
      to: to ? name(to) : '',
    });
    const index = current ? rows.indexOf(current) : -1;
    afterEdit(item?.type === 'link' ? rows[index - 1]?.item.key : item?.key);
  };

  return (
    <section ref={sectionRef} className="outline" aria-labelledby={headingId} data-testid="outline">
      <header className="outline-head">
        <h2 id={headingId}>{t('outline.title')}</h2>
        <button
          type="button"
          className="icon-button"
          onClick={() => store.getState().setOutlineOpen(false)}
          aria-label={t('outline.close')}
          title={t('outline.close')}
        >
          <CloseIcon size={16} />
        </button>
      </header>
      <p className="outline-help" id={helpId}>
        {t('outline.help')}
      </p>
      {rows.length === 0 ? (
        <p className="outline-empty">{t('outline.empty')}</p>
      ) : (
        <ul
          ref={treeRef}
          className="outline-tree"
          role="tree"
          aria-label={t('outline.tree')}
          aria-describedby={helpId}
          aria-multiselectable={selected.length > 1 || undefined}
          onKeyDown={onKeyDown}
        >
          <OutlineRows
            rows={rows}
            closed={closed}
            activeKey={currentKey}
            selected={selected}
            onToggle={toggle}
            onChoose={moveTo}
          />
        </ul>
      )}
      <div
        className="outline-actions"
        role="group"
        aria-label={
          step && item?.type !== 'link'
            ? t('outline.actions.step', { step: name(step) })
            : t('outline.actions')
        }
      >
        {item?.type !== 'link' && (
          <button
            type="button"
            className="button"
            data-testid="outline-add"
            onClick={() => setDialog({ type: 'add', anchor: step, port })}
          >
            {t(step ? 'outline.addAfter' : 'outline.add')}
          </button>
        )}
        {step && item?.type !== 'link' && free.length > 0 && (
          <button
            type="button"
            className="button"
            data-testid="outline-connect"
            onClick={() => setDialog({ type: 'connect', from: step, port })}
          >
            {t('outline.connect')}
          </button>
        )}
        {item?.type === 'step' && (
          <button
            type="button"
            className="button"
            data-testid="outline-edit"
            onClick={() => editInInspector(item.node.id)}
          >
            {t('outline.edit')}
          </button>
        )}
        {linkTarget && item && (
          <button type="button" className="button" onClick={() => activate(item)}>
            {t('outline.goTo')}
          </button>
        )}
        {via && (
          <button
            type="button"
            className="button"
            data-testid="outline-disconnect"
            onClick={disconnect}
          >
            {t('outline.disconnect', { from: from ? name(from) : '' })}
          </button>
        )}
        {item?.type === 'step' && (
          <button
            type="button"
            className="button"
            data-testid="outline-delete"
            onClick={() => setDialog({ type: 'delete', node: item.node })}
          >
            {t('outline.delete')}
          </button>
        )}
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="outline-announcement">
        {announcement}
      </p>
      {/* The dialogs' keys are their own: the canvas's shortcuts listen on the window. */}
      <div className="outline-dialogs" onKeyDown={(e) => e.stopPropagation()}>
        {dialog?.type === 'add' && journey && (
          <AddStepDialog
            anchor={dialog.anchor}
            port={dialog.port}
            edges={journey.edges}
            onAdd={(kind, exit) => add(dialog.anchor, kind, exit)}
            onClose={() => setDialog(null)}
          />
        )}
        {dialog?.type === 'connect' && (
          <ConnectDialog
            fromId={dialog.from.id}
            port={dialog.port}
            onClose={() => setDialog(null)}
            onConnected={(text) => {
              setAnnouncement(text);
              afterEdit(currentKey);
            }}
          />
        )}
        {dialog?.type === 'delete' && (
          <DeleteStepsDialog
            nodes={[dialog.node]}
            onDelete={() => remove(dialog.node)}
            onClose={() => setDialog(null)}
          />
        )}
      </div>
    </section>
  );
}

/** `closed` less every item holding `key`, so its row is shown; the same set when none was closed. */
function opening(
  closed: ReadonlySet<string>,
  parents: ReadonlyMap<string, string>,
  key: string,
): ReadonlySet<string> {
  const holders = new Set<string>();
  for (let at = parents.get(key); at !== undefined; at = parents.get(at)) holders.add(at);
  if (![...holders].some((k) => closed.has(k))) return closed;
  return new Set([...closed].filter((k) => !holders.has(k)));
}

function viaOf(item: OutlineItem | undefined): JourneyEdge | undefined {
  return item?.type === 'step' || item?.type === 'link' ? item.via : undefined;
}

function findItem(items: readonly OutlineItem[], key: string): OutlineItem | undefined {
  for (const item of items) {
    if (item.key === key) return item;
    const inside = findItem(item.children, key);
    if (inside) return inside;
  }
  return undefined;
}

function rowElement(tree: HTMLElement | null, key: string): HTMLElement | undefined {
  if (!tree) return undefined;
  return [...tree.querySelectorAll<HTMLElement>('[data-key]')].find((e) => e.dataset.key === key);
}
