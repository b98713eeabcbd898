import type { StateCreator } from 'zustand';
import { parseJourneyFile, serializeJourney } from '../../core/model/journey-file';
import { words } from '../i18n/words';
import { elapsed } from '../library/relative-time';
import type { AppState, AppStore } from './app-store';
import type { DraftStorage } from './draft-storage';

/** How long typing may go on before the draft is written; a closing page writes it at once. */
const DRAFT_DELAY_MS = 300;

/**
 * Unsaved changes kept outside the app while the journey is dirty, so that a panel that crashes,
 * a renderer that dies or a tab closed by mistake loses nothing: the next time the journey is
 * opened, the changes come back as one undo step, with a notice.
 */
export interface DraftSlice {
  /** After a journey is opened: puts back the changes a crash or a closed window left unsaved. */
  restoreDraft: () => void;
  /** Writes the unsaved changes now (a panel crashed, the window is closing). */
  saveDraftNow: () => void;
  /** Writes the unsaved changes once typing pauses. */
  scheduleDraft: () => void;
  /** Forgets a journey's draft: it was saved, reloaded, or its changes thrown away. */
  dropDraft: (id: string) => void;
}

export const createDraftSlice =
  (drafts: DraftStorage): StateCreator<AppState, [], [], DraftSlice> =>
  (_set, get) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let warned = false;
    const stopTimer = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    };
    const writeNow = () => {
      stopTimer();
      const { journey, dirty, revision } = get();
      if (!journey || !dirty) return;
      const kept = drafts.write({
        id: journey.id,
        baseRevision: revision,
        savedAt: new Date().toISOString(),
        text: serializeJourney(journey),
      });
      if (!kept && !warned) {
        warned = true;
        get().notify(words('notice.draftNotKept'), 'warning');
      }
    };
    return {
      restoreDraft() {
        const { journey, revision, savedText } = get();
        if (!journey) return;
        const draft = drafts.read(journey.id);
        if (!draft) return;
        const parsed = parseJourneyFile(draft.text);
        if (!parsed.ok || parsed.journey.id !== journey.id) {
          drafts.remove(journey.id);
          return;
        }
        if (serializeJourney(parsed.journey) === savedText) {
          drafts.remove(journey.id);
          return;
        }
        get().commit(parsed.journey);
        const newer =
          draft.baseRevision !== undefined &&
          revision !== undefined &&
          draft.baseRevision < revision;
        // Saving a draft made on an older revision must ask, as any other conflicting save does.
        if (newer) _set({ revision: draft.baseRevision });
        const { unit, amount } = elapsed(draft.savedAt, Date.now());
        get().notify(
          words(newer ? 'notice.draftRestoredNewer' : 'notice.draftRestored', {
            ago: words('notice.ago', { unit, amount }),
          }),
          'warning',
        );
      },
      saveDraftNow: writeNow,
      scheduleDraft() {
        stopTimer();
        timer = setTimeout(writeNow, DRAFT_DELAY_MS);
      },
      dropDraft(id) {
        stopTimer();
        drafts.remove(id);
      },
    };
  };

/** Keeps the open journey's draft in step with its unsaved changes. Returns the unsubscribe. */
export function followDrafts(store: AppStore): () => void {
  return store.subscribe((state, previous) => {
    if (state.journey === previous.journey && state.dirty === previous.dirty) return;
    const before = previous.journey?.id;
    const now = state.journey?.id;
    // Closed: its changes were saved or thrown away on purpose.
    if (before !== undefined && now === undefined) return state.dropDraft(before);
    if (now === undefined) return;
    if (state.dirty) state.scheduleDraft();
    // Saved, reloaded or undone back to the saved journey. (A journey just opened is clean too,
    // but its draft must wait for `restoreDraft`.)
    else if (previous.dirty && before === now) state.dropDraft(now);
  });
}
