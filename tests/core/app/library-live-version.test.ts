import { afterEach, describe, expect, it } from 'vitest';
import { createAppService } from '../../../core/adapters/local-app';
import type { AppService } from '../../../core/app/app-service';
import { openDatabase } from '../../../core/adapters/sqlite/database';
import { callerOf } from './app-calls';

const JOURNEY = {
  format: 'journey-studio/journey',
  version: 1,
  id: 'welcome',
  name: 'Welcome',
  settings: { reentry: 'never', timezone: 'UTC' },
  nodes: [
    {
      id: 'signup',
      kind: 'trigger',
      position: { x: 0, y: 0 },
      config: { on: 'event', event: 'signup' },
    },
    { id: 'done', kind: 'exit', position: { x: 0, y: 120 }, config: {} },
  ],
  edges: [{ from: 'signup', to: 'done' }],
};

const open: AppService[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((app) => app.close()));
});

function service() {
  const app = createAppService({ db: openDatabase(':memory:'), eventApiPort: 0 });
  open.push(app);
  return callerOf(app);
}

describe('the live version in the library list', () => {
  it('is shown while the journey runs, and not once it is paused or stopped', async () => {
    const call = service();
    await call('importJourney', { fileName: 'welcome.json', text: JSON.stringify(JOURNEY) });
    const live = async () => (await call('listJourneys', {}))[0]?.liveVersion;

    await call('publishJourney', { journeyId: 'welcome' });
    expect(await live()).toBeUndefined();
    await call('setExecutionState', { journeyId: 'welcome', state: 'running' });
    expect(await live()).toBe(1);
    expect((await call('getJourney', { id: 'welcome' })).liveVersion).toBe(1);
    await call('setExecutionState', { journeyId: 'welcome', state: 'paused' });
    expect(await live()).toBeUndefined();
    await call('setExecutionState', { journeyId: 'welcome', state: 'stopped' });
    expect(await live()).toBeUndefined();
    expect((await call('getJourney', { id: 'welcome' })).liveVersion).toBeUndefined();
  });
});
