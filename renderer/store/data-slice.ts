import type { StateCreator } from 'zustand';
import type { AppApi, AppInput, AppOutput } from '../../core/api/contract';
import type { Dataset, DatasetKind, ImportWarningView } from '../../core/api/data-contract';
import {
  initialMapping,
  mappingText,
  nameFromFile,
  type MappingChoice,
} from '../data/column-mapping';
import { apiErrorWords } from '../api/api-error-words';
import { words, type Words } from '../i18n/words';
import type { AppState } from './app-store';
import { newCallId } from './new-id';

export type DatasetPreview = AppOutput<'previewDataset'>;
export type ImportResult = AppOutput<'importDataset'>;
export type BrowsedProfile = AppOutput<'browseProfiles'>['rows'][number];
export type BrowsedEvent = AppOutput<'browseEvents'>['rows'][number];

/** The head of a file is enough to show its columns and first rows, and quick to send. */
export const PREVIEW_BYTES = 256 * 1024;
export const BROWSE_PAGE = 50;

/** An import under way: a file read, its preview, the column mapping, then the import itself. */
export interface ImportFlow {
  kind: DatasetKind;
  fileName: string;
  text: string;
  /** What to check about how the file's text was read (a guessed Latin-1). */
  readWarnings: readonly ImportWarningView[];
  /** A workbook's sheets, and the one `text` is; none for CSV or JSON. */
  sheets?: readonly string[];
  sheet?: string;
  name: string;
  mapping: MappingChoice;
  /** The mapping came from the app's guess (an export such as REES46), not from the user. */
  suggested: boolean;
  preview: DatasetPreview | null;
  previewing: boolean;
  stage: 'preview' | 'importing' | 'done';
  progress: { read: number; total: number } | null;
  result: ImportResult | null;
  error: Words | null;
}

export interface DatasetBrowse {
  datasetId: string;
  query: string;
  offset: number;
  total: number;
  profiles: BrowsedProfile[];
  events: BrowsedEvent[];
  /** Events only: the profile whose events are shown. */
  profileId?: string;
  /** Events of one profile: the anonymous ids merged into it, whose events are shown too. */
  alsoKnownAs?: string[];
  loading: boolean;
}

export interface DataState {
  datasets: Dataset[] | null;
  selectedId: string | null;
  browse: DatasetBrowse | null;
  importFlow: ImportFlow | null;
  generating: boolean;
}

export type GenerateInput = AppInput<'generateSampleData'>;

/** Sample data for simulations: the data sets, their import, generation and browsing. */
export interface DataSlice {
  data: DataState;
  showData: () => void;
  /** Back to where the data view was opened from: the open journey, else the library. */
  leaveData: () => void;
  /** Reloads the list; `select` chooses a data set in it (one just made). */
  refreshDatasets: (select?: string) => Promise<void>;
  selectDataset: (id: string | null) => void;
  browseDataset: (change?: {
    query?: string;
    offset?: number;
    profileId?: string | null;
  }) => Promise<void>;
  /** Asks for a file (a dialog, or the browser's file chooser) and previews it. */
  chooseImportFile: (kind: DatasetKind) => Promise<void>;
  /** Previews a file already read, with the suggested mapping when the file needs one. */
  beginImport: (
    kind: DatasetKind,
    fileName: string,
    text: string,
    readWarnings?: readonly ImportWarningView[],
    workbook?: { sheets: readonly string[]; sheet: string },
  ) => Promise<void>;
  /** Reads another sheet of the workbook being imported, and previews it afresh. */
  setImportSheet: (sheet: string) => Promise<void>;
  setImportMapping: (target: string, column: string) => Promise<void>;
  setImportName: (name: string) => void;
  runImport: () => Promise<void>;
  closeImport: () => void;
  generateSampleData: (
    input: GenerateInput,
  ) => Promise<AppOutput<'generateSampleData'> | undefined>;
  deleteDataset: (id: string) => Promise<void>;
}

const INITIAL: DataState = {
  datasets: null,
  selectedId: null,
  browse: null,
  importFlow: null,
  generating: false,
};

