import type { JsonPath } from '../model/json-text';
import { checkTemplate } from '../runtime/templating';
import { templateProblemValues } from '../runtime/template-problems';
import type { IssueCode, IssueDraft } from '../validation/catalogue';
import { contrastRatio, MIN_TEXT_CONTRAST } from './contrast';
import {
  allBlocks,
  readDesign,
  type Block,
  type ColumnBlock,
  type EmailDesign,
} from './design-schema';

/** Gmail clips an email whose HTML is larger than this, hiding the rest (and the unsubscribe link). */
export const GMAIL_CLIP_BYTES = 102 * 1024;

/** A finding about an email's content, as a journey check reports it. */
export interface ContentFinding {
  code: IssueCode;
  message: string;
  /** Relative to the node's config. */
  path: JsonPath;
}

const BLOCK_NAMES: Record<(Block | ColumnBlock)['type'], string> = {
  heading: 'Heading',
  text: 'Text',
  image: 'Image',
  button: 'Button',
  divider: 'Divider',
  spacer: 'Spacer',
  columns: 'Columns',
  social: 'Social links',
  products: 'Products',
  footer: 'Footer',
};

/** "Block 3 (Button)": how messages point at a block. */
export function blockName(path: JsonPath, block: Block | ColumnBlock): string {
  const top = Number(path[1]) + 1;
  const inner = path.length > 2 ? `, column ${Number(path[3]) + 1}` : '';
  return `Block ${top}${inner} (${BLOCK_NAMES[block.type]})`;
}

/** The Liquid sources of a block, by field. */
export function blockTemplates(block: Block | ColumnBlock): [string, string][] {
  switch (block.type) {
    case 'heading':
      return [['text', block.text]];
    case 'text':
      return [['html', block.html]];
    case 'button':
      return [
        ['label', block.label],
        ['href', block.href],
      ];
    case 'image':
      return [
        ['alt', block.alt],
        ['src', block.src],
      ];
    case 'footer':
      return [
        ['address', block.address],
        ['note', block.note],
      ];
    default:
      return [];
  }
}

function links(block: Block | ColumnBlock): { field: string; href: string }[] {
  switch (block.type) {
    case 'button':
      return [{ field: 'href', href: block.href }];
    case 'image':
      return [
        ...(block.href ? [{ field: 'href', href: block.href }] : []),
        { field: 'src', href: block.src },
      ];
    case 'social':
      return block.links.map((l, i) => ({ field: `links.${i}`, href: l.url }));
    case 'text':
      return [...block.html.matchAll(/href="([^"]*)"/g)].map((m) => ({
        field: 'html',
        href: m[1] ?? '',
      }));
    default:
      return [];
  }
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

