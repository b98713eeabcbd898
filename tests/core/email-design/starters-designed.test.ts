/**
 * The starters' emails are built with the designer: each one's `html` and `text` are exactly what
 * its design compiles to (the design is the source). Journeys saved before designs existed — the
 * fixtures, and the starters as they were — open, validate, save and simulate unchanged, and a
 * starter simulates to the same report with its designed emails as with its hand-written ones.
 */
import { describe, expect, it } from 'vitest';
import { compileDesign } from '../../../core/email-design/compile-design';
import { applyBrand, DEFAULT_BRAND_KIT } from '../../../core/email-design/brand-kit';
import { dressInBrand } from '../../../core/email-design/designed-journey';
import { readDesign } from '../../../core/email-design/design-schema';
import { serializeJourney } from '../../../core/model/journey-file';
import { findStarter, STARTERS, type Starter } from '../../../core/templates/starters';
import { validateJourney } from '../../../core/validation/validate';
import { fixtureFiles, fixtureText, loadJourney } from '../fixtures';
import { simulateStarter } from '../templates/starter-data';

describe.each(STARTERS.map((s) => [s.id, s] as const))('starter %s', (_id, starter) => {
  it('every email is designed, and its HTML and text are what the design compiles to', async () => {
    const emails = starter.journey.nodes.filter((n) => n.config.channel === 'email');
    expect(emails.length).toBeGreaterThan(0);
    for (const node of emails) {
      const read = readDesign(node.config.design);
      if (read.status !== 'ok') throw new Error(`${node.id}: ${read.status}`);
      const compiled = await compileDesign(read.design, { validationLevel: 'strict' });
      expect(node.config.html, node.id).toBe(compiled.html);
      expect(node.config.text, node.id).toBe(compiled.text);
      expect(read.design.blocks.at(-1)?.type).toBe('footer');
    }
  });
});

describe('journeys saved before email designs', () => {
  it.each(fixtureFiles('journeys'))('%s opens, validates and saves unchanged', (name) => {
    const journey = loadJourney(name);
    expect(fixtureText('journeys', name)).not.toContain('"design"');
    expect(serializeJourney(loadJourney(name))).toBe(serializeJourney(journey));
    const codes = validateJourney(journey).issues.map((i) => i.code);
    expect(codes.filter((c) => c === 'email-footer-missing' || c === 'email-design-newer')).toEqual(
      [],
    );
  });

  it.each(['abandoned-cart', 'win-back'])(
    'the %s starter simulates to the same report as it did with hand-written HTML',
    async (id) => {
      const designed = findStarter(id)!;
      const before: Starter = { ...designed, journey: loadJourney(`pre-designer-${id}.json`) };
      const [now, then] = await Promise.all([simulateStarter(designed), simulateStarter(before)]);
      expect(now.report).toEqual(then.report);
      expect(now.messages.map((m) => [m.profileId, m.nodeId, m.at])).toEqual(
        then.messages.map((m) => [m.profileId, m.nodeId, m.at]),
      );
      // The same person gets the same subject, and the designed body says what the old one said.
      const first = now.messages.find((m) => m.content.channel === 'email');
      const old = then.messages.find((m) => m.content.channel === 'email');
      expect(first?.content).toMatchObject({
        subject: (old?.content as { subject: string }).subject,
      });
      const said = /<p>([^<{]{20,60})/.exec((old?.content as { html: string }).html)?.[1];
      expect(said).toBeDefined();
      expect((first?.content as { html: string }).html).toContain(said);
    },
  );
});

describe('a starter in the library’s brand kit', () => {
  it('takes the kit’s colours, name and address, and its emails are compiled again', async () => {
    const kit = {
      ...DEFAULT_BRAND_KIT,
      name: 'Fjällbacka Outdoor',
      address: 'Storgatan 1, 457 40 Fjällbacka',
      colours: { ...DEFAULT_BRAND_KIT.colours, accent: '#7a1f1f' },
    };
    const dressed = await dressInBrand(findStarter('birthday')!.journey, kit);
    const mail = dressed.nodes.find((n) => n.id === 'gift')!;
    expect(mail.config.html).toContain('Fjällbacka Outdoor');
    expect(mail.config.html).toContain('Storgatan 1, 457 40 Fjällbacka');
    expect(mail.config.html).toContain('background:#7a1f1f');
    expect(mail.config.html).not.toContain('Nordic Shop');
    const read = readDesign(mail.config.design);
    if (read.status !== 'ok') throw new Error('design');
    expect(read.design).toEqual(applyBrand(read.design, kit));
  });
});
