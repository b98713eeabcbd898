import type { Journey } from '../model/journey';
import { isRecord } from '../model/json-text';
import { applyBrand, type BrandKit } from './brand-kit';
import { compileDesign } from './compile-design';
import { readDesign, type EmailDesign } from './design-schema';

/**
 * A journey's designed emails, each made again from its design: `html` always, `text` unless
 * it was written by hand. `change` may alter each design first (dress it in a brand kit).
 */
export async function recompileDesigns(
  journey: Journey,
  change: (design: EmailDesign) => EmailDesign = (design) => design,
): Promise<Journey> {
  const nodes = await Promise.all(
    journey.nodes.map(async (node) => {
      const config = node.config;
      if (!isRecord(config) || config.design === undefined) return node;
      const read = readDesign(config.design);
      if (read.status !== 'ok') return node;
      const design = change(read.design);
      const { html, text } = await compileDesign(design);
      const keepText = design.plainText === 'written' && typeof config.text === 'string';
      return { ...node, config: { ...config, html, text: keepText ? config.text : text, design } };
    }),
  );
  return { ...journey, nodes };
}

/** A journey whose designed emails wear the library's brand kit (a new journey from a starter). */
export function dressInBrand(journey: Journey, kit: BrandKit): Promise<Journey> {
  return recompileDesigns(journey, (design) => applyBrand(design, kit));
}
