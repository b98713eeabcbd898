/**
 * Real calls through the real handlers, refused with a reason and the facts its sentence needs
 * (`REFUSALS`; the app's words for them are checked in tests/renderer/api-error-words.test.ts),
 * and the English message beside them, as the command line prints it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAppService } from '../../../core/adapters/local-app';
import { openDatabase } from '../../../core/adapters/sqlite/database';
import type { ApiError } from '../../../core/api/contract';
import { unwrapEnvelope } from '../../../core/app/api-dispatch';
import type { AppService } from '../../../core/app/app-service';
import type { Journey } from '../../../core/model/journey';
import { png } from '../email-design/image-bytes';
import { callerOf, refusal } from './app-calls';
import { REFUSALS } from './refusals';

const WELCOME = {
  format: 'journey-studio/journey',
  version: 1,
  id: 'welcome',
  name: 'Välkommen',
  settings: { reentry: 'never', timezone: 'Europe/Stockholm' },
  nodes: [
    {
      id: 'signup',
      kind: 'trigger',
      position: { x: 0, y: 0 },
      config: { on: 'event', event: 'signup' },
    },
    {
      id: 'hello',
      kind: 'message',
      position: { x: 0, y: 120 },
      config: {
        channel: 'email',
        from: 'Butiken <hej@example.se>',
        subject: 'Välkommen!',
        html: '<p>Hej {{ profile.first_name }}</p>',
      },
    },
    { id: 'done', kind: 'exit', position: { x: 0, y: 240 }, config: {} },
  ],
  edges: [
    { from: 'signup', to: 'hello' },
    { from: 'hello', to: 'done' },
  ],
} as unknown as Journey;

const open: AppService[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((app) => app.close()));
});

function service() {
  const app = createAppService({ db: openDatabase(':memory:'), eventApiPort: 0 });
  open.push(app);
  return callerOf(app);
}

type Call = ReturnType<typeof service>;

async function imported(call: Call, journey: Journey = WELCOME): Promise<void> {
  const result = await call('importJourney', {
    fileName: 'welcome.journey.json',
    text: JSON.stringify(journey),
  });
  expect(result.ok).toBe(true);
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The refusal as the app receives it: through the envelope every carrier sends. */
function carried(error: ApiError): ApiError {
  try {
    unwrapEnvelope({ ok: false, error: error.toBody() });
  } catch (rebuilt) {
    return rebuilt as ApiError;
  }
  throw new Error('the envelope carried no error');
}

/** The refusal's reason and facts, also as the app receives them through an envelope. */
function expectWords(error: ApiError, words: { reason: string; values: object }): void {
  expect(error).toMatchObject(words);
  expect(error.values).toEqual(words.values);
  expect(carried(error)).toMatchObject({ code: error.code, message: error.message, ...words });
}

