import type { StateCreator } from 'zustand';
import type { AppApi, AppInput, AppOutput } from '../../core/api/contract';
import type { VersionEntryView } from '../../core/api/versions-contract';
import type { Journey } from '../../core/model/journey';
import type { CohortDiff } from '../../core/versions/cohort-diff';
import { apiErrorWords } from '../api/api-error-words';
import type { Words } from '../i18n/words';
import type { AppState } from './app-store';

/** A published version of a journey, as frozen, to compare the journey being edited with. */
export interface PublishedVersion {
  journeyId: string;
  version: number;
  /** Null while it is being read, or when it could not be. */
  journey: Journey | null;
  error: Words | null;
}

/** The version history of the open journey, as the history dialog shows it. */
export interface VersionHistory {
  journeyId: string;
  versions: VersionEntryView[];
  /** The SHA-256 of the journey as saved. */
  currentSha256: string;
  /** Frozen documents read so far, by version, for the diff and the canvases. */
  documents: Record<number, Journey>;
  error: Words | null;
}

/** Two versions compared on the cohort of the newest simulation. */
export interface CohortComparison {
  key: string;
  result: AppOutput<'compareVersionsOnCohort'> | null;
  error: Words | null;
}

export interface VersionsSlice {
  /** The last published version asked for (one at a time: the one the run panel compares with). */
  published: PublishedVersion | null;
  /** Reads a published version, unless it is the one already read or being read. */
  loadPublishedVersion: (journeyId: string, version: number) => Promise<void>;
  history: VersionHistory | null;
  /** Reads the open journey's versions, notes and approvals (again). */
  loadHistory: () => Promise<void>;
  /** Reads a frozen version into `history.documents`. */
  loadVersionDocument: (version: number) => Promise<void>;
  setVersionNote: (version: number, note: string, by: string) => Promise<boolean>;
  approveVersion: (
    version: number,
    approval: { name: string; role: string; comment: string },
  ) => Promise<boolean>;
  /**
   * Makes a published version the journey being edited, as one undo step, and saves it: the
   * draft it replaces is the step before, so Undo brings it back (and saving keeps it).
   */
  restoreVersion: (version: number) => Promise<boolean>;
  comparison: CohortComparison | null;
  compareOnCohort: (before: number, after?: number) => Promise<void>;
  /** The open pack: the HTML of the version asked for (undefined: the draft). */
  pack: { version?: number; html: string | null; fileName: string; error: Words | null } | null;
  openSignOffPack: (request: Omit<AppInput<'getSignOffPack'>, 'journeyId'>) => Promise<void>;
  closeSignOffPack: () => void;
  /** Saves the open pack as a PDF (desktop) or prints it (browser); the file's name when saved. */
  saveSignOffPack: () => Promise<string | undefined>;
}

export type { CohortDiff };

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
          set({ published: { journeyId, version, journey: null, error: apiErrorWords(error) } });
      }
    },

    history: null,
    async loadHistory() {
      const journeyId = get().journey?.id;
      if (!journeyId) return;
      // Documents read meanwhile are kept: they are frozen, so never out of date.
      const kept = () =>
        get().history?.journeyId === journeyId ? get().history?.documents : undefined;
      try {
        const answer = await api.listJourneyVersions({ journeyId });
        if (get().journey?.id !== journeyId) return;
        set({ history: { journeyId, ...answer, documents: kept() ?? {}, error: null } });
      } catch (error) {
        set({
          history: {
            journeyId,
            versions: [],
            currentSha256: '',
            documents: kept() ?? {},
            error: apiErrorWords(error),
          },
        });
      }
    },
    async loadVersionDocument(version) {
      const history = get().history;
      if (!history || history.documents[version]) return;
      try {
        const { journey } = await api.getJourneyVersion({ journeyId: history.journeyId, version });
        const now = get().history;
        if (now?.journeyId === history.journeyId)
          set({ history: { ...now, documents: { ...now.documents, [version]: journey } } });
      } catch (error) {
        get().notify(apiErrorWords(error), 'error');
      }
    },
    async setVersionNote(version, note, by) {
      const journeyId = get().history?.journeyId;
      if (!journeyId) return false;
      try {
        await api.setVersionNote({ journeyId, version, note, ...(by.trim() && { by }) });
        await get().loadHistory();
        return true;
      } catch (error) {
        get().notify(apiErrorWords(error), 'error');
        return false;
      }
    },
    async approveVersion(version, approval) {
      const journeyId = get().history?.journeyId;
      if (!journeyId) return false;
      try {
        await api.approveJourneyVersion({ journeyId, version, ...approval });
        await get().loadHistory();
        return true;
      } catch (error) {
        get().notify(apiErrorWords(error), 'error');
        return false;
      }
    },
    async restoreVersion(version) {
      await get().loadVersionDocument(version);
      const document = get().history?.documents[version];
      if (!document || !get().journey) return false;
      get().commit(document, { select: [] });
      const saved = await get().save();
      await get().loadHistory();
      return saved;
    },

    comparison: null,
    async compareOnCohort(before, after) {
      const journeyId = get().history?.journeyId;
      if (!journeyId) return;
      const key = `${journeyId}:${before}:${after ?? 'draft'}`;
      set({ comparison: { key, result: null, error: null } });
      try {
        const result = await api.compareVersionsOnCohort({
          journeyId,
          before,
          ...(after !== undefined && { after }),
        });
        if (get().comparison?.key === key) set({ comparison: { key, result, error: null } });
      } catch (error) {
        if (get().comparison?.key === key)
          set({ comparison: { key, result: null, error: apiErrorWords(error) } });
      }
    },

    pack: null,
    async openSignOffPack(request) {
      const journeyId = get().journey?.id;
      if (!journeyId) return;
      const fileName = `${journeyId}-sign-off`;
      set({
        pack: {
          ...(request.version !== undefined && { version: request.version }),
          html: null,
          fileName,
          error: null,
        },
      });
      try {
        const answer = await api.getSignOffPack({ journeyId, ...request });
        if (get().pack)
          set({
            pack: {
              ...(request.version !== undefined && { version: request.version }),
              html: answer.html,
              fileName: answer.fileName,
              error: null,
            },
          });
      } catch (error) {
        if (get().pack) set({ pack: { html: null, fileName, error: apiErrorWords(error) } });
      }
    },
    closeSignOffPack() {
      set({ pack: null });
    },
    async saveSignOffPack() {
      const pack = get().pack;
      if (!pack?.html) return undefined;
      try {
        const saved = await api.saveSignOffPack({ suggestedName: pack.fileName, html: pack.html });
        return saved.canceled ? undefined : saved.fileName;
      } catch (error) {
        get().notify(apiErrorWords(error), 'error');
        return undefined;
      }
    },
  });
