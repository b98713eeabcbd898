import { describe, expect, it, vi } from 'vitest';
import { ApiError, type AppMethod } from '../../../core/api/contract';
import { dispatchCall, unwrapEnvelope, type CallRoute } from '../../../core/app/api-dispatch';

const RECORD = {
  journey: { format: 'journey-studio/journey', version: 1, id: 'cart', name: 'Cart' },
  revision: 3,
  updatedAt: '2025-01-01T00:00:00.000Z',
};

function dispatcher(routes: Partial<Record<AppMethod, CallRoute>>, revealCauses = false) {
  const log = vi.fn();
  const call = (method: unknown, input: unknown) =>
    dispatchCall({ route: (m) => routes[m], log, revealCauses }, method, input);
  return { call, log };
}

describe('one call of the API', () => {
  it('refuses a method the carrier does not serve, or that does not exist', async () => {
    const { call } = dispatcher({ listJourneys: () => Promise.resolve([]) });
    for (const method of ['openFile', 'formatDisk', '__proto__', 42])
      expect(await call(method, {})).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
  });

  it('hands the route the parsed input, and refuses one outside the schema naming the field', async () => {
    const createJourney = vi.fn(() => Promise.resolve(RECORD));
    const { call } = dispatcher({ createJourney });
    await call('createJourney', { name: '  Welcome  ' });
    expect(createJourney).toHaveBeenCalledWith({ name: 'Welcome' });
    expect(await call('createJourney', { name: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', field: 'name' },
    });
    expect(createJourney).toHaveBeenCalledTimes(1);
  });

  it('cuts the answer to the output schema, and refuses one in another shape', async () => {
    const { call, log } = dispatcher({
      getJourney: () => Promise.resolve({ ...RECORD, smtpPassword: 'hunter2' }),
      listJourneys: () => Promise.resolve({ password: 'hunter2' }),
    });
    expect(await call('getJourney', { id: 'cart' })).toEqual({ ok: true, value: RECORD });
    const odd = await call('listJourneys', {});
    expect(odd).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(odd)).not.toContain('hunter2');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('listJourneys answered outside'));
  });

  it('passes an ApiError on; tells a page nothing of another failure, and the app its message', async () => {
    const routes = {
      getJourney: () => Promise.reject(new ApiError('not-found', 'No journey cart', 'id')),
      deleteJourney: () => Promise.reject(new Error('EACCES /home/ada/.ssh/id_rsa')),
    };
    const page = dispatcher(routes);
    expect(await page.call('getJourney', { id: 'cart' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No journey cart', field: 'id' },
    });
    const hidden = await page.call('deleteJourney', { id: 'cart' });
    expect(hidden).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'deleteJourney failed unexpectedly.',
        reason: 'internal-failure',
      },
    });
    expect(page.log).toHaveBeenCalledWith(expect.stringContaining('.ssh/id_rsa'));
    const app = dispatcher(routes, true);
    expect(await app.call('deleteJourney', { id: 'cart' })).toMatchObject({
      error: {
        code: 'internal',
        message: 'EACCES /home/ada/.ssh/id_rsa',
        reason: 'internal-failure-detail',
        values: { detail: 'EACCES /home/ada/.ssh/id_rsa' },
      },
    });
  });

  it('turns an envelope back into its value or its ApiError', () => {
    expect(unwrapEnvelope({ ok: true, value: 1 })).toBe(1);
    expect(() =>
      unwrapEnvelope({
        ok: false,
        error: { code: 'conflict', message: 'stale', field: 'revision' },
      }),
    ).toThrow(expect.objectContaining({ code: 'conflict', field: 'revision' }) as Error);
  });
});
