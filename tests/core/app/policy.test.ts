import { afterEach, describe, expect, it } from 'vitest';
import { createAppService } from '../../../core/adapters/local-app';
import { openDatabase } from '../../../core/adapters/sqlite/database';
import type { AppService } from '../../../core/app/app-service';
import type { Journey } from '../../../core/model/journey';
import { callerOf, refusal } from './app-calls';

const open: AppService[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((app) => app.close()));
});

function service() {
  const app = createAppService({ db: openDatabase(':memory:'), eventApiPort: 0 });
  open.push(app);
  // Async, so that input refused by the contract arrives as a rejection, as over the wire.
  const call = callerOf(app);
  return { app, call };
}

/** A journey that emails whoever performs `event`, at once. */
function mailer(id: string, name: string, event: string, priority?: number): Journey {
  return {
    format: 'journey-studio/journey',
    version: 1,
    id,
    name,
    settings: { reentry: 'always', timezone: 'UTC', ...(priority !== undefined && { priority }) },
    nodes: [
      { id: 'start', kind: 'trigger', config: { on: 'event', event } },
      {
        id: 'mail',
        kind: 'message',
        config: {
          channel: 'email',
          from: 'shop@example.com',
          subject: `${name}`,
          html: '<p>Hi</p><a href="{{ unsubscribe_url }}">Unsubscribe</a>',
        },
      },
    ],
    edges: [{ from: 'start', to: 'mail' }],
  };
}

async function withData(call: ReturnType<typeof service>['call']) {
  const profiles = await call('importDataset', {
    kind: 'profiles',
    name: 'People',
    fileName: 'people.csv',
    text: 'id,email\nann,ann@example.com\nbob,bob@example.com\n',
  });
  const events = await call('importDataset', {
    kind: 'events',
    name: 'Behaviour',
    fileName: 'events.csv',
    text: [
      'profile_id,name,time',
      'ann,cart,2026-05-04T09:00:00Z',
      'ann,view,2026-05-04T10:00:00Z',
      'bob,view,2026-05-04T09:00:00Z',
      'bob,cart,2026-05-05T12:00:00Z',
    ].join('\n'),
  });
  return { profilesDatasetId: profiles.dataset.id, eventsDatasetId: events.dataset.id };
}

async function imported(call: ReturnType<typeof service>['call'], journey: Journey) {
  const result = await call('importJourney', {
    fileName: `${journey.id}.json`,
    text: JSON.stringify(journey),
  });
  expect(result.ok).toBe(true);
}

describe('the library’s sending policy in the app', () => {
  it('is saved, read back in channel order, and checked', async () => {
    const { call } = service();
    expect(await call('getSendingPolicy', {})).toEqual({ policy: {} });
    const saved = await call('saveSendingPolicy', {
      policy: { sms: { per: 'P7D', max: 2 }, email: { max: 1, per: 'PT16H' } },
    });
    expect(saved).toEqual({
      policy: { email: { max: 1, per: 'PT16H' }, sms: { max: 2, per: 'P7D' } },
    });
    expect(await call('getSendingPolicy', {})).toEqual(saved);
    const bad = await refusal(
      call('saveSendingPolicy', { policy: { email: { max: 1, per: 'tomorrow' } } }),
    );
    expect(bad.code).toBe('invalid-request');
    expect(bad.field).toBe('policy.email.per');
    expect(bad.message).toMatch(/must be a positive duration such as PT16H/);
    expect(await call('getSendingPolicy', {})).toEqual(saved);
    expect(await call('saveSendingPolicy', { policy: {} })).toEqual({ policy: {} });
  });

  it('holds in the app’s simulations, which say so', async () => {
    const { call } = service();
    const data = await withData(call);
    const cart = mailer('cart', 'Cart', 'cart');
    await imported(call, cart);
    const free = await call('simulate', { journeyId: 'cart', ...data, days: 3 });
    expect(free.report.policy).toBeUndefined();
    await call('saveSendingPolicy', { policy: { email: { max: 1, per: 'P7D' } } });
    // One cart each: nothing for the policy to hold back, but the report says it held.
    const under = await call('simulate', { journeyId: 'cart', ...data, days: 3 });
    expect(under.report.policy).toEqual({ email: { max: 1, per: 'P7D' } });
    expect(under.report.messages.mail?.sent).toBe(2);
  });

  it('simulates a journey with the other live journeys, and traces a person through them all', async () => {
    const { call } = service();
    const data = await withData(call);
    await imported(call, mailer('browse', 'Browse', 'view', 80));
    await imported(call, mailer('cart', 'Cart', 'cart'));
    await call('publishJourney', { journeyId: 'browse' });
    await call('setExecutionState', { journeyId: 'browse', state: 'running' });
    await call('saveSendingPolicy', { policy: { email: { max: 1, per: 'P1D' } } });
    const run = await call('simulate', { journeyId: 'cart', ...data, days: 3, withLive: true });
    expect(run.params.withLive).toBe(true);
    expect(run.report.journey).toBe('cart');
    // Ann's cart mail at 09:00 goes; her browse mail an hour later is held back. Bob's browse
    // mail goes on the 4th; his cart mail on the 5th, 27 hours later, goes too.
    expect(run.report.messages.mail).toEqual({ sent: 2, skipped: {}, deferred: 0 });
    expect(run.report.portfolio?.journeys).toEqual([
      { id: 'cart', name: 'Cart', priority: 50, sent: 2, held: 0 },
      { id: 'browse', name: 'Browse', version: 1, priority: 80, sent: 1, held: 1 },
    ]);
    expect(run.report.portfolio?.policy.lost).toEqual([
      { journey: 'browse', to: 'cart', messages: 1, profiles: 1 },
    ]);
    const trace = await call('traceProfile', { runId: run.id, profileId: 'ann' });
    expect(
      trace.steps.filter((s) => s.type === 'message' || s.type === 'skip').map((s) => s.journeyId),
    ).toEqual(['cart', 'browse']);
    expect(trace.steps.find((s) => s.type === 'skip')?.reason).toBe('policy');
    expect(trace.messages).toHaveLength(1);
    // A forecast of them together, at the library's rates: the one message held back is Browse's,
    // an hour after Cart's, before anyone could respond — in every run.
    const forecast = await call('simulate', {
      journeyId: 'cart',
      ...data,
      days: 3,
      withLive: true,
      forecast: { runs: 10 },
    });
    expect(forecast.report.forecast?.runs).toBe(10);
    expect(forecast.report.portfolio?.forecast?.runs).toBe(10);
    expect(forecast.report.portfolio?.forecast?.policy.held).toEqual({
      mean: 1,
      p10: 1,
      p50: 1,
      p90: 1,
    });
    const [own, other] = forecast.report.portfolio?.journeys ?? [];
    expect(own?.assumptions).toEqual(forecast.report.assumptions);
    expect(other?.assumptions?.length).toBeGreaterThan(0);
    const traced = await call('traceProfile', { runId: forecast.id, profileId: 'ann' });
    expect(traced.steps.find((s) => s.type === 'skip')?.reason).toBe('policy');
  });
});
