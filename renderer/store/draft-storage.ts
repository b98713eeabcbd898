/** The unsaved changes of one journey, kept outside the app so a crash or a closed tab spares them. */
export interface Draft {
  id: string;
  /** The library revision the changes were made on; saving over a newer one then asks first. */
  baseRevision: number | undefined;
  /** When the draft was last written (ISO). */
  savedAt: string;
  /** The journey file, as it would be saved. */
  text: string;
}

/** Where drafts are kept: the browser's (or Electron renderer's) local storage, or memory in tests. */
export interface DraftStorage {
  read: (id: string) => Draft | undefined;
  /** False when the draft could not be kept (storage full or turned off). */
  write: (draft: Draft) => boolean;
  remove: (id: string) => void;
}

const PREFIX = 'journey-studio.draft.';

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.savedAt === 'string' &&
    typeof v.text === 'string' &&
    (v.baseRevision === undefined || typeof v.baseRevision === 'number')
  );
}

/**
 * Drafts in web storage. localStorage rather than IndexedDB: it is synchronous, so a draft can
 * still be written while the page is being hidden or closed, and journeys are far smaller than
 * its few megabytes. It is kept per origin, which browser mode keeps fixed (port 5317).
 */
export function webDraftStorage(storage: Storage): DraftStorage {
  return {
    read(id) {
      try {
        const text = storage.getItem(PREFIX + id);
        if (text === null) return undefined;
        const value: unknown = JSON.parse(text);
        return isDraft(value) && value.id === id ? value : undefined;
      } catch {
        return undefined;
      }
    },
    write(draft) {
      try {
        storage.setItem(PREFIX + draft.id, JSON.stringify(draft));
        return true;
      } catch {
        return false;
      }
    },
    remove(id) {
      try {
        storage.removeItem(PREFIX + id);
      } catch {
        // Storage turned off: there is nothing to remove.
      }
    },
  };
}

/** Drafts that last as long as the page: the default, and what tests use. */
export function memoryDraftStorage(): DraftStorage {
  const drafts = new Map<string, Draft>();
  return {
    read: (id) => drafts.get(id),
    write(draft) {
      drafts.set(draft.id, draft);
      return true;
    },
    remove: (id) => void drafts.delete(id),
  };
}
