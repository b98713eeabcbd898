/** The designer's pure edits and its own undo history. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_BRAND_KIT, newDesign } from '../../../core/email-design/brand-kit';
import {
  duplicateBlock,
  findBlock,
  freshId,
  insertBlock,
  moveBlock,
  newBlock,
  removeBlock,
  replaceBlock,
} from '../../../renderer/designer/design-edits';
import { historyReducer, startHistory } from '../../../renderer/designer/design-history';

const words = { heading: 'A heading', text: 'Text', button: 'Go', buy: 'View', currency: 'kr' };
const start = newDesign({ ...DEFAULT_BRAND_KIT, address: 'Street 1' });

describe('design edits', () => {
  it('a new block goes where it is put, but never after the footer', () => {
    const block = newBlock('divider', freshId(start, 'divider'), DEFAULT_BRAND_KIT, words);
    const atEnd = insertBlock(start, block, 99);
    expect(atEnd.blocks.map((b) => b.type)).toEqual([
      'heading',
      'text',
      'button',
      'divider',
      'footer',
    ]);
    expect(insertBlock(start, block, 0).blocks[0]).toBe(block);
    expect(start.blocks).toHaveLength(4);
  });

  it('moves, duplicates under fresh ids, and removes blocks, rows included', () => {
    const moved = moveBlock(start, 'cta', -1);
    expect(moved.blocks.map((b) => b.id)).toEqual(['heading', 'cta', 'intro', 'footer']);
    expect(moveBlock(start, 'heading', -1)).toBe(start);
    const row = newBlock('columns', 'columns-1', DEFAULT_BRAND_KIT, words);
    const withRow = insertBlock(start, row, 1);
    const copied = duplicateBlock(withRow, 'columns-1');
    const ids = copied.blocks.flatMap((b) => [
      b.id,
      ...(b.type === 'columns' ? b.columns.flat().map((i) => i.id) : []),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(duplicateBlock(start, 'footer')).toBe(start);
    const inner = 'columns-1-a';
    expect(findBlock(withRow, inner)?.type).toBe('text');
    const edited = replaceBlock(withRow, {
      id: inner,
      type: 'text',
      html: '<p>Changed</p>',
      align: 'left',
    });
    expect(findBlock(edited, inner)).toMatchObject({ html: '<p>Changed</p>' });
    expect(findBlock(removeBlock(withRow, inner), inner)).toBeUndefined();
  });
});

describe('the designer’s undo', () => {
  it('undoes and redoes whole designs, typing in one field as one step', () => {
    let state = startHistory(start);
    const a = moveBlock(start, 'cta', -1);
    state = historyReducer(state, { type: 'edit', design: a, at: 0 });
    const typed1 = { ...a, preheader: 'H' };
    const typed2 = { ...a, preheader: 'Hello' };
    state = historyReducer(state, { type: 'edit', design: typed1, key: 'preheader', at: 1000 });
    state = historyReducer(state, { type: 'edit', design: typed2, key: 'preheader', at: 1500 });
    expect(state.past).toHaveLength(2);
    state = historyReducer(state, { type: 'undo' });
    expect(state.design).toBe(a);
    state = historyReducer(state, { type: 'undo' });
    expect(state.design).toBe(start);
    expect(historyReducer(state, { type: 'undo' })).toBe(state);
    state = historyReducer(historyReducer(state, { type: 'redo' }), { type: 'redo' });
    expect(state.design).toBe(typed2);
  });
});