describe('a refused call says why, in a reason and its facts', () => {
  it('retrying a message that was delivered', async () => {
    const call = service();
    await imported(call);
    await call('publishJourney', { journeyId: 'welcome' });
    await call('setExecutionState', { journeyId: 'welcome', state: 'running' });
    await call('sendTestEvent', { userId: 'ada', event: 'signup', traits: { email: 'a@x.se' } });
    const sent = await until(
      () => call('listOutbox', { status: 'delivered' }),
      (outbox) => outbox.messages.length === 1,
    );
    const error = await refusal(call('retryOutboxMessage', { id: sent.messages[0]!.id }));
    expect(error).toMatchObject({
      code: 'conflict',
      message: 'Only a dead message can be retried; this one is delivered.',
    });
    expectWords(error, REFUSALS.retryDelivered);
  });

  it('opening or publishing a journey deleted in another window, in the same words', async () => {
    const call = service();
    await imported(call);
    await call('deleteJourney', { id: 'welcome' });
    const opening = await refusal(call('getJourney', { id: 'welcome' }));
    expect(opening).toMatchObject({
      code: 'not-found',
      message: 'There is no journey "welcome" in the library.',
    });
    expectWords(opening, REFUSALS.deletedJourney);
    const publishing = await refusal(call('publishJourney', { journeyId: 'welcome' }));
    expect(publishing.message).toBe('There is no journey "welcome".');
    expectWords(publishing, REFUSALS.deletedJourney);
  });

  it('uploading an image too large or too wide for email', async () => {
    const call = service();
    const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
    const big = png(3000, 2000, Math.round(3.4 * 1024 * 1024));
    const large = await refusal(call('addImage', { name: 'sommar.jpg', data: base64(big) }));
    expect(large.message).toMatch(/^"sommar\.jpg" is 3\.4 MB; images up to 2\.0 MB /);
    expectWords(large, REFUSALS.imageTooLarge);
    const wide = await refusal(
      call('addImage', { name: 'banner.png', data: base64(png(5000, 400)) }),
    );
    expect(wide.message).toMatch(/^"banner\.png" is 5000 × 400 pixels; /);
    expectWords(wide, REFUSALS.imageTooWide);
    expect(await call('listImages', {})).toEqual([]);
  });

  it('importing data without the column it needs, or a picture as data', async () => {
    const call = service();
    const missing = await refusal(
      call('importDataset', {
        kind: 'events',
        name: 'Köp',
        fileName: 'köp.csv',
        text: 'when,what\n1,2\n',
      }),
    );
    expect(missing).toMatchObject({ code: 'invalid-request', field: 'text' });
    expect(missing.message).toMatch(/profile_id/);
    expectWords(missing, REFUSALS.missingColumn);
    const picture = await refusal(
      call('importDataset', {
        kind: 'profiles',
        name: 'Kunder',
        fileName: 'kunder.png',
        text: '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR',
      }),
    );
    expect(picture.message).toMatch(/a picture \(PNG\), not a customer list/);
    expectWords(picture, REFUSALS.pictureAsData);
    expect(await call('listDatasets', {})).toEqual([]);
  });

  it('importing a file of which no row can be read', async () => {
    const call = service();
    const error = await refusal(
      call('importDataset', {
        kind: 'events',
        name: 'x',
        fileName: 'x.csv',
        text: 'profile_id,name,time\np,view,never\n',
      }),
    );
    expect(error.message).toMatch(/^No row of x\.csv could be read \(line 2: "never"/);
    expectWords(error, REFUSALS.nothingImported);
  });

  it('publishing a journey with problems, counted', async () => {
    const call = service();
    const broken = {
      ...WELCOME,
      nodes: [
        ...WELCOME.nodes.map((n) =>
          n.id === 'hello' ? { ...n, config: { channel: 'email', from: '', subject: '' } } : n,
        ),
        {
          id: 'later',
          kind: 'wait',
          position: { x: 0, y: 360 },
          config: { mode: 'duration', duration: 'soon' },
        },
      ],
      edges: [
        { from: 'signup', to: 'hello' },
        { from: 'hello', to: 'later' },
        { from: 'later', to: 'done' },
      ],
    } as unknown as Journey;
    await imported(call, broken);
    const error = await refusal(call('publishJourney', { journeyId: 'welcome' }));
    expect(error.message).toMatch(/^The journey has problems to fix before it can be published: /);
    expectWords(error, REFUSALS.publishWithProblems);
  });

  it('pausing a journey that was never started, with its state as a code', async () => {
    const call = service();
    await imported(call);
    await call('publishJourney', { journeyId: 'welcome' });
    const error = await refusal(
      call('setExecutionState', { journeyId: 'welcome', state: 'paused' }),
    );
    expect(error.message).toBe('Only a running journey can be paused; this one is ready.');
    expectWords(error, REFUSALS.pauseNotStarted);
  });

  it('saving over a save made in another window', async () => {
    const call = service();
    await imported(call);
    const { revision } = await call('getJourney', { id: 'welcome' });
    expect(revision).toBe(1);
    await call('saveJourney', { journey: { ...WELCOME, name: 'Välkommen 2' }, revision });
    const error = await refusal(call('saveJourney', { journey: WELCOME, revision }));
    expect(error.code).toBe('conflict');
    expectWords(error, REFUSALS.saveConflict);
  });

  it('storing two steps with one id', async () => {
    const call = service();
    const twice = { ...WELCOME, nodes: [...WELCOME.nodes, WELCOME.nodes[2]!] } as Journey;
    const error = await refusal(call('saveJourney', { journey: twice }));
    expect(error.field).toBe('journey.nodes.3.id');
    expectWords(error, REFUSALS.duplicateStep);
  });
});
