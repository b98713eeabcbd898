import { readPersonalTag } from '../../core/email-design/design-liquid';

/** A piece of text with Liquid: plain text, a personalisation chip, or other Liquid shown as code. */
export type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'chip'; attribute: string; fallback: string; liquid: string }
  | { kind: 'liquid'; liquid: string };

const LIQUID = /(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\})/;

/** Text cut into plain parts, chips (`{{ profile.x | default: "y" }}`) and other Liquid. */
export function piecesOf(text: string): Piece[] {
  return text
    .split(LIQUID)
    .map((part, i): Piece | undefined => {
      if (part === '') return undefined;
      if (i % 2 === 0) return { kind: 'text', text: part };
      const chip = readPersonalTag(part);
      return chip ? { kind: 'chip', ...chip, liquid: part } : { kind: 'liquid', liquid: part };
    })
    .filter((p): p is Piece => p !== undefined);
}

/** The attributes chips offer first; any other attribute name can be typed. */
export const CHIP_ATTRIBUTES = ['first_name', 'last_name', 'city', 'country', 'email'] as const;

/** Rich text for editing: chips become non-editable pills that hold their Liquid. */
export function editableHtml(html: string, label: (attribute: string) => string): string {
  return piecesOf(html)
    .map((piece) => {
      if (piece.kind !== 'chip') return piece.kind === 'text' ? piece.text : escape(piece.liquid);
      return chipHtml(piece.liquid, label(piece.attribute), piece.fallback);
    })
    .join('');
}

export function chipHtml(liquid: string, label: string, fallback: string): string {
  const title = fallback ? `${label} · ${fallback}` : label;
  return `<span class="chip" contenteditable="false" data-liquid="${escape(liquid)}" title="${escape(title)}">${escape(label)}</span>`;
}

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The stored rich text of an edited element: chips back to their Liquid. */
export function storedHtml(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('span.chip[data-liquid]').forEach((chip) => {
    chip.replaceWith(document.createTextNode(chip.getAttribute('data-liquid') ?? ''));
  });
  // Browsers write <div> for new lines and <b>/<i> for bold and italic; keep paragraphs.
  return copy.innerHTML
    .replace(/<div>/g, '<p>')
    .replace(/<\/div>/g, '</p>')
    .replace(/&nbsp;/g, ' ');
}
