import {
  escapeAttribute,
  escapeTextKeepLiquid,
  sanitizeRichText,
  visibilityCondition,
} from './design-liquid';
import {
  FONT_STACKS,
  type Block,
  type BlockOf,
  type ColumnBlock,
  type EmailDesign,
  type Theme,
} from './design-schema';
import { libraryImageId } from './images';
import { SOCIAL_LABELS } from './social';

/** How the MJML of a design refers to library images: by CID, or by a hosted address. */
export interface MjmlOptions {
  /** The `src` of a library image; `cid:<id>@journey-studio` (embedded) by default. */
  imageUrl?: (id: string) => string;
}

/** The MJML of a design, and which lines each top-level block became (to point errors at it). */
export interface DesignMjml {
  mjml: string;
  lines: { blockId: string; from: number; to: number }[];
}

const HEADING_SIZES = { 1: 28, 2: 22, 3: 18 } as const;

/** The Content-ID a library image is embedded under. */
export function imageCid(id: string): string {
  return `${id}@journey-studio`;
}

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join('');
}

interface Context {
  theme: Theme;
  font: string;
  image: (src: string) => string;
}

function imageSource(src: string, options: MjmlOptions): string {
  const id = libraryImageId(src);
  if (id === undefined) return src;
  return options.imageUrl ? options.imageUrl(id) : `cid:${imageCid(id)}`;
}

function heading(block: BlockOf<'heading'>, ctx: Context): string {
  const size = HEADING_SIZES[block.level];
  const tag = `h${block.level}`;
  return `<mj-text${attrs({ align: block.align, 'font-size': `${size}px`, 'line-height': '1.25', color: ctx.theme.text, 'css-class': 'js-text' })}><${tag} style="margin:0;font-size:${size}px;font-weight:700;">${escapeTextKeepLiquid(block.text)}</${tag}></mj-text>`;
}

function text(block: BlockOf<'text'>, ctx: Context): string {
  return `<mj-text${attrs({ align: block.align, 'font-size': '16px', 'line-height': '1.6', color: ctx.theme.text, 'css-class': 'js-text' })}>${sanitizeRichText(block.html)}</mj-text>`;
}

function image(block: BlockOf<'image'>, ctx: Context): string {
  return `<mj-image${attrs({
    src: ctx.image(block.src),
    alt: block.alt,
    width: block.width !== undefined ? `${block.width}px` : undefined,
    href: block.href,
    align: block.align,
  })} />`;
}

function button(block: BlockOf<'button'>, ctx: Context): string {
  return `<mj-button${attrs({
    href: block.href,
    align: block.align,
    'background-color': block.colour ?? ctx.theme.accent,
    color: block.textColour ?? ctx.theme.buttonText,
    'font-size': '16px',
    'font-weight': '700',
    'inner-padding': '12px 28px',
    'border-radius': '6px',
  })}>${escapeTextKeepLiquid(block.label)}</mj-button>`;
}

function inColumn(block: ColumnBlock, ctx: Context): string {
  const inner = (() => {
    switch (block.type) {
      case 'heading':
        return heading(block, ctx);
      case 'text':
        return text(block, ctx);
      case 'image':
        return image(block, ctx);
      case 'button':
        return button(block, ctx);
      case 'divider':
        return `<mj-divider${attrs({ 'border-color': ctx.theme.muted, 'border-width': '1px' })} />`;
      case 'spacer':
        return `<mj-spacer${attrs({ height: `${block.height}px` })} />`;
    }
  })();
  return conditional(block, inner);
}

function conditional(block: Block | ColumnBlock, mjml: string): string {
  if (!block.showIf) return mjml;
  return `<mj-raw>{% if ${visibilityCondition(block.showIf)} %}</mj-raw>\n${mjml}\n<mj-raw>{% endif %}</mj-raw>`;
}

function section(ctx: Context, body: string, extra: Record<string, string> = {}): string {
  return `<mj-section${attrs({ 'background-color': ctx.theme.surface, padding: '6px 0', 'css-class': 'js-surface', ...extra })}>\n${body}\n</mj-section>`;
}

function columns(block: BlockOf<'columns'>, ctx: Context): string {
  const width = `${Math.floor(100 / block.columns.length)}%`;
  const body = block.columns
    .map(
      (column) =>
        `<mj-column${attrs({ width })}>\n${column.map((b) => inColumn(b, ctx)).join('\n')}\n</mj-column>`,
    )
    .join('\n');
  return section(ctx, body);
}

/**
 * Social links as text links, not MJML's icon set: the icons are images on a third party's
 * server, blocked by many mail programs and missing offline; a named link always shows.
 */
function social(block: BlockOf<'social'>, ctx: Context): string {
  const links = block.links
    .map(
      (link) =>
        `<a href="${escapeAttribute(link.url)}" style="color:${ctx.theme.text};text-decoration:underline;">${escapeTextKeepLiquid(SOCIAL_LABELS[link.network])}</a>`,
    )
    .join(' &nbsp;·&nbsp; ');
  return section(
    ctx,
    `<mj-column>\n<mj-text${attrs({ align: block.align, 'font-size': '14px', color: ctx.theme.text, 'css-class': 'js-text' })}>${links}</mj-text>\n</mj-column>`,
  );
}

/** The Liquid that prints a product field, whatever name the data uses for it. */
function field(item: string, names: readonly string[]): string {
  const [first, ...rest] = names;
  return `{{ ${item}.${first ?? 'name'}${rest.map((n) => ` | default: ${item}.${n}`).join('')} }}`;
}

