import { z } from 'zod';
import { isRecord } from '../model/json-text';

/**
 * An email as blocks (DESIGN.md §9): the source from which the message node's `html` and `text`
 * are generated. Versioned on its own, so a design saved by a newer app is recognised and left
 * alone instead of being misread.
 */
export const DESIGN_VERSION = 1;

const HEX = /^#[0-9a-fA-F]{6}$/;
export const colourField = z.string().regex(HEX, { error: 'a colour is written #RRGGBB' });
const align = z.enum(['left', 'center', 'right']);
/** A profile attribute a condition reads: a plain name, so the Liquid it makes is safe. */
const attributeName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'an attribute name is letters, digits and _' });

/** "Show only to …": a test on one profile attribute, written as a Liquid `if` around the block. */
export const visibilitySchema = z.object({
  attribute: attributeName,
  op: z.enum(['is_true', 'is_false', 'exists', 'not_exists', 'eq', 'neq']),
  value: z.string().max(200).optional(),
});
export type Visibility = z.infer<typeof visibilitySchema>;

const common = {
  id: z.string().min(1).max(60),
  showIf: visibilitySchema.optional(),
};

export const headingBlockSchema = z.looseObject({
  ...common,
  type: z.literal('heading'),
  text: z.string().max(500),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  align,
});
export const textBlockSchema = z.looseObject({
  ...common,
  type: z.literal('text'),
  /** Rich text: paragraphs, bold, italic, links and lists, with Liquid. */
  html: z.string().max(20_000),
  align,
});
export const imageBlockSchema = z.looseObject({
  ...common,
  type: z.literal('image'),
  /** `library:<id>` for an image of the library, or an https:// address. */
  src: z.string().max(2_000),
  alt: z.string().max(300),
  /** Shown width in pixels; the column's width when absent. */
  width: z.number().int().min(16).max(600).optional(),
  href: z.string().max(2_000).optional(),
  align,
});
export const buttonBlockSchema = z.looseObject({
  ...common,
  type: z.literal('button'),
  label: z.string().max(200),
  href: z.string().max(2_000),
  align,
  /** The button's colours; the theme's accent and button text when absent. */
  colour: colourField.optional(),
  textColour: colourField.optional(),
});
export const dividerBlockSchema = z.looseObject({ ...common, type: z.literal('divider') });
export const spacerBlockSchema = z.looseObject({
  ...common,
  type: z.literal('spacer'),
  height: z.number().int().min(4).max(160),
});
export const SOCIAL_NETWORKS = [
  'facebook',
  'instagram',
  'linkedin',
  'x',
  'youtube',
  'pinterest',
] as const;
export const socialBlockSchema = z.looseObject({
  ...common,
  type: z.literal('social'),
  links: z.array(z.object({ network: z.enum(SOCIAL_NETWORKS), url: z.string().max(2_000) })).max(8),
  align,
});
/** Where a product block finds its products: a list on the event or the profile, or the event itself. */
export const PRODUCT_SOURCES = ['event.products', 'event.items', 'profile.cart', 'event'] as const;
export const productsBlockSchema = z.looseObject({
  ...common,
  type: z.literal('products'),
  source: z.enum(PRODUCT_SOURCES),
  /** At most this many products are shown. */
  max: z.number().int().min(1).max(12),
  currency: z.string().max(12),
  buttonLabel: z.string().max(100),
});
export const footerBlockSchema = z.looseObject({
  ...common,
  type: z.literal('footer'),
  /** The sender's postal address, which marketing law asks for. */
  address: z.string().max(500),
  /** Why the reader gets this email. */
  note: z.string().max(1_000),
  unsubscribeLabel: z.string().min(1).max(100),
});

/** Blocks that may sit inside a column of a row. */
export const columnBlockSchema = z.discriminatedUnion('type', [
  headingBlockSchema,
  textBlockSchema,
  imageBlockSchema,
  buttonBlockSchema,
  dividerBlockSchema,
  spacerBlockSchema,
]);
export type ColumnBlock = z.infer<typeof columnBlockSchema>;

