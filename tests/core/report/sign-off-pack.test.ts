import { describe, expect, it } from 'vitest';
import type { Journey } from '../../../core/model/journey';
import { canvasPicture } from '../../../core/report/canvas-svg';
import { journeySha256 } from '../../../core/report/journey-hash';
import { signOffPackHtml, type SignOffPackInput } from '../../../core/report/sign-off-pack';
import { ENGLISH_PACK_LABELS } from '../../../core/report/pack-labels';
import type { Spread } from '../../../core/forecast/statistics';
import type { Forecast } from '../../../core/forecast/forecast-report';

const HOSTILE = '<img src=x onerror=alert(1)>"&\'';

function journey(name = 'Spring cart'): Journey {
  return {
    format: 'journey-studio/journey',
    version: 1,
    id: 'spring-cart',
    name,
    settings: { reentry: 'never', timezone: 'Europe/Stockholm' },
    nodes: [
      {
        id: 'carted',
        kind: 'trigger',
        label: `Carted ${HOSTILE}`,
        position: { x: 0, y: 0 },
        config: { on: 'event', event: 'cart' },
      },
      {
        id: 'wait',
        kind: 'wait',
        position: { x: 0, y: 140 },
        config: { mode: 'duration', duration: 'PT2H' },
      },
      {
        id: 'mail',
        kind: 'message',
        position: { x: 0, y: 280 },
        config: {
          channel: 'email',
          from: 'Shop <hello@example.com>',
          subject: `{{ profile.first_name }}, ${HOSTILE}`,
          html: '<p>Hi {{ profile.first_name }} <a href="{{ unsubscribe_url }}">Unsubscribe</a></p>',
        },
      },
    ],
    edges: [
      { from: 'carted', to: 'wait' },
      { from: 'wait', to: 'mail' },
    ],
  } as unknown as Journey;
}

const people = [
  {
    name: 'Emma Lind',
    profile: { id: 'e', first_name: 'Emma', email: 'e@example.com' },
    event: {},
  },
  {
    name: `Mallory ${HOSTILE}`,
    profile: { id: 'm', first_name: HOSTILE, email: 'm@example.com' },
    event: {},
  },
];

const spread = (p50: number, p10 = p50 - 2, p90 = p50 + 2): Spread => ({
  mean: p50,
  p10,
  p50,
  p90,
});

async function pack(overrides: Partial<SignOffPackInput> = {}): Promise<string> {
  const j = overrides.journey ?? journey();
  return signOffPackHtml({
    journey: j,
    sha256: await journeySha256(j),
    people,
    madeAt: Date.parse('2025-03-03T09:00:00Z'),
    ...overrides,
  });
}

