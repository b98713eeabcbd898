import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../renderer/store/app-store';
import {
  memoryDraftStorage,
  webDraftStorage,
  type DraftStorage,
} from '../../../renderer/store/draft-storage';
import { edge, journey, node } from '../../core/build';
import { fakeApi } from '../fake-api';
import { sayIn } from '../translator';

const cart = () =>
  journey(
    [
      node('start', 'trigger', { on: 'event', event: 'cart' }),
      node('wait1', 'wait', { mode: 'duration', duration: 'PT1H' }),
    ],
    [edge('start', 'wait1')],
  );

async function editedSession(api: ReturnType<typeof fakeApi>, drafts: DraftStorage) {
  const store = createAppStore(api, drafts);
  await store.getState().openJourney('test-journey');
  store.getState().updateLabel('wait1', 'Give them an hour');
  return store;
}

describe('drafts of unsaved changes', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(Date.parse('2026-05-01T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('brings back changes a closed window left unsaved, with a notice, as one undo step', async () => {
    const api = fakeApi([cart()]);
    const drafts = memoryDraftStorage();
    await editedSession(api, drafts);
    vi.advanceTimersByTime(300);
    expect(drafts.read('test-journey')?.baseRevision).toBe(1);

    // The window is gone; the next one opens the journey.
    vi.setSystemTime(Date.parse('2026-05-01T10:05:00Z'));
    const next = createAppStore(api, drafts);
    await next.getState().openJourney('test-journey');
    const state = next.getState();
    expect(state.journey?.nodes[1]?.label).toBe('Give them an hour');
    expect(state.dirty).toBe(true);
    expect(sayIn('en', state.notice?.words)).toBe(
      'Restored the changes you had not saved (last edited 5 minutes ago). Save to keep them, or Undo to go back to the saved journey.',
    );
    expect(sayIn('sv', state.notice?.words)).toBe(
      'Ändringarna du inte hade sparat är tillbaka (senast ändrade för 5 minuter sedan). Spara för att behålla dem, eller Ångra för att gå tillbaka till den sparade resan.',
    );
    state.undo();
    expect(next.getState().journey?.nodes[1]?.label).toBeUndefined();
    expect(next.getState().dirty).toBe(false);
    // Back at the saved journey: the draft is gone.
    expect(drafts.read('test-journey')).toBeUndefined();
  });

  it('forgets the draft once the journey is saved, and never writes one for a clean journey', async () => {
    const api = fakeApi([cart()]);
    const drafts = memoryDraftStorage();
    const store = await editedSession(api, drafts);
    store.getState().saveDraftNow();
    expect(drafts.read('test-journey')).toBeDefined();
    await store.getState().save();
    expect(drafts.read('test-journey')).toBeUndefined();
    vi.advanceTimersByTime(1_000);
    expect(drafts.read('test-journey')).toBeUndefined();
  });

  it('forgets the draft when the changes are thrown away on purpose', async () => {
    const api = fakeApi([cart()]);
    const drafts = memoryDraftStorage();
    const store = await editedSession(api, drafts);
    store.getState().saveDraftNow();
    store.getState().goToLibrary(true);
    expect(drafts.read('test-journey')).toBeUndefined();

    const again = await editedSession(api, drafts);
    again.getState().saveDraftNow();
    await again.getState().reloadJourney();
    expect(drafts.read('test-journey')).toBeUndefined();
  });

  it('asks before saving a draft over a journey saved elsewhere since', async () => {
    const api = fakeApi([cart()]);
    const drafts = memoryDraftStorage();
    const store = await editedSession(api, drafts);
    store.getState().saveDraftNow();
    // Someone else saves revision 2 meanwhile.
    await api.saveJourney({ journey: { ...cart(), name: 'Theirs' }, revision: 1 });
    const next = createAppStore(api, drafts);
    await next.getState().openJourney('test-journey');
    expect(sayIn('en', next.getState().notice?.words)).toContain(
      'The journey was saved elsewhere since: saving will ask which to keep.',
    );
    expect(await next.getState().save()).toBe(false);
    expect(next.getState().dialog?.type).toBe('save-conflict');
  });
});

describe('drafts in web storage', () => {
  it('keeps drafts by journey, ignores what is not a draft, and says when storage is full', () => {
    localStorage.clear();
    const drafts = webDraftStorage(localStorage);
    const draft = { id: 'a', baseRevision: 3, savedAt: '2026-05-01T10:00:00Z', text: '{}' };
    expect(drafts.write(draft)).toBe(true);
    expect(webDraftStorage(localStorage).read('a')).toEqual(draft);
    localStorage.setItem('journey-studio.draft.b', '{not json');
    expect(drafts.read('b')).toBeUndefined();
    drafts.remove('a');
    expect(drafts.read('a')).toBeUndefined();

    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    } as unknown as Storage;
    expect(webDraftStorage(full).write(draft)).toBe(false);
  });
});