export const columnsBlockSchema = z.looseObject({
  ...common,
  type: z.literal('columns'),
  /** Two or three columns, each a list of blocks. */
  columns: z.array(z.array(columnBlockSchema).max(20)).min(2).max(3),
});

export const blockSchema = z.discriminatedUnion('type', [
  headingBlockSchema,
  textBlockSchema,
  imageBlockSchema,
  buttonBlockSchema,
  dividerBlockSchema,
  spacerBlockSchema,
  columnsBlockSchema,
  socialBlockSchema,
  productsBlockSchema,
  footerBlockSchema,
]);
export type Block = z.infer<typeof blockSchema>;
export type BlockType = Block['type'];
export type BlockOf<T extends BlockType> = Extract<Block, { type: T }>;

/** Web-safe font stacks: every mail program has them, so nothing is fetched. */
export const FONT_STACKS = {
  sans: 'Helvetica, Arial, sans-serif',
  humanist: "'Segoe UI', Tahoma, Verdana, sans-serif",
  serif: "Georgia, 'Times New Roman', serif",
  mono: "'Courier New', Courier, monospace",
} as const;
export type FontChoice = keyof typeof FONT_STACKS;

/** The design's look, taken from the brand kit when the design is made. */
export const themeSchema = z.looseObject({
  background: colourField,
  surface: colourField,
  text: colourField,
  muted: colourField,
  accent: colourField,
  buttonText: colourField,
  font: z.enum(Object.keys(FONT_STACKS) as [FontChoice, ...FontChoice[]]),
});
export type Theme = z.infer<typeof themeSchema>;

export const designSchema = z.looseObject({
  version: z.literal(DESIGN_VERSION),
  theme: themeSchema,
  /** The line mail programs show after the subject. */
  preheader: z.string().max(300).optional(),
  /** `written`: the plain-text part was edited by hand and is no longer generated. */
  plainText: z.enum(['generated', 'written']).optional(),
  blocks: z.array(blockSchema).max(200),
});
export type EmailDesign = z.infer<typeof designSchema>;

/** A design read from a journey: usable, from a newer app, or broken (with where and why). */
export type DesignRead =
  | { status: 'ok'; design: EmailDesign }
  | { status: 'newer'; version: number; message: string }
  | { status: 'invalid'; message: string; path: (string | number)[] };

/**
 * Reads a message's `design`. A design from a newer version of the app is not an error: the
 * email's `html` still works and is sent as it is, only its blocks cannot be edited here.
 */
export function readDesign(value: unknown): DesignRead {
  if (isRecord(value) && typeof value.version === 'number' && value.version > DESIGN_VERSION) {
    return {
      status: 'newer',
      version: value.version,
      message: `This email was designed in a newer version of Journey Studio (design version ${value.version}; this app reads up to ${DESIGN_VERSION}). Its HTML is sent as it is; update the app to edit its blocks.`,
    };
  }
  const parsed = designSchema.safeParse(value);
  if (parsed.success) return { status: 'ok', design: parsed.data };
  const first = parsed.error.issues[0];
  const path = (first?.path ?? []).map((p) => (typeof p === 'number' ? p : String(p)));
  return {
    status: 'invalid',
    path,
    message: `The email design is damaged at ${path.join('.') || 'its top'}: ${first?.message ?? 'unreadable'}.`,
  };
}

/** Every block of a design, rows' blocks included, each with its place in the design. */
export function allBlocks(
  design: EmailDesign,
): { block: Block | ColumnBlock; path: (string | number)[] }[] {
  const out: { block: Block | ColumnBlock; path: (string | number)[] }[] = [];
  design.blocks.forEach((block, i) => {
    out.push({ block, path: ['blocks', i] });
    if (block.type === 'columns')
      block.columns.forEach((column, c) =>
        column.forEach((inner, j) =>
          out.push({ block: inner, path: ['blocks', i, 'columns', c, j] }),
        ),
      );
  });
  return out;
}
