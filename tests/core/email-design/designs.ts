import type { Block, EmailDesign, Theme } from '../../../core/email-design/design-schema';

export const THEME: Theme = {
  background: '#f4f1ec',
  surface: '#ffffff',
  text: '#1f2933',
  muted: '#5f6b7a',
  accent: '#1f4e5f',
  buttonText: '#ffffff',
  font: 'sans',
};

export const FOOTER: Block = {
  id: 'footer',
  type: 'footer',
  address: 'Nordic Shop · Sveavägen 12, 111 57 Stockholm, Sweden',
  note: 'You get this email because you shop with us.',
  unsubscribeLabel: 'Unsubscribe',
};

/** One block of each type, as the designer makes it. */
export const ONE_OF_EACH: Record<Block['type'], Block> = {
  heading: {
    id: 'b-heading',
    type: 'heading',
    text: 'Hi {{ profile.first_name | default: "there" }}',
    level: 1,
    align: 'left',
  },
  text: {
    id: 'b-text',
    type: 'text',
    html: '<p>Your <strong>cart</strong> is <em>waiting</em>: <a href="https://shop.example.com/cart">open it</a>.</p><ul><li>Free returns</li><li>Fast delivery</li></ul>',
    align: 'left',
  },
  image: {
    id: 'b-image',
    type: 'image',
    src: 'library:img-0123456789abcdef',
    alt: 'A wool throw on a sofa',
    width: 300,
    align: 'center',
  },
  button: {
    id: 'b-button',
    type: 'button',
    label: 'Back to your cart',
    href: 'https://shop.example.com/cart',
    align: 'center',
  },
  divider: { id: 'b-divider', type: 'divider' },
  spacer: { id: 'b-spacer', type: 'spacer', height: 24 },
  columns: {
    id: 'b-columns',
    type: 'columns',
    columns: [
      [{ id: 'c1', type: 'heading', text: 'Wool', level: 3, align: 'left' }],
      [{ id: 'c2', type: 'text', html: '<p>Warm</p>', align: 'left' }],
      [
        {
          id: 'c3',
          type: 'button',
          label: 'Shop',
          href: 'https://shop.example.com',
          align: 'left',
        },
      ],
    ],
  },
  social: {
    id: 'b-social',
    type: 'social',
    links: [
      { network: 'instagram', url: 'https://instagram.com/nordicshop' },
      { network: 'facebook', url: 'https://facebook.com/nordicshop' },
    ],
    align: 'center',
  },
  products: {
    id: 'b-products',
    type: 'products',
    source: 'event.products',
    max: 3,
    currency: 'SEK',
    buttonLabel: 'View',
  },
  footer: FOOTER,
};

export function designOf(blocks: Block[], theme: Theme = THEME): EmailDesign {
  return { version: 1, theme, blocks };
}