function products(block: BlockOf<'products'>, ctx: Context): string {
  const item = block.source === 'event' ? 'event' : 'item';
  const imageField = `${item}.image_url | default: ${item}.image`;
  // One column, the picture above the words: a product without a picture leaves no gap.
  const row = section(
    ctx,
    [
      '<mj-column>',
      `<mj-raw>{% assign js_image = ${imageField} %}{% if js_image %}</mj-raw>`,
      `<mj-image${attrs({ src: '{{ js_image }}', alt: field(item, ['name', 'product_name', 'title']), width: '200px', align: 'left' })} />`,
      '<mj-raw>{% endif %}</mj-raw>',
      `<mj-text${attrs({ 'font-size': '17px', 'font-weight': '700', color: ctx.theme.text, 'css-class': 'js-text', 'padding-bottom': '2px' })}>${field(item, ['name', 'product_name', 'title'])}</mj-text>`,
      `<mj-text${attrs({ 'font-size': '16px', color: ctx.theme.text, 'css-class': 'js-text', 'padding-top': '0' })}>${field(item, ['price'])} ${escapeTextKeepLiquid(block.currency)}</mj-text>`,
      `<mj-raw>{% assign js_url = ${item}.url | default: ${item}.product_url %}{% if js_url %}</mj-raw>`,
      `<mj-button${attrs({ href: '{{ js_url }}', align: 'left', 'background-color': ctx.theme.accent, color: ctx.theme.buttonText, 'font-size': '14px', 'inner-padding': '8px 18px', 'border-radius': '6px' })}>${escapeTextKeepLiquid(block.buttonLabel)}</mj-button>`,
      '<mj-raw>{% endif %}</mj-raw>',
      '</mj-column>',
    ].join('\n'),
  );
  if (block.source === 'event') return row;
  return `<mj-raw>{% for item in ${block.source} limit: ${block.max} %}</mj-raw>\n${row}\n<mj-raw>{% endfor %}</mj-raw>`;
}

function footer(block: BlockOf<'footer'>, ctx: Context): string {
  const address = escapeTextKeepLiquid(block.address).replace(/\n/g, '<br>');
  const note = escapeTextKeepLiquid(block.note);
  return section(
    ctx,
    [
      '<mj-column>',
      `<mj-divider${attrs({ 'border-color': ctx.theme.muted, 'border-width': '1px' })} />`,
      `<mj-text${attrs({ align: 'center', 'font-size': '12px', 'line-height': '1.5', color: ctx.theme.muted, 'css-class': 'js-muted' })}>${address}${note ? `<br>${note}` : ''}<br><a href="{{ unsubscribe_url }}">${escapeTextKeepLiquid(block.unsubscribeLabel)}</a></mj-text>`,
      '</mj-column>',
    ].join('\n'),
    { 'padding-bottom': '24px' },
  );
}

/** A top-level block as MJML: in a section of its own, unless it makes its own sections. */
function topLevel(block: Block, ctx: Context): string {
  switch (block.type) {
    case 'columns':
      return conditional(block, columns(block, ctx));
    case 'social':
      return conditional(block, social(block, ctx));
    case 'products':
      return conditional(block, products(block, ctx));
    case 'footer':
      return footer(block, ctx);
    default:
      return section(ctx, `<mj-column>\n${inColumn(block, ctx)}\n</mj-column>`);
  }
}

/** The CSS that recolours the email in dark mode (mail programs that honour it, and the preview). */
export function darkModeCss(): string {
  return [
    '.js-body, .js-body > div { background-color: #121212 !important; }',
    '.js-surface, .js-surface > table { background-color: #1e1e1e !important; }',
    '.js-text div, .js-text h1, .js-text h2, .js-text h3, .js-text p, .js-text li { color: #f1f1f1 !important; }',
    '.js-muted div, .js-muted a { color: #b5b5b5 !important; }',
  ].join('\n');
}

/**
 * The MJML of a design: one section per block (rows and product loops make their own), the
 * theme's colours and font as inline attributes, dark-mode rules in the head, Liquid kept for
 * the engine to render per profile.
 */
export function designToMjml(design: EmailDesign, options: MjmlOptions = {}): DesignMjml {
  const theme = design.theme;
  const ctx: Context = {
    theme,
    font: FONT_STACKS[theme.font],
    image: (src) => imageSource(src, options),
  };
  const head = [
    '<mjml>',
    '<mj-head>',
    `<mj-attributes><mj-all${attrs({ 'font-family': ctx.font })} /><mj-text${attrs({ color: theme.text })} /></mj-attributes>`,
    design.preheader ? `<mj-preview>${escapeTextKeepLiquid(design.preheader)}</mj-preview>` : '',
    '<mj-raw><meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark"></mj-raw>',
    // Links in the brand's colours (mail programs colour them blue otherwise).
    `<mj-style>.js-muted a { color: ${theme.muted}; text-decoration: underline; }\n.js-text a { color: ${theme.accent}; }\n@media (prefers-color-scheme: dark) {\n${darkModeCss()}\n}</mj-style>`,
    '</mj-head>',
    `<mj-body${attrs({ 'background-color': theme.background, width: '600px', 'css-class': 'js-body' })}>`,
  ].filter((line) => line !== '');
  const lines: DesignMjml['lines'] = [];
  const out = [...head];
  let line = head.join('\n').split('\n').length + 1;
  for (const block of design.blocks) {
    const mjml = topLevel(block, ctx);
    const count = mjml.split('\n').length;
    lines.push({ blockId: block.id, from: line, to: line + count - 1 });
    out.push(mjml);
    line += count;
  }
  out.push('</mj-body>', '</mjml>');
  return { mjml: out.join('\n'), lines };
}
