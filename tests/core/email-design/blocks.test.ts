/**
 * Every block compiles through MJML with validation `strict` (any MJML error throws), and the
 * HTML it makes renders with the engine's Liquid into what the reader should see.
 */
import { describe, expect, it } from 'vitest';
import { compileDesign, compileProblemOf } from '../../../core/email-design/compile-design';
import type { Block } from '../../../core/email-design/design-schema';
import { renderTemplate } from '../../../core/runtime/templating';
import { designOf, FOOTER, ONE_OF_EACH } from './designs';

const scope = (profile: Record<string, unknown>, event: Record<string, unknown> = {}) => ({
  profile,
  event,
  journey: { id: 'cart', name: 'Cart' },
  unsubscribe_url: 'https://studio.example/u/token',
  now: new Date('2025-03-03T10:00:00Z'),
});

async function rendered(blocks: Block[], profile = {}, event = {}) {
  const compiled = await compileDesign(designOf(blocks), { validationLevel: 'strict' });
  const html = renderTemplate(compiled.html, 'html', scope(profile, event));
  const text = renderTemplate(compiled.text, 'text', scope(profile, event));
  if (!html.ok || !text.ok) throw new Error('the compiled email does not render');
  return { ...compiled, html: html.text, text: text.text };
}

const EXPECT: Record<Block['type'], { html: RegExp[]; text?: RegExp }> = {
  heading: { html: [/<h1[^>]*>Hi Emma<\/h1>/], text: /Hi Emma/ },
  text: {
    html: [
      /<strong>cart<\/strong>/,
      /<a href="https:\/\/shop.example.com\/cart">open it<\/a>/,
      /<li>Free returns<\/li>/,
    ],
    text: /\* Free returns/,
  },
  image: {
    html: [
      /src="cid:img-0123456789abcdef@journey-studio"/,
      /alt="A wool throw on a sofa"/,
      /width="300"/,
    ],
  },
  button: {
    html: [/href="https:\/\/shop.example.com\/cart"/, /Back to your cart/, /background:#1f4e5f/],
    text: /Back to your cart \[https:\/\/shop.example.com\/cart\]/,
  },
  divider: { html: [/border-top:solid 1px #5f6b7a/] },
  spacer: { html: [/height:24px/] },
  columns: { html: [/Wool/, /Warm/, /mj-column-per-33/] },
  social: { html: [/href="https:\/\/instagram.com\/nordicshop"/, /Instagram/] },
  products: {
    html: [
      /Gotland Wool Throw/,
      /1290 SEK/,
      /Oak Cutting Board/,
      /src="https:\/\/img.example.com\/throw.jpg"/,
    ],
    text: /Oak Cutting Board/,
  },
  footer: {
    html: [/Sveavägen 12/, /<a href="https:\/\/studio.example\/u\/token"[^>]*>Unsubscribe<\/a>/],
    text: /Unsubscribe \[https:\/\/studio.example\/u\/token\]/,
  },
};

const EVENT = {
  products: [
    {
      name: 'Gotland Wool Throw',
      price: 1290,
      image_url: 'https://img.example.com/throw.jpg',
      url: 'https://shop.example.com/p/101',
    },
    { product_name: 'Oak Cutting Board', price: 450 },
  ],
};

describe('every block compiles with MJML validation strict', () => {
  for (const [type, block] of Object.entries(ONE_OF_EACH) as [Block['type'], Block][]) {
    it(`${type}`, async () => {
      const blocks = type === 'footer' ? [block] : [block, FOOTER];
      const email = await rendered(blocks, { first_name: 'Emma' }, EVENT);
      expect(email.problems).toEqual([]);
      for (const pattern of EXPECT[type].html) expect(email.html).toMatch(pattern);
      if (EXPECT[type].text) expect(email.text).toMatch(EXPECT[type].text);
    });
  }

  it('all blocks together, with a preheader, make one email under Gmail’s clipping size', async () => {
    const design = { ...designOf(Object.values(ONE_OF_EACH)), preheader: 'Your cart misses you' };
    const compiled = await compileDesign(design, { validationLevel: 'strict' });
    expect(compiled.problems).toEqual([]);
    expect(compiled.html).toContain('Your cart misses you');
    expect(compiled.text).not.toContain('Your cart misses you');
    expect(new TextEncoder().encode(compiled.html).length).toBeLessThan(102 * 1024);
    // Responsive and dark-mode friendly: a mobile breakpoint and a dark colour scheme.
    expect(compiled.html).toMatch(/@media only screen and \(min-width:480px\)/);
    expect(compiled.html).toContain('prefers-color-scheme: dark');
  });

  it('a conditional block shows only to the profiles it names', async () => {
    const vip: Block = {
      id: 'vip',
      type: 'text',
      html: '<p>Early access for VIPs</p>',
      align: 'left',
      showIf: { attribute: 'vip', op: 'is_true' },
    };
    const city: Block = {
      id: 'city',
      type: 'text',
      html: '<p>See you in Oslo</p>',
      align: 'left',
      showIf: { attribute: 'city', op: 'eq', value: 'Oslo' },
    };
    const forVip = await rendered([vip, city, FOOTER], { vip: true, city: 'Bergen' });
    expect(forVip.html).toContain('Early access for VIPs');
    expect(forVip.html).not.toContain('See you in Oslo');
    const other = await rendered([vip, city, FOOTER], { vip: false, city: 'Oslo' });
    expect(other.html).not.toContain('Early access for VIPs');
    expect(other.html).toContain('See you in Oslo');
  });

  it('a first-name chip prints the fallback for a profile without one, escaped as HTML', async () => {
    const heading = ONE_OF_EACH.heading;
    expect((await rendered([heading, FOOTER], {})).html).toMatch(/<h1[^>]*>Hi there<\/h1>/);
    expect((await rendered([heading, FOOTER], { first_name: '<b>Bo</b>' })).html).toContain(
      'Hi &lt;b&gt;Bo&lt;/b&gt;',
    );
  });

  it('a product block over the event itself shows the one product the event is about', async () => {
    const block: Block = {
      id: 'p',
      type: 'products',
      source: 'event',
      max: 1,
      currency: 'kr',
      buttonLabel: 'Buy',
    };
    const email = await rendered(
      [block, FOOTER],
      {},
      { product_name: 'Linen Napkins', price: 249 },
    );
    expect(email.html).toContain('Linen Napkins');
    expect(email.html).toContain('249 kr');
    expect(email.html).not.toContain('<img');
  });

  it('with a public address, library images are linked from it instead of embedded', async () => {
    const compiled = await compileDesign(designOf([ONE_OF_EACH.image, FOOTER]), {
      validationLevel: 'strict',
      imageUrl: (id) => `https://cdn.example.com/i/${id}`,
    });
    expect(compiled.html).toContain('src="https://cdn.example.com/i/img-0123456789abcdef"');
  });
});

describe('MJML problems of a design', () => {
  it('carry a code and facts, placed at their block', async () => {
    const button = { ...ONE_OF_EACH.button, id: 'b-odd', colour: '#12345' } as Block;
    const image = { ...ONE_OF_EACH.image, align: 'middle' } as unknown as Block;
    const compiled = await compileDesign(designOf([button, image, FOOTER]));
    expect(compiled.problems).toEqual([
      {
        code: 'mjml-invalid-value',
        values: { tag: 'mj-button', attribute: 'background-color', value: '#12345' },
        message: 'Attribute background-color has invalid value: #12345 for type Color ',
        blockId: 'b-odd',
      },
      {
        code: 'mjml-invalid-value',
        values: { tag: 'mj-image', attribute: 'align', value: 'middle' },
        message: expect.stringContaining('Attribute align has invalid value: middle') as string,
        blockId: 'b-image',
      },
    ]);
  });

  it('name MJML’s other complaints, and keep its words for the rest', () => {
    expect(
      compileProblemOf({ line: 3, tagName: 'mj-text', message: 'Attribute foo is illegal' }),
    ).toEqual({ code: 'mjml-unknown-attribute', values: { tag: 'mj-text', attribute: 'foo' } });
    expect(
      compileProblemOf({
        line: 3,
        tagName: 'mj-column',
        message: 'mj-column cannot be used inside mj-body, only inside: mj-attributes, mj-section',
      }),
    ).toEqual({ code: 'mjml-misplaced', values: { tag: 'mj-column', parent: 'mj-body' } });
    expect(
      compileProblemOf({
        line: 3,
        tagName: 'mj-foo',
        message: "Element mj-foo doesn't exist or is not registered",
      }),
    ).toEqual({ code: 'mjml-unknown-element', values: { tag: 'mj-foo' } });
    expect(compileProblemOf({ line: 3, message: 'Something new' })).toEqual({
      code: 'mjml-invalid',
      values: { tag: '', detail: 'Something new' },
    });
  });
});
