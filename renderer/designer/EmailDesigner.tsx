import { useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import { newDesign, DEFAULT_BRAND_KIT } from '../../core/email-design/brand-kit';
import {
  readDesign,
  type BlockType,
  type EmailDesign,
} from '../../core/email-design/design-schema';
import type { JourneyNode } from '../../core/model/journey';
import { useT } from '../i18n/I18nProvider';
import { useApp, useAppStore } from '../store/app-store';
import { BlockList } from './BlockList';
import { BlockPalette } from './BlockPalette';
import { DesignerSide } from './DesignerSide';
import { freshId, insertBlock, newBlock, type BlockWords } from './design-edits';
import { historyReducer, startHistory } from './design-history';
import { useCompiledDesign } from './use-compiled';

/** The email designer, over everything else while it is open on a message node. */
export function EmailDesigner() {
  const nodeId = useApp((s) => s.designerNodeId);
  const node = useApp((s) => s.journey?.nodes.find((n) => n.id === nodeId));
  const brand = useApp((s) => s.brand);
  const store = useAppStore();
  useEffect(() => {
    if (nodeId && !brand) void store.getState().loadBrand();
  }, [nodeId, brand, store]);
  if (!nodeId || !node) return null;
  return <DesignerFor key={nodeId} node={node} />;
}

function isTyping(target: EventTarget): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement)
  );
}

function DesignerFor({ node }: { node: JourneyNode }) {
  const t = useT();
  const store = useAppStore();
  const close = useApp((s) => s.closeDesigner);
  const kit = useApp((s) => s.brand?.kit) ?? DEFAULT_BRAND_KIT;
  // The design is read once, when the designer opens: from then on the designer owns it. An
  // email without one starts from the brand kit.
  const [start] = useState(() =>
    node.config.design === undefined
      ? ({ status: 'new' } as const)
      : readDesign(node.config.design),
  );
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    panel.current?.focus();
    return () => previous?.focus?.();
  }, []);
  const title = node.label || (typeof node.config.subject === 'string' ? node.config.subject : '');
  if (start.status === 'newer' || start.status === 'invalid') {
    return (
      <div
        className="designer"
        role="dialog"
        aria-modal="true"
        aria-labelledby="designer-title"
        tabIndex={-1}
        ref={panel}
        onKeyDown={(e) => e.key === 'Escape' && close()}
      >
        <header className="designer-head">
          <h2 id="designer-title">{t('designer.title', { name: title })}</h2>
          <button type="button" className="button is-primary" onClick={close}>
            {t('designer.done')}
          </button>
        </header>
        <div className="designer-problem" role="alert">
          <p>
            {start.status === 'newer'
              ? t('designer.newer', { version: start.version })
              : t('designer.damaged', { problem: start.message })}
          </p>
          <p>{t('designer.keptAsIs')}</p>
        </div>
      </div>
    );
  }
  const initial = start.status === 'ok' ? start.design : newDesign(kit);
  return (
    <Designer
      node={node}
      initial={initial}
      title={title}
      panel={panel}
      onClose={close}
      store={store}
    />
  );
}

function Designer({
  node,
  initial,
  title,
  panel,
  onClose,
  store,
}: {
  node: JourneyNode;
  initial: EmailDesign;
  title: string;
  panel: React.RefObject<HTMLDivElement | null>;
  onClose: () => void;
  store: ReturnType<typeof useAppStore>;
}) {
  const t = useT();
  const kit = useApp((s) => s.brand?.kit) ?? DEFAULT_BRAND_KIT;
  const [history, dispatch] = useReducer(historyReducer, initial, startHistory);
  const design = history.design;
  const [selected, setSelected] = useState<string | null>(design.blocks[0]?.id ?? null);
  const compiled = useCompiledDesign(design);
  const words: BlockWords = useMemo(
    () => ({
      heading: t('designer.new.heading'),
      text: t('designer.new.text'),
      button: t('designer.new.button'),
      buy: t('designer.new.buy'),
      currency: t('designer.new.currency'),
    }),
    [t],
  );

  const edit = (next: EmailDesign, key?: string) =>
    dispatch({ type: 'edit', design: next, ...(key !== undefined && { key }), at: Date.now() });

  // Every compiled design goes into the journey at once: `design` is the source, and `html`
  // and `text` are what older readers, the command line and the engine send.
  useEffect(() => {
    if (!compiled || compiled.design !== design || !('email' in compiled)) return;
    const state = store.getState();
    const current = state.journey?.nodes.find((n) => n.id === node.id)?.config;
    if (!current) return;
    const text =
      design.plainText === 'written' && typeof current.text === 'string'
        ? current.text
        : compiled.email.text;
    if (current.design === design && current.html === compiled.email.html && current.text === text)
      return;
    state.updateConfig(node.id, { ...current, html: compiled.email.html, text, design });
  }, [compiled, design, node.id, store]);

  const add = (type: BlockType, index?: number) => {
    const block = newBlock(type, freshId(design, type), kit, words);
    const after = selected
      ? design.blocks.findIndex((b) => b.id === selected) + 1
      : design.blocks.length;
    edit(insertBlock(design, block, index ?? (after > 0 ? after : design.blocks.length)));
    setSelected(block.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const mod = event.metaKey || event.ctrlKey;
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (!mod || isTyping(event.target)) return;
    const key = event.key.toLowerCase();
    if (key === 'z' || key === 'y') {
      event.preventDefault();
      dispatch({ type: key === 'y' || event.shiftKey ? 'redo' : 'undo' });
    }
  };

  return (
    <div
      className="designer"
      role="dialog"
      aria-modal="true"
      aria-labelledby="designer-title"
      tabIndex={-1}
      ref={panel}
      onKeyDown={onKeyDown}
      data-testid="email-designer"
    >
      <header className="designer-head">
        <h2 id="designer-title">{t('designer.title', { name: title })}</h2>
        <div className="designer-tools">
          <button
            type="button"
            className="button is-quiet"
            data-testid="designer-undo"
            disabled={history.past.length === 0}
            onClick={() => dispatch({ type: 'undo' })}
            title={t('designer.undoHint')}
          >
            {t('designer.undo')}
          </button>
          <button
            type="button"
            className="button is-quiet"
            disabled={history.future.length === 0}
            onClick={() => dispatch({ type: 'redo' })}
            title={t('designer.redoHint')}
          >
            {t('designer.redo')}
          </button>
          <button
            type="button"
            className="button is-primary"
            onClick={onClose}
            data-testid="designer-done"
          >
            {t('designer.done')}
          </button>
        </div>
      </header>
      <div className="designer-body">
        <BlockPalette onAdd={(type) => add(type)} design={design} onEdit={edit} />
        <BlockList
          design={design}
          selected={selected}
          onSelect={setSelected}
          onEdit={edit}
          onDropNew={(type, index) => add(type, index)}
        />
        <DesignerSide
          node={node}
          design={design}
          compiled={compiled}
          selected={selected}
          onSelect={setSelected}
          onEdit={edit}
        />
      </div>
    </div>
  );
}
