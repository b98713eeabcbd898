/**
 * The email checks: warnings with stable codes pointed at the block (never blocking), and the
 * errors a designed email cannot be sent with — a removed footer, Liquid that does not parse in
 * a block, a damaged design — each saying where and why.
 */
import { describe, expect, it } from 'vitest';
import { compileDesign } from '../../../core/email-design/compile-design';
import type { Block, EmailDesign } from '../../../core/email-design/design-schema';
import { validateJourney } from '../../../core/validation/validate';
import { edge, journey, node } from '../build';
import { designOf, FOOTER, ONE_OF_EACH } from './designs';

async function designed(design: EmailDesign, extra: Record<string, unknown> = {}) {
  const { html, text } = await compileDesign(design);
  return journey(
    [
      node('start', 'trigger', { on: 'event', event: 'cart' }),
      node('mail', 'message', {
        channel: 'email',
        from: 'Nordic Shop <shop@example.com>',
        subject: 'Your cart',
        html,
        text,
        design,
        ...extra,
      }),
    ],
    [edge('start', 'mail')],
    { quietHours: { start: '21:00', end: '08:00' } },
  );
}

const issuesOf = (j: ReturnType<typeof journey>) =>
  validateJourney(j).issues.map((i) => ({
    code: i.code,
    severity: i.severity,
    path: (i.path ?? []).join('.'),
    message: i.message,
  }));

describe('email checks', () => {
  it('a well-made design has no email warnings', async () => {
    const issues = issuesOf(await designed(designOf(Object.values(ONE_OF_EACH))));
    expect(issues.filter((i) => i.code.startsWith('email-'))).toEqual([]);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('points each warning at its block, with a stable code', async () => {
    const blocks: Block[] = [
      { id: 'i', type: 'image', src: 'https://img.example.com/a.png', alt: ' ', align: 'center' },
      {
        id: 'b',
        type: 'button',
        label: 'Go',
        href: 'http://shop.example.com',
        align: 'left',
        colour: '#ffff00',
        textColour: '#ffffff',
      },
      { ...FOOTER, address: '' },
    ];
    const issues = issuesOf(await designed(designOf(blocks)));
    const warnings = issues.filter((i) => i.code.startsWith('email-'));
    expect(warnings.map((w) => [w.code, w.path])).toEqual([
      ['email-image-alt-missing', 'nodes.1.config.design.blocks.0.alt'],
      ['email-link-insecure', 'nodes.1.config.design.blocks.1.href'],
      ['email-button-contrast-low', 'nodes.1.config.design.blocks.1.textColour'],
      ['email-postal-address-missing', 'nodes.1.config.design.blocks.2.address'],
    ]);
    expect(warnings.every((w) => w.severity === 'warning')).toBe(true);
    expect(warnings[0]?.message).toMatch(/^Block 1 \(Image\) has no alt text/);
    expect(warnings[2]?.message).toMatch(/contrast of 1\.1:1; at least 4\.5:1/);
  });

  it('warns about an email over 102 KB, which Gmail clips', async () => {
    const big = (id: string): Block => ({
      id,
      type: 'text',
      html: `<p>${'Lorem ipsum dolor sit amet. '.repeat(700)}</p>`,
      align: 'left',
    });
    const blocks = ['a', 'b', 'c', 'd', 'e', 'f'].map(big);
    const issues = issuesOf(await designed(designOf([...blocks, FOOTER])));
    const clipped = issues.find((i) => i.code === 'email-too-large');
    expect(clipped?.message).toMatch(/HTML is 1\d\d KB; Gmail cuts off emails over 102 KB/);
  });

  it('checks hand-written HTML too: images without alt, http links', () => {
    const j = journey(
      [
        node('start', 'trigger', { on: 'event', event: 'cart' }),
        node('mail', 'message', {
          channel: 'email',
          from: 'shop@example.com',
          subject: 'Hi',
          html: '<img src="https://x.example/a.png"><a href="http://x.example">x</a><a href="{{ unsubscribe_url }}">Unsubscribe</a>',
        }),
      ],
      [edge('start', 'mail')],
    );
    expect(
      issuesOf(j)
        .filter((i) => i.code.startsWith('email-'))
        .map((i) => i.code),
    ).toEqual(['email-image-alt-missing', 'email-link-insecure']);
  });

  it('removing the footer is an error: it carries the unsubscribe link and the postal address', async () => {
    const issues = issuesOf(await designed(designOf([ONE_OF_EACH.heading])));
    const missing = issues.find((i) => i.code === 'email-footer-missing');
    expect(missing).toMatchObject({ severity: 'error', path: 'nodes.1.config.design.blocks' });
    expect(missing?.message).toMatch(/add the Footer block back/);
  });

  it('a Liquid error in a block is an error pointed at that block; nothing of the design is lost', async () => {
    const broken: Block = {
      id: 'h',
      type: 'heading',
      text: 'Hi {{ profile.first_name | default: "there" ',
      level: 1,
      align: 'left',
    };
    const design = designOf([ONE_OF_EACH.text, broken, FOOTER]);
    const j = await designed(design);
    const issue = issuesOf(j).find(
      (i) => i.code === 'template-invalid' && i.path.includes('design'),
    );
    expect(issue).toMatchObject({ severity: 'error', path: 'nodes.1.config.design.blocks.1.text' });
    expect(issue?.message).toMatch(/^Block 2 \(Heading\): /);
    expect((j.nodes[1]?.config as { design: EmailDesign }).design).toEqual(design);
  });

  it('a damaged design is an error naming the place', async () => {
    const j = await designed(designOf([FOOTER]));
    (j.nodes[1]!.config as { design: { blocks: unknown[] } }).design.blocks.push({
      id: 'x',
      type: 'button',
      label: 'Go',
    });
    const issue = issuesOf(j).find((i) => i.code === 'config-invalid');
    expect(issue?.path).toMatch(/^nodes\.1\.config\.design\.blocks\.1/);
    expect(issue?.message).toMatch(/The email design is damaged at blocks\.1/);
  });
});
