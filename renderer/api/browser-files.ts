import { ApiError, type AppApi, type AppInput, type AppOutput } from '../../core/api/contract';
import { dataFileText } from '../../core/import/data-file';
import { importRefused, workbookClosed } from '../../core/app/api-errors';
import { ImportError } from '../../core/import/import-problems';
import { decodeFileText } from '../../core/import/text-encoding';
import { downloadText } from './download';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ODS_TYPE = 'application/vnd.oasis.opendocument.spreadsheet';
const DATA_ACCEPT = `.csv,.xlsx,.ods,.json,.ndjson,.jsonl,text/csv,application/json,${XLSX_TYPE},${ODS_TYPE}`;

const ACCEPT: Record<AppInput<'openFile'>['kind'], string> = {
  journey: '.json,application/json',
  profiles: DATA_ACCEPT,
  events: DATA_ACCEPT,
  cases: '.json,application/json',
};

/**
 * The file methods of the AppApi in a browser, where the page itself asks: a file input to open,
 * a download to save. (The desktop shell answers them with native dialogs.) Opening must start
 * from a click, as browsers only show the file chooser then.
 */
export function browserFiles(): Pick<
  AppApi,
  'openFile' | 'openSheet' | 'saveFile' | 'saveSignOffPack' | 'openRecentFile'
> {
  /** The workbook each kind last opened, whose other sheets `openSheet` reads. */
  const workbooks = new Map<AppInput<'openFile'>['kind'], { bytes: Uint8Array; name: string }>();

  async function read(
    kind: AppInput<'openFile'>['kind'],
    bytes: Uint8Array,
    name: string,
    sheet?: string,
  ): Promise<AppOutput<'openSheet'>> {
    try {
      const { text, warnings, sheets } =
        kind === 'profiles' || kind === 'events'
          ? await dataFileText(bytes, name, sheet)
          : { ...decodeFileText(bytes), sheets: undefined };
      if (sheets) workbooks.set(kind, { bytes, name });
      else workbooks.delete(kind);
      return {
        canceled: false,
        kind,
        fileName: name,
        text,
        ...(warnings.length > 0 && { warnings }),
        ...(sheets && { sheets, sheet: sheet ?? sheets[0] ?? '' }),
      };
    } catch (error) {
      // A picture or a PDF picked as data: say what it is rather than show its bytes.
      throw error instanceof ImportError ? importRefused(error, name) : error;
    }
  }

  return {
    openSheet({ kind, sheet }) {
      const workbook = workbooks.get(kind);
      if (!workbook) return Promise.reject(workbookClosed());
      return read(kind, workbook.bytes, workbook.name, sheet);
    },
    openFile({ kind }) {
      return new Promise<AppOutput<'openFile'>>((resolve, reject) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = ACCEPT[kind];
        input.hidden = true;
        input.dataset.testid = 'file-input';
        const done = () => input.remove();
        input.addEventListener('cancel', () => {
          done();
          resolve({ canceled: true });
        });
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          done();
          if (!file) {
            resolve({ canceled: true });
            return;
          }
          // Bytes rather than file.text(), which reads everything as UTF-8: a Latin-1 export
          // from Excel would lose its å, ä and ö.
          file
            .arrayBuffer()
            .then(
              async (buffer) => resolve(await read(kind, new Uint8Array(buffer), file.name)),
              () => {
                throw new ApiError(
                  'invalid-request',
                  `“${file.name}” could not be read.`,
                  undefined,
                  {
                    reason: 'file-unreadable',
                    values: { file: file.name },
                  },
                );
              },
            )
            .catch((error: unknown) =>
              reject(error instanceof Error ? error : new Error(String(error))),
            );
        });
        document.body.append(input);
        input.click();
      });
    },
    saveFile({ suggestedName, text }) {
      downloadText(suggestedName, text);
      return Promise.resolve({ canceled: false, fileName: suggestedName });
    },
    saveSignOffPack({ html }) {
      return printPage(html).then(() => ({ canceled: false as const }));
    },
    openRecentFile() {
      return Promise.reject(
        new ApiError('not-found', 'Recent files are kept by the desktop app only.', undefined, {
          reason: 'recent-files-desktop-only',
        }),
      );
    },
  };
}

/**
 * Opens the browser's print dialog on a page, where the user can print it or save it as a PDF: in
 * a hidden frame of its own that runs no scripts (the page's print styles apply), removed after.
 */
function printPage(html: string): Promise<void> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
    frame.setAttribute('aria-hidden', 'true');
    frame.style.position = 'fixed';
    frame.style.width = '0';
    frame.style.height = '0';
    frame.style.border = '0';
    frame.addEventListener('load', () => {
      frame.contentWindow?.print();
      frame.remove();
      resolve();
    });
    frame.srcdoc = html;
    document.body.append(frame);
  });
}
