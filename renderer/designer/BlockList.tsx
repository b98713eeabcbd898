import { useState, type DragEvent, type KeyboardEvent } from 'react';
import type { BlockType, EmailDesign } from '../../core/email-design/design-schema';
import { useT } from '../i18n/I18nProvider';
import { ChevronDownIcon, ChevronUpIcon, CopyIcon, TrashIcon } from '../nodes/icons';
import { BlockLook } from './BlockLook';
import { BLOCK_NAME } from './block-words';
import { NEW_BLOCK_TYPE } from './BlockPalette';
import { duplicateBlock, moveBlock, removeBlock } from './design-edits';

const MOVED_BLOCK = 'application/x-journey-studio-moved-block';

/**
 * The email as a column of blocks on its background: click or focus a block to edit it; arrows
 * move between blocks, Alt+arrows move the block, Delete removes it, Ctrl+D duplicates it. New
 * blocks can be dropped between any two, and blocks dragged to another place.
 */
export function BlockList({
  design,
  selected,
  onSelect,
  onEdit,
  onDropNew,
}: {
  design: EmailDesign;
  selected: string | null;
  onSelect: (id: string | null) => void;
  onEdit: (design: EmailDesign) => void;
  onDropNew: (type: BlockType, index: number) => void;
}) {
  const t = useT();
  const [dropAt, setDropAt] = useState<number | null>(null);
  const theme = design.theme;
  const focusBlock = (id: string | undefined) => {
    if (!id) return;
    onSelect(id);
    requestAnimationFrame(() => document.getElementById(`design-block-${id}`)?.focus());
  };
  const remove = (id: string) => {
    const index = design.blocks.findIndex((b) => b.id === id);
    onEdit(removeBlock(design, id));
    const next = design.blocks[index + 1] ?? design.blocks[index - 1];
    focusBlock(next?.id === id ? undefined : next?.id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, id: string, index: number) => {
    if (event.target !== event.currentTarget) return;
    const mod = event.metaKey || event.ctrlKey;
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const delta = event.key === 'ArrowUp' ? -1 : 1;
      if (event.altKey) {
        onEdit(moveBlock(design, id, delta));
        focusBlock(id);
      } else focusBlock(design.blocks[index + delta]?.id);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      remove(id);
    } else if (mod && event.key.toLowerCase() === 'd') {
      event.preventDefault();
      onEdit(duplicateBlock(design, id));
    }
  };
  const onDrop = (event: DragEvent, index: number) => {
    event.preventDefault();
    setDropAt(null);
    const type = event.dataTransfer.getData(NEW_BLOCK_TYPE);
    const moved = event.dataTransfer.getData(MOVED_BLOCK);
    if (type) onDropNew(type as BlockType, index);
    else if (moved) {
      const from = design.blocks.findIndex((b) => b.id === moved);
      if (from >= 0)
        onEdit(moveBlock(design, moved, index > from ? index - from - 1 : index - from));
    }
  };
  const zone = (index: number) => (
    <div
      className={`design-drop${dropAt === index ? ' is-over' : ''}`}
      data-testid={`design-drop-${index}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDropAt(index);
      }}
      onDragLeave={() => setDropAt((at) => (at === index ? null : at))}
      onDrop={(e) => onDrop(e, index)}
    />
  );
  return (
    <main
      className="designer-canvas"
      style={{ background: theme.background }}
      aria-label={t('designer.canvas.label')}
    >
      <p id="design-block-help" className="visually-hidden">
        {t('designer.canvas.blockHelp')}
      </p>
      <div className="design-sheet" style={{ background: theme.surface, color: theme.text }}>
        {design.blocks.length === 0 && (
          <p className="designer-hint">{t('designer.canvas.empty')}</p>
        )}
        {zone(0)}
        {design.blocks.map((block, index) => {
          const name = t(BLOCK_NAME[block.type]);
          const isSelected = block.id === selected;
          return (
            <div key={block.id} className="design-block-slot">
              <div
                id={`design-block-${block.id}`}
                className={`design-block${isSelected ? ' is-selected' : ''}`}
                // A group, not a button: its name says which block it is, its content is the
                // block as the email shows it, and a button's name would have to repeat that.
                role="group"
                tabIndex={0}
                aria-current={isSelected}
                aria-labelledby={`design-block-${block.id}-name`}
                aria-describedby="design-block-help"
                data-testid={`design-block-${block.type}`}
                draggable
                onDragStart={(e) => e.dataTransfer.setData(MOVED_BLOCK, block.id)}
                onClick={() => onSelect(block.id)}
                onFocus={() => onSelect(block.id)}
                onKeyDown={(e) => onKeyDown(e, block.id, index)}
              >
                <span className="design-block-tag" id={`design-block-${block.id}-name`}>
                  <span className="visually-hidden">
                    {t('designer.canvas.blockNumber', { index: index + 1 })}
                  </span>{' '}
                  {name}
                  {block.showIf && (
                    <span className="design-block-if">{t('designer.canvas.conditional')}</span>
                  )}
                </span>
                <BlockLook block={block} theme={theme} />
              </div>
              {isSelected && (
                <div className="design-block-tools">
                  <button
                    type="button"
                    className="icon-button"
                    disabled={index === 0}
                    onClick={() => onEdit(moveBlock(design, block.id, -1))}
                    aria-label={t('designer.canvas.up', { name })}
                    title={t('designer.canvas.up', { name })}
                  >
                    <ChevronUpIcon size={14} />
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    disabled={index === design.blocks.length - 1}
                    onClick={() => onEdit(moveBlock(design, block.id, 1))}
                    aria-label={t('designer.canvas.down', { name })}
                    title={t('designer.canvas.down', { name })}
                  >
                    <ChevronDownIcon size={14} />
                  </button>
                  {block.type !== 'footer' && (
                    <button
                      type="button"
                      className="icon-button"
                      onClick={() => onEdit(duplicateBlock(design, block.id))}
                      aria-label={t('designer.canvas.duplicate', { name })}
                      title={t('designer.canvas.duplicate', { name })}
                    >
                      <CopyIcon size={14} />
                    </button>
                  )}
                  <button
                    type="button"
                    className="icon-button is-danger"
                    onClick={() => remove(block.id)}
                    aria-label={t('designer.canvas.remove', { name })}
                    title={t('designer.canvas.remove', { name })}
                    data-testid="design-block-remove"
                  >
                    <TrashIcon size={14} />
                  </button>
                </div>
              )}
              {zone(index + 1)}
            </div>
          );
        })}
      </div>
    </main>
  );
}