export const createDataSlice =
  (api: AppApi): StateCreator<AppState, [], [], DataSlice> =>
  (set, get) => {
    const patch = (change: Partial<DataState>) => set({ data: { ...get().data, ...change } });
    const patchFlow = (change: Partial<ImportFlow>) => {
      const flow = get().data.importFlow;
      if (flow) patch({ importFlow: { ...flow, ...change } });
    };

    async function preview(flow: ImportFlow): Promise<DatasetPreview> {
      const mapping = mappingText(flow.kind, flow.mapping);
      return api.previewDataset({
        kind: flow.kind,
        fileName: flow.fileName,
        text: flow.text.slice(0, PREVIEW_BYTES),
        ...(mapping && { mapping }),
      });
    }

    return {
      data: INITIAL,
      showData() {
        if (get().route.view !== 'data') set({ route: { view: 'data' } });
        void get().refreshDatasets();
      },
      leaveData() {
        const { journey } = get();
        if (journey) set({ route: { view: 'editor', id: journey.id } });
        else {
          set({ route: { view: 'library' } });
          void get().refreshLibrary();
        }
      },
      async refreshDatasets(select) {
        try {
          const datasets = await api.listDatasets({});
          const selectedId = select ?? get().data.selectedId;
          const next = datasets.some((d) => d.id === selectedId)
            ? selectedId
            : (datasets[0]?.id ?? null);
          patch({
            datasets,
            ...(next !== get().data.selectedId && { selectedId: next, browse: null }),
          });
        } catch (error) {
          get().notify(apiErrorWords(error), 'error');
        }
      },
      selectDataset(id) {
        if (get().data.selectedId === id) return;
        patch({ selectedId: id, browse: null });
      },
      async browseDataset(change = {}) {
        const { selectedId, datasets, browse } = get().data;
        const dataset = datasets?.find((d) => d.id === selectedId);
        if (!dataset) return;
        const same = browse?.datasetId === dataset.id;
        const query = change.query ?? (same ? browse.query : '');
        const profileId =
          change.profileId === null
            ? undefined
            : (change.profileId ?? (same ? browse.profileId : undefined));
        const offset = change.offset ?? 0;
        const next: DatasetBrowse = {
          datasetId: dataset.id,
          query,
          offset,
          total: same ? browse.total : 0,
          profiles: same ? browse.profiles : [],
          events: same ? browse.events : [],
          ...(profileId !== undefined && { profileId }),
          loading: true,
        };
        patch({ browse: next });
        try {
          const page = {
            datasetId: dataset.id,
            offset,
            limit: BROWSE_PAGE,
            ...(query && { query }),
          };
          const result =
            dataset.kind === 'profiles'
              ? { kind: 'profiles' as const, page: await api.browseProfiles(page) }
              : {
                  kind: 'events' as const,
                  page: await api.browseEvents({ ...page, ...(profileId && { profileId }) }),
                };
          // A later search may have answered first; only the newest request is shown.
          if (get().data.browse !== next) return;
          const { alsoKnownAs: _earlier, ...rest } = next;
          const merged = result.kind === 'events' ? result.page.alsoKnownAs : undefined;
          patch({
            browse: {
              ...rest,
              loading: false,
              total: result.page.total,
              profiles: result.kind === 'profiles' ? result.page.rows : [],
              events: result.kind === 'events' ? result.page.rows : [],
              ...(merged && { alsoKnownAs: merged }),
            },
          });
        } catch (error) {
          if (get().data.browse === next) patch({ browse: { ...next, loading: false } });
          get().notify(apiErrorWords(error), 'error');
        }
      },
      async chooseImportFile(kind) {
        // No await before openFile: browsers show a file chooser only straight from a click.
        let opened: AppOutput<'openFile'>;
        try {
          opened = await api.openFile({ kind });
        } catch (error) {
          get().notify(apiErrorWords(error), 'error');
          return;
        }
        if (!opened.canceled) {
          await get().beginImport(
            kind,
            opened.fileName,
            opened.text,
            opened.warnings,
            opened.sheets && { sheets: opened.sheets, sheet: opened.sheet ?? '' },
          );
        }
      },
      async beginImport(kind, fileName, text, readWarnings = [], workbook) {
        const flow: ImportFlow = {
          kind,
          fileName,
          text,
          readWarnings,
          ...(workbook && { sheets: workbook.sheets, sheet: workbook.sheet }),
          name: nameFromFile(fileName),
          mapping: {},
          suggested: false,
          preview: null,
          previewing: true,
          stage: 'preview',
          progress: null,
          result: null,
          error: null,
        };
        patch({ importFlow: flow });
        get().openDialog({ type: 'import-data' });
        try {
          const first = await preview(flow);
          if (get().data.importFlow?.text !== text) return;
          const mapping = initialMapping(kind, first.columns, first.suggestedMapping);
          const needed = mappingText(kind, mapping);
          const withMapping = { ...flow, mapping, suggested: first.suggestedMapping !== undefined };
          // An export whose columns have other names reads nothing until mapped: show it mapped.
          const shown = needed ? await preview(withMapping) : first;
          if (get().data.importFlow?.text !== text) return;
          patchFlow({ ...withMapping, preview: shown, previewing: false });
        } catch (error) {
          patchFlow({ previewing: false, error: apiErrorWords(error) });
        }
      },
      async setImportSheet(sheet) {
        const flow = get().data.importFlow;
        if (!flow || flow.stage !== 'preview' || flow.sheet === sheet) return;
        patchFlow({ sheet, previewing: true, error: null });
        let opened: AppOutput<'openSheet'>;
        try {
          opened = await api.openSheet({ kind: flow.kind, sheet });
        } catch (error) {
          patchFlow({ previewing: false, error: apiErrorWords(error) });
          return;
        }
        if (get().data.importFlow?.sheet !== sheet) return;
        const name = flow.name;
        await get().beginImport(flow.kind, opened.fileName, opened.text, opened.warnings, {
          sheets: opened.sheets ?? flow.sheets ?? [],
          sheet: opened.sheet ?? sheet,
        });
        patchFlow({ name });
      },
      async setImportMapping(target, column) {
        const flow = get().data.importFlow;
        if (!flow || flow.stage !== 'preview') return;
        const next = { ...flow, mapping: { ...flow.mapping, [target]: column }, suggested: false };
        patch({ importFlow: { ...next, previewing: true, error: null } });
        try {
          const shown = await preview(next);
          // Only the newest mapping's preview is shown, whichever answers last.
          if (get().data.importFlow?.mapping !== next.mapping) return;
          patchFlow({ preview: shown, previewing: false });
        } catch (error) {
          patchFlow({ previewing: false, error: apiErrorWords(error) });
        }
      },
      setImportName(name) {
        patchFlow({ name });
      },
      async runImport() {
        const flow = get().data.importFlow;
        if (!flow || flow.stage !== 'preview') return;
        const importId = newCallId('import');
        const mapping = mappingText(flow.kind, flow.mapping);
        patchFlow({
          stage: 'importing',
          progress: { read: 0, total: flow.text.length },
          error: null,
        });
        const stop = api.onImportProgress((event) => {
          if (event.importId === importId)
            patchFlow({ progress: { read: event.read, total: event.total } });
        });
        try {
          const result = await api.importDataset({
            kind: flow.kind,
            name: flow.name.trim() || nameFromFile(flow.fileName),
            fileName: flow.fileName,
            text: flow.text,
            importId,
            ...(mapping && { mapping }),
          });
          patchFlow({
            stage: 'done',
            result,
            progress: { read: flow.text.length, total: flow.text.length },
          });
          await get().refreshDatasets(result.dataset.id);
        } catch (error) {
          patchFlow({ stage: 'preview', progress: null, error: apiErrorWords(error) });
        } finally {
          stop();
        }
      },
      closeImport() {
        patch({ importFlow: null });
        if (get().dialog?.type === 'import-data') get().closeDialog();
      },
      async generateSampleData(input) {
        patch({ generating: true });
        try {
          const made = await api.generateSampleData(input);
          await get().refreshDatasets(made.events.id);
          get().notify(
            words('notice.generated', {
              customers: made.profiles.rows,
              events: made.events.rows,
            }),
            'success',
          );
          return made;
        } catch (error) {
          get().notify(apiErrorWords(error), 'error');
          return undefined;
        } finally {
          patch({ generating: false });
        }
      },
      async deleteDataset(id) {
        try {
          await api.deleteDataset({ id });
          if (get().dialog?.type === 'delete-dataset') get().closeDialog();
          await get().refreshDatasets();
          get().forgetDataset(id);
        } catch (error) {
          get().notify(apiErrorWords(error), 'error');
        }
      },
    };
  };
