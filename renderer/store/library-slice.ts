import type { StateCreator } from 'zustand';
import {
  ApiError,
  type AppApi,
  type JourneySummary,
  type TemplateSummary,
} from '../../core/api/contract';
import { parseJourneyFile, serializeJourney } from '../../core/model/journey-file';
import { apiErrorWords } from '../api/api-error-words';
import { words } from '../i18n/words';
import type { AppState } from './app-store';
import { uniqueNodeId } from './journey-edits';

/** The view shown; sample data and the outbox return to the open journey, if any, when left. */
export type Route =
  { view: 'library' } | { view: 'editor'; id: string } | { view: 'data' } | { view: 'outbox' };

/** The journey library and the calls that load and store journeys through the AppApi. */
export interface LibrarySlice {
  route: Route;
  journeys: JourneySummary[] | null;
  templates: TemplateSummary[];
  busy: boolean;
  saving: boolean;
  refreshLibrary: () => Promise<void>;
  loadTemplates: () => Promise<void>;
  openJourney: (id: string) => Promise<void>;
  /** Back to the list; asks first when there are unsaved changes, unless `discard`. */
  goToLibrary: (discard?: boolean) => void;
  createJourney: (name: string, templateId?: string) => Promise<void>;
  renameJourney: (id: string, name: string) => Promise<void>;
  duplicateJourney: (id: string) => Promise<void>;
  deleteJourney: (id: string) => Promise<void>;
  importJourneyFile: (
    fileName: string,
    text: string,
    mode?: 'ask' | 'replace' | 'copy',
  ) => Promise<void>;
  /** Asks for a journey file (a dialog, or the browser's file chooser) and imports it. */
  importFromFile: () => Promise<void>;
  /** Imports a file from the desktop app's Open Recent menu. */
  importRecentFile: (id: string) => Promise<void>;
  /** Saves the journey file where the user chooses (a dialog, or a download). */
  exportJourney: (id: string) => Promise<void>;
  /** Saves the journey being edited; `overwrite` saves over a newer revision. */
  save: (options?: { overwrite?: boolean }) => Promise<boolean>;
  /** Throws away local changes and loads the journey as saved in the library. */
  reloadJourney: () => Promise<void>;
}

export const createLibrarySlice =
  (api: AppApi): StateCreator<AppState, [], [], LibrarySlice> =>
  (set, get) => {
    const attempt = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
      set({ busy: true });
      try {
        return await work();
      } catch (error) {
        get().notify(apiErrorWords(error), 'error');
        return undefined;
      } finally {
        set({ busy: false });
      }
    };

    return {
      route: { view: 'library' },
      journeys: null,
      templates: [],
      busy: false,
      saving: false,
      async refreshLibrary() {
        try {
          set({ journeys: await api.listJourneys({}) });
        } catch (error) {
          get().notify(apiErrorWords(error), 'error');
        }
      },
      async loadTemplates() {
        try {
          set({ templates: await api.listTemplates({}) });
        } catch (error) {
          get().notify(apiErrorWords(error), 'error');
        }
      },
      async openJourney(id) {
        await attempt(async () => {
          const record = await api.getJourney({ id });
          get().loadJourney(record.journey, record.revision);
          set({ route: { view: 'editor', id }, pasteCount: 0 });
          get().restoreDraft();
        });
      },
      goToLibrary(discard = false) {
        if (get().dirty && !discard) {
          get().openDialog({ type: 'leave-unsaved', then: 'library' });
          return;
        }
        get().closeJourney();
        set({ route: { view: 'library' } });
        void get().refreshLibrary();
      },
      async createJourney(name, templateId) {
        await attempt(async () => {
          const record = await api.createJourney({ name, ...(templateId && { templateId }) });
          get().closeDialog();
          get().loadJourney(record.journey, record.revision);
          set({ route: { view: 'editor', id: record.journey.id } });
        });
      },
      async renameJourney(id, name) {
        await attempt(async () => {
          await api.renameJourney({ id, name });
          get().closeDialog();
          await get().refreshLibrary();
        });
      },
      async duplicateJourney(id) {
        await attempt(async () => {
          const record = await api.duplicateJourney({ id });
          await get().refreshLibrary();
          get().notify(words('notice.duplicated', { name: record.journey.name }), 'success');
        });
      },
      async deleteJourney(id) {
        await attempt(async () => {
          await api.deleteJourney({ id });
          get().closeDialog();
          await get().refreshLibrary();
        });
      },
      async importJourneyFile(fileName, text, mode = 'ask') {
        await attempt(async () => {
          let body = text;
          if (mode === 'copy') {
            const parsed = parseJourneyFile(text);
            if (parsed.ok) {
              const taken = new Set((get().journeys ?? []).map((j) => j.id));
              const id = uniqueNodeId(parsed.journey.id, taken);
              body = serializeJourney({
                ...parsed.journey,
                id,
                name: `${parsed.journey.name} (copy)`,
              });
            }
          }
          try {
            const result = await api.importJourney({
              fileName,
              text: body,
              ...(mode === 'replace' && { replace: true }),
            });
            get().closeDialog();
            if (!result.ok) {
              get().openDialog({ type: 'import-problems', fileName, problems: result.problems });
              return;
            }
            await get().refreshLibrary();
            get().notify(words('notice.imported', { name: result.record.journey.name }), 'success');
          } catch (error) {
            if (error instanceof ApiError && error.code === 'conflict' && mode === 'ask') {
              const parsed = parseJourneyFile(text);
              if (parsed.ok) {
                get().openDialog({
                  type: 'import-exists',
                  fileName,
                  text,
                  id: parsed.journey.id,
                  name: parsed.journey.name,
                });
                return;
              }
            }
            throw error;
          }
        });
      },
      async importFromFile() {
        // No await before openFile: browsers show a file chooser only straight from a click.
        const opened = await attempt(() => api.openFile({ kind: 'journey' }));
        if (opened && !opened.canceled) await get().importJourneyFile(opened.fileName, opened.text);
      },
      async importRecentFile(id) {
        const opened = await attempt(() => api.openRecentFile({ id }));
        if (opened) await get().importJourneyFile(opened.fileName, opened.text);
      },
      async exportJourney(id) {
        await attempt(async () => {
          const file = await api.exportJourney({ id });
          const saved = await api.saveFile({
            kind: 'journey',
            suggestedName: file.fileName,
            text: file.text,
          });
          if (!saved.canceled)
            get().notify(words('notice.exported', { fileName: saved.fileName }), 'success');
        });
      },
      async save(options = {}) {
        const { journey, revision, saving } = get();
        if (!journey || saving) return false;
        set({ saving: true });
        try {
          const saved = await api.saveJourney({
            journey,
            ...(revision !== undefined && !options.overwrite && { revision }),
          });
          get().markSaved(journey, saved.revision);
          get().notify(words('notice.saved'), 'success');
          return true;
        } catch (error) {
          if (error instanceof ApiError && error.code === 'conflict') {
            get().openDialog({ type: 'save-conflict', message: error.message });
          } else {
            get().notify(apiErrorWords(error), 'error');
          }
          return false;
        } finally {
          set({ saving: false });
        }
      },
      async reloadJourney() {
        const { journey } = get();
        if (!journey) return;
        await attempt(async () => {
          const record = await api.getJourney({ id: journey.id });
          get().closeDialog();
          get().loadJourney(record.journey, record.revision);
        });
      },
    };
  };
