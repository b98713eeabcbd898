import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../core/api/contract';
import { createHttpApi } from '../../renderer/api/http-client';
import { takeSessionToken } from '../../renderer/api/session-token';

function answer(status: number, body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status }));
}

describe('HTTP client of the AppApi', () => {
  it('posts the input with the token and returns the value', async () => {
    const fetch = vi.fn((_url: RequestInfo | URL, _init?: RequestInit) =>
      answer(200, { ok: true, value: [] }),
    );
    const api = createHttpApi({ baseUrl: 'http://127.0.0.1:9/', token: 'tok', fetch });
    await expect(api.listJourneys({})).resolves.toEqual([]);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('http://127.0.0.1:9/api/listJourneys');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(init?.body).toBe('{}');
  });

  it('rebuilds failures as ApiError with code and field', async () => {
    const fetch = () =>
      answer(409, {
        ok: false,
        error: { code: 'conflict', message: 'Saved elsewhere', field: 'revision' },
      });
    const api = createHttpApi({ baseUrl: '', token: 't', fetch });
    const error = await api.getJourney({ id: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'conflict',
      message: 'Saved elsewhere',
      field: 'revision',
    });
  });

  it('keeps the reason and its values, and leaves out values of the wrong shape', async () => {
    const bodies = [
      {
        code: 'invalid-request',
        message: 'listJourneys: bad',
        reason: 'invalid-input',
        values: { method: 'listJourneys' },
      },
      {
        code: 'not-a-code',
        message: 'Odd',
        reason: 'invalid-input',
        values: { method: { nested: true } },
      },
    ];
    const errors: unknown[] = [];
    for (const error of bodies) {
      const api = createHttpApi({
        baseUrl: '',
        token: 't',
        fetch: () => answer(400, { ok: false, error }),
      });
      errors.push(await api.listJourneys({}).catch((e: unknown) => e));
    }
    expect(errors[0]).toMatchObject({
      code: 'invalid-request',
      reason: 'invalid-input',
      values: { method: 'listJourneys' },
    });
    expect(errors[1]).toMatchObject({ code: 'internal', message: 'Odd' });
    expect((errors[1] as ApiError).reason).toBeUndefined();
  });

  it('says so when the engine is not answering', async () => {
    const api = createHttpApi({
      baseUrl: '',
      token: 't',
      fetch: () => Promise.reject(new TypeError('down')),
    });
    await expect(api.listJourneys({})).rejects.toMatchObject({
      code: 'internal',
      message: /not answering/,
    });
  });

  it('delivers events to subscribers and closes the stream after the last one leaves', () => {
    const handlers = new Map<string, (e: MessageEvent<string>) => void>();
    const close = vi.fn();
    const openEvents = vi.fn((_url: string) => ({
      addEventListener: (name: string, handler: (e: MessageEvent<string>) => void) =>
        handlers.set(name, handler),
      close,
    })) as unknown as (url: string) => EventSource;
    const api = createHttpApi({ baseUrl: 'http://h', token: 'a b', openEvents });
    const seen: string[] = [];
    const off = api.onJourneysChanged(({ id }) => seen.push(id));
    expect(vi.mocked(openEvents).mock.calls[0]?.[0]).toBe('http://h/api/events?token=a%20b');
    handlers.get('journeysChanged')?.({ data: '{"id":"welcome"}' } as MessageEvent<string>);
    handlers.get('journeysChanged')?.({ data: '{"nope":1}' } as MessageEvent<string>);
    expect(seen).toEqual(['welcome']);
    off();
    expect(close).toHaveBeenCalled();
  });
});

describe('session token', () => {
  it('moves the token from the address into session storage', () => {
    window.history.replaceState(null, '', '/#token=s3cret');
    expect(takeSessionToken(window.location, window.history, window.sessionStorage)).toBe('s3cret');
    expect(window.location.hash).toBe('');
    expect(takeSessionToken(window.location, window.history, window.sessionStorage)).toBe('s3cret');
  });
});
