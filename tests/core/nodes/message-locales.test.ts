import { describe, expect, it } from 'vitest';
import type { JourneyEvent } from '../../../core/model/event';
import { makeProfile } from '../../../core/model/profile';
import { languageOf, localisedConfig } from '../../../core/nodes/message-locales';
import { validateJourney } from '../../../core/validation/validate';
import { executeScenario, simulateScenario, plain } from '../executor/agreement';
import { chain, journey, node } from '../build';

const START = Date.UTC(2026, 4, 4, 9);
const welcome = () =>
  journey(
    [
      node('start', 'trigger', { on: 'event', event: 'signup' }),
      node('hello', 'message', {
        channel: 'email',
        from: 'Nordic Shop <shop@example.com>',
        subject: 'Welcome, {{ profile.first_name }}',
        html: '<p>Hello</p><a href="{{ unsubscribe_url }}">Unsubscribe</a>',
        locales: {
          sv: {
            subject: 'Välkommen, {{ profile.first_name }}',
            html: '<p>Hej</p><a href="{{ unsubscribe_url }}">Avregistrera</a>',
          },
          nb: { subject: 'Velkommen, {{ profile.first_name }}' },
        },
      }),
    ],
    chain('start', 'hello'),
    { quietHours: { start: '21:00', end: '08:00' } },
  );

const people = [
  makeProfile('anna', { first_name: 'Anna', email: 'anna@example.se', locale: 'sv-SE' }),
  makeProfile('ola', { first_name: 'Ola', email: 'ola@example.no', locale: 'nb_NO' }),
  makeProfile('kari', { first_name: 'Kari', email: 'kari@example.no', locale: 'no' }),
  makeProfile('jane', { first_name: 'Jane', email: 'jane@example.com', locale: 'en-GB' }),
  makeProfile('lars', { first_name: 'Lars', email: 'lars@example.dk' }),
];
const signups: JourneyEvent[] = people.map((p, i) => ({
  name: 'signup',
  profileId: p.id,
  time: START + i * 60_000,
  properties: {},
}));

describe('message content per language', () => {
  it('reads a profile’s language from its locale', () => {
    expect(['sv-SE', 'nb_NO', 'no', 'EN', 'pt-BR', '', 42].map(languageOf)).toEqual([
      'sv',
      'nb',
      'nb',
      'en',
      'pt',
      undefined,
      undefined,
    ]);
  });

  it('a variant replaces only the fields it has; the default content fills the rest', () => {
    const config = welcome().nodes[1]?.config as Record<string, unknown>;
    const nb = localisedConfig(config, 'nb-NO');
    expect(nb.subject).toBe('Velkommen, {{ profile.first_name }}');
    expect(nb.html).toBe(config.html);
    expect(localisedConfig(config, 'da-DK')).toBe(config);
  });

  it('simulation and execution send each profile its language, with the fallback for the rest', async () => {
    const scenario = {
      journey: welcome(),
      profiles: people,
      events: signups,
      start: START,
      end: START + 3_600_000,
    };
    const simulated = simulateScenario(scenario);
    const executed = await executeScenario(scenario);
    const subjects = (messages: readonly { profileId: string; content: unknown }[]) =>
      Object.fromEntries(
        messages.map((m) => [m.profileId, (m.content as { subject: string }).subject]),
      );
    expect(subjects(simulated.messages)).toEqual({
      anna: 'Välkommen, Anna',
      ola: 'Velkommen, Ola',
      kari: 'Velkommen, Kari',
      jane: 'Welcome, Jane',
      lars: 'Welcome, Lars',
    });
    expect(subjects(plain(executed.messages))).toEqual(subjects(simulated.messages));
    const anna = simulated.messages.find((m) => m.profileId === 'anna');
    expect((anna?.content as { html: string }).html).toContain('Avregistrera');
  });

  it('warns about a language the profiles speak that a message has no content for', () => {
    const j = welcome();
    const profiles = [...people, makeProfile('jonas', { locale: 'de-DE' })];
    const issues = validateJourney(j, undefined, { profiles }).issues.filter(
      (i) => i.code === 'missing-language',
    );
    expect(issues.map((i) => [i.nodeId, i.severity, i.values?.languages, i.values?.count])).toEqual(
      [['hello', 'warning', 'de', 1]],
    );
    // Declared languages count even without sample profiles speaking them.
    j.settings = { ...j.settings, languages: ['en', 'sv', 'nb', 'fi'] };
    const declared = validateJourney(j).issues.find((i) => i.code === 'missing-language');
    expect(declared?.values).toMatchObject({
      languages: 'fi',
      count: 0,
      stepTitle: 'Email: Welcome, {{ profile.first_name }}',
    });
  });

  it('checks the templates of every language', () => {
    const j = welcome();
    const config = j.nodes[1]?.config as { locales: Record<string, Record<string, string>> };
    config.locales.sv = { subject: 'Hej {{ profile.first_name' };
    const broken = validateJourney(j).issues.find((i) => i.code === 'template-invalid');
    expect(broken?.path).toEqual(['nodes', 1, 'config', 'locales', 'sv', 'subject']);
    expect(broken?.message).toMatch(/^Subject \(sv\): missing a closing \}\}/);
  });
});
