import type { StateCreator } from 'zustand';
import type { AppApi } from '../../core/api/contract';
import type { Journey } from '../../core/model/journey';
import type { AppState } from './app-store';
import { errorText } from './library-slice';

/** A published version of a journey, as frozen, to compare the journey being edited with. */
export interface PublishedVersion {
  journeyId: string;
  version: number;
  /** Null while it is being read, or when it could not be. */
  journey: Journey | null;
  error: string | null;
}

export interface VersionsSlice {
  /** The last published version asked for (one at a time: the one the run panel compares with). */
  published: PublishedVersion | null;
  /** Reads a published version, unless it is the one already read or being read. */
  loadPublishedVersion: (journeyId: string, version: number) => Promise<void>;
}

export const createVersionsSlice =
  (api: AppApi): StateCreator<AppState, [], [], VersionsSlice> =>
  (set, get) => ({
    published: null,
    async loadPublishedVersion(journeyId, version) {
      const current = get().published;
      if (current?.journeyId === journeyId && current.version === version && !current.error) return;
      set({ published: { journeyId, version, journey: null, error: null } });
      const still = () => {
        const now = get().published;
        return now?.journeyId === journeyId && now.version === version;
      };
      try {
        const answer = await api.getJourneyVersion({ journeyId, version });
        if (still())
          set({ published: { journeyId, version, journey: answer.journey, error: null } });
      } catch (error) {
        if (still())
          set({ published: { journeyId, version, journey: null, error: errorText(error) } });
      }
    },
  });