describe('the sign-off pack', () => {
  it('has every part, in order, each on a page of its own in print', async () => {
    const html = await pack();
    const ids = [...html.matchAll(/<section id="([a-z]+)" class="part/g)].map((m) => m[1]);
    expect(ids).toEqual([
      'approvals',
      'canvas',
      'steps',
      'checks',
      'proofs',
      'forecast',
      'policy',
      'tests',
    ]);
    expect(html).toContain('@media print');
    expect(html).toContain('.part{break-before:page}');
    expect(html).not.toMatch(/<script/i);
  });

  it('escapes hostile names, labels, subjects and proof people everywhere', async () => {
    const html = await pack({ journey: journey(`Cart ${HOSTILE}`) });
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('Cart &lt;img src=x onerror=alert(1)&gt;&#34;&amp;&#39;');
    // The rendered subject for Mallory, whose first name is the hostile text itself.
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // Email HTML is shown in a frame that runs nothing, its source escaped into srcdoc.
    expect(html).toMatch(/<iframe class="proof-frame" sandbox="" [^>]*srcdoc="&lt;p&gt;Hi Emma/);
  });

  it('prints the SHA-256 of the version, the same for the same journey whatever its key order', async () => {
    const j = journey();
    const { nodes, edges, ...rest } = j;
    const reordered = JSON.parse(JSON.stringify({ edges, nodes, ...rest })) as Journey;
    const hash = await journeySha256(j);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await journeySha256(reordered)).toBe(hash);
    const edited = { ...j, name: 'Spring cart 2' };
    expect(await journeySha256(edited)).not.toBe(hash);
    expect(await pack({ journey: j, sha256: hash })).toContain(
      `<p class="hash" data-sha256>${hash}</p>`,
    );
  });

  it('words every step and its settings, and where each leads', async () => {
    const html = await pack();
    expect(html).toContain('Wait for: 2 hours');
    expect(html).toContain('Leads to: “Wait 2 hours”');
    expect(html).toContain('leaves the journey');
  });

  it('renders each message for each sample person with the engine’s Liquid', async () => {
    const html = await pack();
    expect(html).toContain('Rendered for Emma Lind');
    expect(html).toContain('<dd class="proof-text">Emma, &lt;img');
  });

  it('lists the checks’ findings', async () => {
    const html = await pack();
    // The email has no postal address: a warning the checks raise for marketing email.
    expect(html).toMatch(/class="sev-warning"/);
  });

  it('gives the forecast as ranges, and says when a single run cannot tell', async () => {
    const forecast = {
      runs: 100,
      conversions: { total: spread(40), caused: spread(12) },
      messages: {
        mail: {
          sent: spread(90),
          opened: spread(40),
          clicked: spread(8),
          converted: spread(12),
          unsubscribed: spread(1, 0, 3),
          complained: spread(0, 0, 0),
        },
      },
    } as unknown as Forecast;
    const html = await pack({ forecast: { forecast, assumptions: [] } });
    expect(html).toContain('Conversions:</strong> 40 (38–42)');
    expect(html).toContain('<td>1 (0–3)</td>');
    const single = await pack({
      forecast: { forecast: { ...forecast, runs: 1 }, assumptions: [] },
    });
    expect(single).toContain('40 (too few runs to tell)');
    expect(await pack()).toContain(ENGLISH_PACK_LABELS.forecastNone);
  });

  it('marks an approval stale once the journey differs from the approved version', async () => {
    const j = journey();
    const hash = await journeySha256(j);
    const approval = {
      id: 1,
      journeyId: j.id,
      version: 1,
      name: `Ada ${HOSTILE}`,
      role: 'Brand',
      comment: 'Fine',
      approvedAt: Date.parse('2025-03-04T10:00:00Z'),
      sha256: hash,
    };
    const holds = await pack({ journey: j, approvals: [approval], currentSha256: hash });
    expect(holds).toContain('Holds for this version');
    expect(holds).toContain('Ada &lt;img');
    const stale = await pack({ journey: j, approvals: [approval], currentSha256: 'f'.repeat(64) });
    expect(stale).toContain('<tr class="stale">');
    expect(stale).toContain('Stale: the journey was edited after this approval');
  });

  it('states the sending policy, and the journey’s priority', async () => {
    const j = journey();
    const prioritised = { ...j, settings: { ...j.settings, priority: 70 } } as Journey;
    const html = await pack({
      journey: prioritised,
      policy: { email: { max: 1, per: 'PT16H' }, sms: { max: 2, per: 'P7D' } },
    });
    expect(html).toContain('<tr><td>Email</td><td>1 / 16 hours</td></tr>');
    expect(html).toContain('<tr><td>SMS</td><td>2 / 7 days</td></tr>');
    expect(html).toContain('Journey priority: 70');
    const none = await pack();
    expect(none).toContain(ENGLISH_PACK_LABELS.policyNone);
    expect(none).toContain('Journey priority: 50');
  });

  it('follows the reader’s language and time zone', async () => {
    const html = await pack({
      labels: { ...ENGLISH_PACK_LABELS, approvals: 'Godkännanden' },
      locale: 'sv',
      timeZone: 'Europe/Stockholm',
    });
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<h2>Godkännanden</h2>');
    expect(html).toContain('3 mars 2025 10:00');
  });
});

describe('the canvas picture', () => {
  it('draws a card per step and a line per connection, marking steps in words as well as colour', () => {
    const svg = canvasPicture(journey(), { marks: new Map([['mail', 'added']]) });
    expect(svg.match(/<g data-step=/g)).toHaveLength(3);
    expect(svg.match(/<path d="M[\d.]+ [\d.]+ C/g)).toHaveLength(2);
    expect(svg).toContain('data-mark="added"');
    expect(svg).toContain('MESSAGE · ADDED');
    expect(svg).not.toContain('<img');
  });

  it('lays out a journey saved without positions', () => {
    const j = journey();
    const bare = { ...j, nodes: j.nodes.map(({ position: _p, ...n }) => n) } as Journey;
    const svg = canvasPicture(bare);
    const ys = [...svg.matchAll(/<rect x="[\d.-]+" y="([\d.-]+)"/g)].map((m) => Number(m[1]));
    expect(new Set(ys).size).toBe(3);
  });
});
