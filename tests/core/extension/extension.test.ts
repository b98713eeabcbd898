import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLocalEngine } from '../../../core/adapters/local-engine';
import type * as ChannelList from '../../../core/channels/channel-list';
import type * as NodeList from '../../../core/nodes/node-list';
import { openDatabase } from '../../../core/adapters/sqlite/database';
import { JourneyExecutions } from '../../../core/adapters/sqlite/journey-execution';
import { makeProfile } from '../../../core/model/profile';
import { simulate } from '../../../core/simulator/simulate';
import { validateJourney } from '../../../core/validation/validate';
import { chain, journey, node } from '../build';

// A new kind and a new channel are their own files plus one registry entry each: the entries
// are made here, and nothing else in the source knows about them.
vi.mock('../../../core/nodes/node-list', async (importOriginal) => {
  const { NODE_DEFINITIONS } = await importOriginal<typeof NodeList>();
  const { nudgeNode } = await import('../../fixtures/extension/nudge.node');
  return { NODE_DEFINITIONS: [...NODE_DEFINITIONS, nudgeNode] };
});
vi.mock('../../../core/channels/channel-list', async (importOriginal) => {
  const { CHANNEL_DEFINITIONS } = await importOriginal<typeof ChannelList>();
  const { inAppChannel } = await import('../../fixtures/extension/inapp.channel');
  return { CHANNEL_DEFINITIONS: [...CHANNEL_DEFINITIONS, inAppChannel] };
});

const EXTENDED = journey(
  [
    node('start', 'trigger', { on: 'event', event: 'cart' }),
    node('note', 'message', {
      channel: 'inapp',
      title: 'Hi {{ profile.first_name }}',
      body: 'Your cart is waiting',
    }),
    node('poke', 'nudge', { title: 'Still there, {{ profile.nickname }}?', body: 'Come back' }),
  ],
  chain('start', 'note', 'poke'),
  { timezone: 'UTC' },
  'extended',
);

const T = Date.parse('2026-05-04T10:00:00Z');
const PROFILES = [
  makeProfile('ann', { first_name: 'Ann', app_user: 'app-ann' }),
  makeProfile('bob', { first_name: 'Bob' }),
  makeProfile('cid', { first_name: 'Cid', app_user: 'app-cid', inapp_opt_out: 'yes' }),
];

describe('a kind and a channel added in files of their own', () => {
  it('are counted in the simulation report: messages per step, per channel and per day', () => {
    const { report } = simulate({
      journey: EXTENDED,
      profiles: PROFILES,
      events: PROFILES.map((p, i) => ({
        profileId: p.id,
        name: 'cart',
        time: T + i * 60_000,
        properties: {},
      })),
    });
    const perStep = { sent: 1, skipped: { no_address: 1, unsubscribed: 1 }, deferred: 0 };
    expect(report.messages).toEqual({ note: perStep, poke: perStep });
    expect(report.sent).toEqual({ inapp: 2 });
    expect(report.skipped).toEqual({ no_address: 2, unsubscribed: 2 });
    expect(report.messagesPerDay).toEqual({ '2026-05-04': { inapp: 2 } });
    expect(report.nodes.poke).toEqual({ entered: 3, ports: { next: 3 } });
  });

  it('are checked: the channel’s own checks, and the journey checks for messages to people', () => {
    const issues = validateJourney(EXTENDED, undefined, { profiles: PROFILES }).issues;
    expect(issues.map((i) => [i.code, i.nodeId])).toEqual([
      ['port-open', 'poke'],
      ['template-variable-missing', 'poke'],
      ['quiet-hours-missing', 'note'],
      ['quiet-hours-missing', 'poke'],
      ['frequency-cap-missing', undefined],
    ]);
    expect(issues.find((i) => i.code === 'quiet-hours-missing')?.message).toMatch(
      /^In-app message "note" can go out at any hour/,
    );
    expect(issues.find((i) => i.code === 'frequency-cap-missing')?.message).toContain(
      'up to 2 messages from it ("note" and "poke")',
    );

    const broken = journey(
      [
        node('start', 'trigger', { on: 'event', event: 'cart' }),
        node('note', 'message', { channel: 'inapp', title: ' ', body: 'x' }),
        node('odd', 'message', { channel: 'pigeon', text: 'coo' }),
      ],
      chain('start', 'note', 'odd'),
    );
    const errors = validateJourney(broken).issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => i.message)).toEqual([
      'An in-app message needs a headline.',
      'Channel must be "email", "sms", "push", "webhook" or "inapp".',
    ]);
  });
});

describe('running live', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('delivers through the transport the channel names, and the live counts show the new step’s messages', async () => {
    const db = openDatabase(':memory:');
    const host = openLocalEngine({ db, token: 'extension-test', port: 0 });
    cleanups.push(() => host.stop());
    host.publish(EXTENDED);
    const url = await host.start();
    const reply = await fetch(`${url}/v1/batch`, {
      method: 'POST',
      headers: { authorization: 'Bearer extension-test', 'content-type': 'application/json' },
      body: JSON.stringify({
        batch: [
          { type: 'identify', userId: 'ann', traits: { first_name: 'Ann', app_user: 'app-ann' } },
          { type: 'track', userId: 'ann', event: 'cart' },
        ],
      }),
    });
    expect(reply.status).toBe(200);
    const executions = new JourneyExecutions(db);
    const until = Date.now() + 15_000;
    while (executions.counts('extended').messages.delivered < 2 && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 20));

    const counts = executions.counts('extended');
    const one = { pending: 0, delivered: 1, dead: 0, cancelled: 0 };
    expect(counts.nodes.note?.messages).toEqual(one);
    expect(counts.nodes.poke?.messages).toEqual(one);
    const kept = db.prepare('SELECT node_id, transport FROM outbox ORDER BY node_id').all() as {
      node_id: string;
      transport: string;
    }[];
    expect(kept).toEqual([
      { node_id: 'note', transport: 'embedded' },
      { node_id: 'poke', transport: 'embedded' },
    ]);
  });
});
