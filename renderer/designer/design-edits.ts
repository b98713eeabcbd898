import type { BrandKit } from '../../core/email-design/brand-kit';
import { brandFooter } from '../../core/email-design/brand-kit';
import type {
  Block,
  BlockType,
  ColumnBlock,
  EmailDesign,
} from '../../core/email-design/design-schema';

/**
 * Pure edits of a design, as the designer makes them: each returns a new design (designs are
 * immutable, so undo keeps whole designs cheaply). Blocks are found by id, in rows too.
 */

/** The block types the palette offers, in its order. */
export const PALETTE: readonly BlockType[] = [
  'heading',
  'text',
  'image',
  'button',
  'divider',
  'spacer',
  'columns',
  'social',
  'products',
  'footer',
];

/** Types a column of a row may hold. */
export const COLUMN_TYPES: readonly ColumnBlock['type'][] = [
  'heading',
  'text',
  'image',
  'button',
  'divider',
  'spacer',
];

/** An id no block of the design has yet: `text-3`. */
export function freshId(design: EmailDesign, type: string): string {
  const taken = new Set<string>();
  for (const block of design.blocks) {
    taken.add(block.id);
    if (block.type === 'columns')
      for (const column of block.columns) for (const b of column) taken.add(b.id);
  }
  for (let n = 1; n <= taken.size + 1; n++) {
    const id = `${type}-${n}`;
    if (!taken.has(id)) return id;
  }
  return `${type}-${taken.size + 2}`;
}

/** What a new block of a type starts as, with words in the marketer's language. */
export interface BlockWords {
  heading: string;
  text: string;
  button: string;
  buy: string;
  currency: string;
}

export function newBlock(type: BlockType, id: string, kit: BrandKit, words: BlockWords): Block {
  switch (type) {
    case 'heading':
      return { id, type, text: words.heading, level: 2, align: 'left' };
    case 'text':
      return { id, type, html: `<p>${words.text}</p>`, align: 'left' };
    case 'image':
      return { id, type, src: '', alt: '', align: 'center' };
    case 'button':
      return { id, type, label: words.button, href: 'https://', align: 'left' };
    case 'divider':
      return { id, type };
    case 'spacer':
      return { id, type, height: 24 };
    case 'columns':
      return {
        id,
        type,
        columns: [
          [{ id: `${id}-a`, type: 'text', html: `<p>${words.text}</p>`, align: 'left' }],
          [{ id: `${id}-b`, type: 'text', html: `<p>${words.text}</p>`, align: 'left' }],
        ],
      };
    case 'social':
      return {
        id,
        type,
        links: [
          { network: 'instagram', url: 'https://instagram.com/' },
          { network: 'facebook', url: 'https://facebook.com/' },
        ],
        align: 'center',
      };
    case 'products':
      return {
        id,
        type,
        source: 'event.products',
        max: 3,
        currency: words.currency,
        buttonLabel: words.buy,
      };
    case 'footer':
      return brandFooter(kit, id);
  }
}

/** The design with a block put at `index` of the top level (the end when past it). */
export function insertBlock(design: EmailDesign, block: Block, index: number): EmailDesign {
  const blocks = [...design.blocks];
  // The footer stays last: a block put after it goes just before it.
  const footerAt = blocks.findIndex((b) => b.type === 'footer');
  const limit = footerAt >= 0 && block.type !== 'footer' ? footerAt : blocks.length;
  blocks.splice(Math.max(0, Math.min(index, limit)), 0, block);
  return { ...design, blocks };
}

export function removeBlock(design: EmailDesign, id: string): EmailDesign {
  return {
    ...design,
    blocks: design.blocks
      .filter((b) => b.id !== id)
      .map((b) =>
        b.type === 'columns'
          ? { ...b, columns: b.columns.map((column) => column.filter((inner) => inner.id !== id)) }
          : b,
      ),
  };
}

/** Moves a top-level block by `delta` places (−1 up, +1 down); unchanged at the ends. */
export function moveBlock(design: EmailDesign, id: string, delta: number): EmailDesign {
  const from = design.blocks.findIndex((b) => b.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= design.blocks.length) return design;
  const blocks = [...design.blocks];
  const [moved] = blocks.splice(from, 1);
  if (moved) blocks.splice(to, 0, moved);
  return { ...design, blocks };
}

/** A copy of a block (a row with its blocks) right after it, under new ids. */
export function duplicateBlock(design: EmailDesign, id: string): EmailDesign {
  const index = design.blocks.findIndex((b) => b.id === id);
  const block = design.blocks[index];
  if (!block || block.type === 'footer') return design;
  const copyId = freshId(design, block.type);
  const copy: Block =
    block.type === 'columns'
      ? {
          ...structuredClone(block),
          id: copyId,
          columns: block.columns.map((column, c) =>
            column.map((inner, j) => ({ ...structuredClone(inner), id: `${copyId}-${c}-${j}` })),
          ),
        }
      : { ...structuredClone(block), id: copyId };
  return insertBlock(design, copy, index + 1);
}

/** The block with an id, in the top level or inside a row. */
export function findBlock(design: EmailDesign, id: string): Block | ColumnBlock | undefined {
  for (const block of design.blocks) {
    if (block.id === id) return block;
    if (block.type === 'columns')
      for (const column of block.columns) {
        const inner = column.find((b) => b.id === id);
        if (inner) return inner;
      }
  }
  return undefined;
}

/** The design with one block replaced (found by id, in rows too). */
export function replaceBlock(design: EmailDesign, next: Block | ColumnBlock): EmailDesign {
  return {
    ...design,
    blocks: design.blocks.map((b): Block => {
      if (b.id === next.id) return next;
      if (b.type !== 'columns') return b;
      return {
        ...b,
        columns: b.columns.map((column) =>
          column.map((inner) => (inner.id === next.id ? (next as ColumnBlock) : inner)),
        ),
      };
    }),
  };
}
