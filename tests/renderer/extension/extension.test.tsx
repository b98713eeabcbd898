import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type * as ChannelList from '../../../core/channels/channel-list';
import type { Journey } from '../../../core/model/journey';
import type * as NodeList from '../../../core/nodes/node-list';
import type { SimulationReport } from '../../../core/simulator/report';
import type * as ChannelViews from '../../../renderer/channels/registry';
import { LiveCount } from '../../../renderer/execution/LiveCount';
import { OutboxDetail } from '../../../renderer/execution/OutboxDetail';
import { NodeInspector } from '../../../renderer/inspector/NodeInspector';
import type * as NodeViews from '../../../renderer/nodes/registry';
import { Palette } from '../../../renderer/panels/Palette';
import { messageRows } from '../../../renderer/simulation/messages';
import { chain, journey, node } from '../../core/build';
import { renderApp } from '../render-app';
import { counts, message, storeWith } from '../execution/execution-fake';
import { wordsIn } from '../words';

const english = wordsIn();

// A new kind and a new channel, each its core file and its view, plus one registry entry each,
// made here: nothing else in the source knows about them.
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
vi.mock('../../../renderer/nodes/registry', async (importOriginal) => {
  const { NODE_VIEWS } = await importOriginal<typeof NodeViews>();
  const { nudgeView } = await import('./nudge.view');
  const views = { ...NODE_VIEWS, nudge: nudgeView };
  return { NODE_VIEWS: views, nodeView: (kind: string) => views[kind as keyof typeof views] };
});
vi.mock('../../../renderer/channels/registry', async (importOriginal) => {
  const { CHANNEL_VIEWS } = await importOriginal<typeof ChannelViews>();
  const { inAppView } = await import('./inapp.view');
  const views = { ...CHANNEL_VIEWS, inapp: inAppView };
  return {
    CHANNEL_VIEWS: views,
    channelView: (channel: string) => views[channel as keyof typeof views],
  };
});

const EXTENDED: Journey = journey(
  [
    node('start', 'trigger', { on: 'event', event: 'cart' }),
    node('note', 'message', {
      channel: 'inapp',
      title: 'Hi {{ profile.first_name }}',
      body: 'Your cart is waiting',
    }),
    node('poke', 'nudge', { title: 'Still there?', body: 'Come back' }),
  ],
  chain('start', 'note', 'poke'),
  {},
  'extended',
);

function show(ui: React.ReactNode, j: Journey = EXTENDED) {
  const { store } = storeWith(j);
  // The message form's composers speak the app's languages: mounted as the app mounts them.
  renderApp(<>{ui}</>, { store });
  return store;
}

describe('a kind and a channel added in files of their own', () => {
  it('are offered in the palette, in their category', async () => {
    const store = show(<Palette />);
    const actions = screen.getByRole('heading', { name: 'Actions' }).parentElement!;
    expect(within(actions).getByTestId('palette-nudge').textContent).toBe('Nudge8');
    await userEvent.click(screen.getByTestId('palette-nudge'));
    const added = store.getState().journey?.nodes.at(-1);
    expect(added).toMatchObject({
      kind: 'nudge',
      config: { title: 'Psst', body: 'Something for you' },
    });
  });

  it('are edited in the inspector: the kind’s form, the channel’s fields, defaults and preview', async () => {
    const store = show(<NodeInspector nodeId="note" />);
    const channels = screen.getByRole('radiogroup');
    expect(
      within(channels)
        .getAllByRole('radio')
        .map((r) => r.textContent),
    ).toEqual(['Email', 'SMS', 'Push notification', 'Webhook', 'In-app message']);
    expect(screen.getByRole('textbox', { name: 'Headline' })).toHaveProperty(
      'value',
      'Hi {{ profile.first_name }}',
    );
    expect(within(screen.getByTestId('inapp-preview')).getByText('Hi Emma')).toBeTruthy();
    expect(
      screen.getByText('This profile has no app account: the message would be skipped.'),
    ).toBeTruthy();

    await userEvent.click(within(channels).getByRole('radio', { name: 'Email' }));
    await userEvent.click(within(channels).getByRole('radio', { name: 'In-app message' }));
    expect(store.getState().journey?.nodes[1]?.config).toEqual({
      channel: 'inapp',
      title: 'Hi {{ profile.first_name | default: "there" }}',
      body: 'We kept your cart.',
    });
  });

  it('shows the new kind’s form, generated from its schema', () => {
    show(<NodeInspector nodeId="poke" />);
    expect(screen.getByText('Nudge · Actions')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Headline' })).toHaveProperty(
      'value',
      'Still there?',
    );
  });

  it('count the new step’s messages live, none sent yet included', () => {
    const store = show(
      <>
        <LiveCount nodeId="poke" kind="nudge" />
        <LiveCount nodeId="start" kind="trigger" />
      </>,
    );
    act(() =>
      store.setState((s) => ({
        execution: {
          ...s.execution,
          open: true,
          info: {
            journeyId: 'extended',
            state: 'running',
            latestVersion: 1,
            liveVersion: 1,
            changedSincePublish: false,
            counts: counts('extended', { nodes: { start: { here: 0 } } }),
          },
        },
      })),
    );
    expect(screen.getByTestId('live-delivered-poke').textContent).toBe('0');
    expect(screen.queryByTestId('live-delivered-start')).toBeNull();
  });

  it('list the new step in the simulation’s messages, under the new channel', () => {
    const report = {
      nodes: { note: { entered: 3, ports: { next: 3 } }, poke: { entered: 3, ports: { next: 3 } } },
      messages: {
        note: { sent: 1, skipped: { no_address: 2 }, deferred: 0 },
        poke: { sent: 3, skipped: {}, deferred: 0 },
      },
    } as unknown as SimulationReport;
    expect(
      messageRows(english, report, EXTENDED).map((r) => [r.nodeId, r.channel, r.sent]),
    ).toEqual([
      ['note', 'inapp', 1],
      ['poke', 'inapp', 3],
    ]);
  });

  it('show a kept in-app message in the outbox through the channel’s view', () => {
    show(
      <OutboxDetail
        message={{
          ...message(7, { channel: 'inapp', nodeId: 'note', title: 'Hi Ann' }),
          content: { channel: 'inapp', title: 'Hi Ann', body: 'Your cart is waiting' },
          log: [],
        }}
      />,
    );
    expect(screen.getByTestId('inapp-outbox').textContent).toBe('Hi AnnYour cart is waiting');
    expect(screen.queryByTestId('outbox-subject')).toBeNull();
  });
});
