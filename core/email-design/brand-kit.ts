import { z } from 'zod';
import {
  colourField,
  DESIGN_VERSION,
  FONT_STACKS,
  type Block,
  type EmailDesign,
  type FontChoice,
  type Theme,
} from './design-schema';
import { librarySrc } from './images';

/**
 * The library's brand kit: what every new email design starts from (DESIGN.md §9), and what
 * the starters' emails are dressed in when a journey is made from one.
 */
export const brandKitSchema = z.object({
  /** The company as readers know it: "Nordic Shop". */
  name: z.string().trim().max(120),
  /** A library image shown at the top of every new email; none when absent. */
  logo: z
    .object({ imageId: z.string().min(1).max(80), width: z.number().int().min(40).max(400) })
    .optional(),
  colours: z.object({
    background: colourField,
    surface: colourField,
    text: colourField,
    muted: colourField,
    accent: colourField,
    buttonText: colourField,
  }),
  font: z.enum(Object.keys(FONT_STACKS) as [FontChoice, ...FontChoice[]]),
  /** The sender's postal address, printed in every footer. */
  address: z.string().trim().max(500),
  /** Why readers get the emails, printed above the unsubscribe link. */
  footerNote: z.string().trim().max(1_000),
  unsubscribeLabel: z.string().trim().min(1).max(100),
});
export type BrandKit = z.infer<typeof brandKitSchema>;

/** The kit a library starts with: neutral colours, no logo, an address still to fill in. */
export const DEFAULT_BRAND_KIT: BrandKit = {
  name: '',
  colours: {
    background: '#f3f4f6',
    surface: '#ffffff',
    text: '#1f2937',
    muted: '#6b7280',
    accent: '#1d4ed8',
    buttonText: '#ffffff',
  },
  font: 'sans',
  address: '',
  footerNote: 'You get this email because you signed up with us.',
  unsubscribeLabel: 'Unsubscribe',
};

/** A design's theme from a brand kit. */
export function themeOf(kit: BrandKit): Theme {
  return { ...kit.colours, font: kit.font };
}

/** The footer block a brand kit writes. */
export function brandFooter(kit: BrandKit, id = 'footer'): Block {
  return {
    id,
    type: 'footer',
    address: kit.address,
    note: kit.footerNote,
    unsubscribeLabel: kit.unsubscribeLabel,
  };
}

function logoBlock(kit: BrandKit): Block | undefined {
  if (!kit.logo) return undefined;
  return {
    id: 'logo',
    type: 'image',
    src: librarySrc(kit.logo.imageId),
    alt: kit.name || 'Logo',
    width: kit.logo.width,
    align: 'center',
  };
}

/**
 * A new email design in the brand kit's look: the logo, a heading that greets the reader by
 * name, a paragraph, a button and the footer with the postal address and unsubscribe link.
 */
export function newDesign(kit: BrandKit): EmailDesign {
  const logo = logoBlock(kit);
  return {
    version: DESIGN_VERSION,
    theme: themeOf(kit),
    blocks: [
      ...(logo ? [logo] : []),
      {
        id: 'heading',
        type: 'heading',
        text: 'Hi {{ profile.first_name | default: "there" }}',
        level: 1,
        align: 'left',
      },
      { id: 'intro', type: 'text', html: '<p>Write your message here.</p>', align: 'left' },
      {
        id: 'cta',
        type: 'button',
        label: 'Visit us',
        href: 'https://example.com',
        align: 'left',
      },
      brandFooter(kit),
    ],
  };
}

/**
 * A design dressed in a brand kit: its theme, its logo (or name) in the `logo` block, its
 * footer's address, note and link text. Blocks the marketer wrote stay as they are.
 */
export function applyBrand(design: EmailDesign, kit: BrandKit): EmailDesign {
  const logo = logoBlock(kit);
  const blocks = design.blocks.map((block): Block => {
    if (block.type === 'footer')
      return {
        ...block,
        address: kit.address || block.address,
        note: kit.footerNote || block.note,
        unsubscribeLabel: kit.unsubscribeLabel,
      };
    // The block with id `logo` is the brand's mark: the kit's logo, or its name as a wordmark.
    if (block.id === 'logo' && logo) return { ...logo, id: block.id };
    if (block.id === 'logo' && block.type === 'heading' && kit.name)
      return { ...block, text: kit.name };
    return block;
  });
  return { ...design, theme: { ...design.theme, ...themeOf(kit) }, blocks };
}

/** Whether a brand kit was ever changed from the one a library starts with. */
export function isDefaultKit(kit: BrandKit): boolean {
  return JSON.stringify(kit) === JSON.stringify(DEFAULT_BRAND_KIT);
}