function designFindings(design: EmailDesign): ContentFinding[] {
  const out: ContentFinding[] = [];
  for (const { block, path } of allBlocks(design)) {
    const at: JsonPath = ['design', ...path];
    const name = blockName(path, block);
    if (block.type === 'image' && block.alt.trim() === '')
      out.push({
        code: 'email-image-alt-missing',
        path: [...at, 'alt'],
        message: `${name} has no alt text. Mail programs that block images, and screen readers, show the alt text instead: say what the image shows.`,
      });
    for (const { field, href } of links(block))
      if (/^http:\/\//i.test(href.trim()))
        out.push({
          code: 'email-link-insecure',
          path: [...at, field],
          message: `${name} links to ${href}, which is not https. Mail programs warn about such links and spam filters count them against the email: use https://.`,
        });
    if (block.type === 'button') {
      const background = block.colour ?? design.theme.accent;
      const text = block.textColour ?? design.theme.buttonText;
      const ratio = contrastRatio(text, background);
      if (ratio < MIN_TEXT_CONTRAST)
        out.push({
          code: 'email-button-contrast-low',
          path: [...at, block.textColour ? 'textColour' : 'colour'],
          message: `${name}: its text (${text} on ${background}) has a contrast of ${ratio.toFixed(1)}:1; at least ${MIN_TEXT_CONTRAST}:1 is needed to read it easily. Pick a darker button or lighter text.`,
        });
    }
    if (block.type === 'footer' && block.address.trim() === '')
      out.push({
        code: 'email-postal-address-missing',
        path: [...at, 'address'],
        message: `${name} has no postal address. Marketing law (CAN-SPAM, the Nordic marketing acts) asks for the sender's postal address in every marketing email: add it here or in the brand kit.`,
      });
  }
  return out;
}

function htmlFindings(html: string): ContentFinding[] {
  const out: ContentFinding[] = [];
  const images = [...html.matchAll(/<img\b[^>]*>/gi)].filter(
    (m) => !/\balt\s*=\s*("[^"]+"|'[^']+')/i.test(m[0]),
  );
  if (images.length > 0)
    out.push({
      code: 'email-image-alt-missing',
      path: ['html'],
      message: `${images.length} image${images.length === 1 ? ' has' : 's have'} no alt text. Mail programs that block images, and screen readers, show the alt text instead: say what each image shows.`,
    });
  const insecure = [...html.matchAll(/\bhref\s*=\s*["']?(http:\/\/[^"'\s>]*)/gi)].map((m) => m[1]);
  if (insecure.length > 0)
    out.push({
      code: 'email-link-insecure',
      path: ['html'],
      message: `The email links to ${insecure.slice(0, 2).join(', ')}${insecure.length > 2 ? ` and ${insecure.length - 2} more` : ''}, not https. Mail programs warn about such links and spam filters count them against the email: use https://.`,
    });
  return out;
}

/**
 * What an email's content should fix (journey checks, never blocking): clipped by Gmail, images
 * without alt text, links that are not https, button text hard to read, no postal address. A
 * designed email is checked block by block; a hand-written one through its HTML.
 */
export function emailFindings(config: Readonly<Record<string, unknown>>): ContentFinding[] {
  const out: ContentFinding[] = [];
  const html = typeof config.html === 'string' ? config.html : '';
  const size = byteLength(html);
  if (size > GMAIL_CLIP_BYTES)
    out.push({
      code: 'email-too-large',
      path: ['html'],
      message: `The email's HTML is ${Math.round(size / 1024)} KB; Gmail cuts off emails over 102 KB behind a "View entire message" link, hiding the rest and the unsubscribe link. Remove blocks or images.`,
    });
  const read = config.design === undefined ? undefined : readDesign(config.design);
  if (read?.status === 'ok') out.push(...designFindings(read.design));
  else if (read?.status === 'newer')
    out.push({ code: 'email-design-newer', path: ['design'], message: read.message });
  else if (read === undefined) out.push(...htmlFindings(html));
  return out;
}

/**
 * Problems that stop a designed email from being sent as designed: a damaged design, a removed
 * footer (it carries the unsubscribe link and postal address), Liquid that does not parse in a
 * block — each pointed at its block.
 */
export function designErrors(design: unknown): IssueDraft[] {
  const read = readDesign(design);
  if (read.status === 'newer') return [];
  if (read.status === 'invalid')
    return [{ code: 'config-invalid', path: ['design', ...read.path], message: read.message }];
  const out: IssueDraft[] = [];
  if (!read.design.blocks.some((b) => b.type === 'footer'))
    out.push({
      code: 'email-footer-missing',
      path: ['design', 'blocks'],
      message:
        'The email has no footer. The footer carries the unsubscribe link and your postal address, which the law requires in marketing email: add the Footer block back.',
    });
  for (const { block, path } of allBlocks(read.design))
    for (const [field, source] of blockTemplates(block)) {
      const parsed = checkTemplate(source);
      if (!parsed.ok)
        out.push({
          code: 'template-invalid',
          path: ['design', ...path, field],
          message: `${blockName(path, block)}: ${parsed.error}.`,
          values: { ...templateProblemValues(parsed.problem), fieldTitle: blockName(path, block) },
        });
    }
  return out;
}
