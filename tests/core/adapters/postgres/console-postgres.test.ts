import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseApiInput, type ApiMethod, type ApiOutput } from '../../../../core/api/contract';
import { createAppService } from '../../../../core/adapters/local-app';
import { openDatabase } from '../../../../core/adapters/sqlite/database';
import { memorySecretStore } from '../../../../core/app/memory-secret-store';
import type { Output } from '../../../../core/cli/output';
import { serveCommand } from '../../../../core/cli/serve.command';
import type { LiveEngine } from '../../../../core/executor/live-engine';
import { chain, journey, node } from '../../build';
import { postgresInstalled, startCluster, type PgCluster } from './pg-cluster';

const TOKEN = 'console-pg-token-0123456789';

let cluster: PgCluster;
beforeAll(async () => {
  if (postgresInstalled) cluster = await startCluster();
}, 60_000);
afterAll(() => cluster?.stop(), 60_000);

const carts = journey(
  [
    node('start', 'trigger', { on: 'event', event: 'cart' }),
    node('mail', 'message', {
      channel: 'email',
      from: 'shop@example.com',
      subject: 'Your cart',
      html: '<p>x</p>',
    }),
  ],
  chain('start', 'mail'),
  {},
  'carts',
);

describe.skipIf(!postgresInstalled)('the app as console of a server engine on PostgreSQL', () => {
  it('publishes a journey designed on the desktop to serve on PostgreSQL, where it runs', async () => {
    const out: Output = { print: () => undefined, error: () => undefined };
    const stop = new AbortController();
    let ready!: (value: { url: string; engine: LiveEngine }) => void;
    const started = new Promise<{ url: string; engine: LiveEngine }>((r) => (ready = r));
    const done = serveCommand(['--db', cluster.migrated(), '--port', '0', '--token', TOKEN], out, {
      env: {},
      signal: stop.signal,
      statusEveryMs: 0,
      onReady: (r) => ready(r),
    });
    const app = createAppService({
      db: openDatabase(':memory:'),
      eventApiPort: 0,
      secrets: memorySecretStore(),
    });
    try {
      const { url, engine } = await started;
      const call = <M extends ApiMethod>(method: M, input: unknown): Promise<ApiOutput<M>> =>
        (app.handlers[method] as (i: unknown) => Promise<ApiOutput<M>>)(
          parseApiInput(method, input),
        );
      await call('saveJourney', { journey: carts });
      const { report } = await call('connectServer', { url, token: TOKEN });
      expect(report).toMatchObject({ ok: true, journeysLive: 0 });
      expect(await call('publishJourney', { journeyId: 'carts' })).toMatchObject({
        created: true,
        latestVersion: 1,
      });
      await call('setExecutionState', { journeyId: 'carts', state: 'running' });
      expect(engine.live().map((l) => l.journeyId)).toEqual(['carts']);
      await call('sendTestEvent', { userId: 'ann', event: 'cart', traits: { email: 'a@x.se' } });
      const deadline = Date.now() + 20_000;
      let messages = await call('listOutbox', { journeyId: 'carts' });
      while (messages.messages.length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        messages = await call('listOutbox', { journeyId: 'carts' });
      }
      expect(messages.messages.map((m) => m.to)).toEqual(['a@x.se']);
    } finally {
      await app.close();
      stop.abort();
      await done;
    }
  }, 60_000);
});
