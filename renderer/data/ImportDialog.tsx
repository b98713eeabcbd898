import type { ImportProblemView, ImportWarningView } from '../../core/api/data-contract';
import { useFormats } from '../i18n/format';
import { useLocale, useT, type Translate } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';
import { Modal } from '../panels/Modal';
import { useTimeFormats } from '../simulation/use-time-formats';
import { useApp, useAppStore } from '../store/app-store';
import type { ImportFlow } from '../store/data-slice';
import {
  cellText,
  MAPPED_FIELDS,
  previewColumns,
  unmappedFields,
  type ColumnType,
} from './column-mapping';
import { ProgressBar } from './ProgressBar';
import { importWarningText } from './import-warnings';
import { rowProblemText } from './row-problems';
import { say } from '../i18n/words';

function size(t: Translate, chars: number): string {
  if (chars < 1024) return t('data.size.bytes', { n: chars });
  if (chars < 1024 * 1024) return t('data.size.kb', { n: Math.round(chars / 1024) });
  return t('data.size.mb', { n: Number((chars / 1024 / 1024).toFixed(1)) });
}

/** The question each field of the mapping asks, in a marketer's words. */
const QUESTIONS: Record<string, { question: MessageId; help: MessageId }> = {
  'profiles.id': { question: 'data.import.ask.profileId', help: 'data.import.ask.profileIdHelp' },
  'events.profile_id': {
    question: 'data.import.ask.eventWho',
    help: 'data.import.ask.eventWhoHelp',
  },
  'events.name': { question: 'data.import.ask.eventWhat', help: 'data.import.ask.eventWhatHelp' },
  'events.time': { question: 'data.import.ask.eventWhen', help: 'data.import.ask.eventWhenHelp' },
};

/** The format as a marketer knows it: a workbook's sheet arrives as CSV, but is a workbook. */
function formatName(fileName: string, format: string): string {
  if (/\.xlsx$/i.test(fileName)) return 'Excel';
  if (/\.ods$/i.test(fileName)) return 'OpenDocument';
  return format.toUpperCase();
}

/**
 * Importing a profile or event file: its first rows as the importer reads them, the columns to
 * read the id, name and time from (guessed for common exports, changeable, the preview follows),
 * then the import with its progress, and the rows left out, each with its line and reason.
 */
export function ImportDialog() {
  const flow = useApp((s) => s.data.importFlow);
  const { closeImport, runImport, setImportName, setImportSheet } = useAppStore().getState();
  const t = useT();
  if (!flow) return null;
  const events = flow.kind === 'events';
  const done = flow.stage === 'done';
  const importing = flow.stage === 'importing';
  const missing = flow.preview ? unmappedFields(flow.kind, flow.preview.columns, flow.mapping) : [];
  const readable = !!flow.preview && flow.preview.rows.length > 0 && missing.length === 0;
  return (
    <Modal
      title={t(
        done
          ? events
            ? 'data.import.doneEvents'
            : 'data.import.doneProfiles'
          : events
            ? 'data.import.titleEvents'
            : 'data.import.titleProfiles',
      )}
      onClose={closeImport}
      size="large"
      actions={
        done ? (
          <button type="button" className="button is-primary" onClick={closeImport}>
            {t('data.import.done')}
          </button>
        ) : (
          <>
            <button type="button" className="button is-quiet" onClick={closeImport}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button is-primary"
              disabled={!readable || importing || flow.previewing}
              onClick={() => void runImport()}
            >
              {t(
                importing
                  ? 'data.import.importing'
                  : events
                    ? 'data.import.titleEvents'
                    : 'data.import.titleProfiles',
              )}
            </button>
          </>
        )
      }
    >
      <div className="import" data-testid="import-dialog">
        <div className="import-file">
          <span className="import-file-name">{flow.fileName}</span>
          <span className="import-file-meta">
            {flow.preview ? formatName(flow.fileName, flow.preview.format) : ''}
            {/* A workbook's sheet arrives as text whose length is not the file's size. */}
            {flow.sheets === undefined &&
              `${flow.preview ? ' · ' : ''}${size(t, flow.text.length)}`}
          </span>
        </div>
        <ImportWarnings
          warnings={[...flow.readWarnings, ...(done && flow.result ? flow.result.warnings : [])]}
        />
        {done && flow.result ? (
          <ImportResultView flow={flow} />
        ) : (
          <>
            {flow.sheets && flow.sheets.length > 1 && (
              <div className="field">
                <label className="field-label" htmlFor="import-sheet">
                  {t('data.import.sheet')}
                  <span className="field-optional">
                    {t('data.import.sheetHelp', { n: flow.sheets.length })}
                  </span>
                </label>
                <select
                  id="import-sheet"
                  className="select"
                  value={flow.sheet ?? flow.sheets[0]}
                  disabled={importing}
                  onChange={(e) => void setImportSheet(e.target.value)}
                >
                  {flow.sheets.map((sheet) => (
                    <option key={sheet} value={sheet}>
                      {sheet}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="field">
              <label className="field-label" htmlFor="import-name">
                {t('data.import.name')}
              </label>
              <input
                id="import-name"
                className="input"
                value={flow.name}
                disabled={importing}
                onChange={(e) => setImportName(e.target.value)}
              />
            </div>
            <MappingFields flow={flow} disabled={importing} />
            {importing ? (
              <ProgressBar
                label={t('data.import.reading', { file: flow.fileName })}
                done={flow.progress?.read ?? 0}
                total={flow.progress?.total ?? flow.text.length}
              />
            ) : (
              <PreviewTable flow={flow} />
            )}
            {flow.error && (
              <p className="form-error" role="alert">
                {say(t, flow.error)}
              </p>
            )}
          </>
        )}
      </div>
    </Modal>
  );
}

function MappingFields({ flow, disabled }: { flow: ImportFlow; disabled: boolean }) {
  const setImportMapping = useApp((s) => s.setImportMapping);
  const t = useT();
  const columns = flow.preview?.columns ?? [];
  if (!flow.preview) return null;
  return (
    <section className="import-mapping" aria-label={t('data.import.columns')}>
      <div className="import-section-head">
        <h3 className="section-title">{t('data.import.columns')}</h3>
        {flow.suggested && (
          <span className="import-note" data-testid="mapping-suggested">
            {t('data.import.suggested')}
          </span>
        )}
      </div>
      <div className="mapping-grid">
        {MAPPED_FIELDS[flow.kind].map((field) => {
          const chosen = flow.mapping[field.target] ?? '';
          const id = `map-${field.target}`;
          const words = QUESTIONS[`${flow.kind}.${field.target}`];
          return (
            <div className="field" key={field.target}>
              <label className="field-label" htmlFor={id}>
                {words ? t(words.question) : field.label}
                <span className="field-optional">{words ? t(words.help) : field.help}</span>
              </label>
              <select
                id={id}
                className="select"
                value={chosen}
                disabled={disabled}
                onChange={(e) => void setImportMapping(field.target, e.target.value)}
              >
                {!columns.includes(chosen) && chosen !== '' && (
                  <option value={chosen}>{chosen}</option>
                )}
                <option value="">{t('data.import.chooseColumn')}</option>
                {columns.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
    </section>
  );
}

function PreviewTable({ flow }: { flow: ImportFlow }) {
  const t = useT();
  const preview = flow.preview;
  if (!preview) {
    return <p className="import-loading">{flow.previewing ? t('data.import.readingFile') : ''}</p>;
  }
  const columns = previewColumns(flow.kind, preview.rows, flow.mapping);
  return (
    <section
      className="import-preview"
      aria-label={t('data.import.preview')}
      aria-busy={flow.previewing}
    >
      <div className="import-section-head">
        <h3 className="section-title">{t('data.import.preview')}</h3>
        <span className="import-note">
          {preview.rows.length
            ? t('data.import.firstRows', { rows: preview.rows.length })
            : t('data.import.noRowsYet')}
        </span>
      </div>
      {preview.rows.length > 0 && (
        <div
          className={`table-scroll${flow.previewing ? ' is-stale' : ''}`}
          tabIndex={0}
          role="region"
          aria-label={t('data.import.previewRegion')}
        >
          <table className="data-table" data-testid="import-preview">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.key}
                    <span className="th-from">
                      {c.from ? `${t('data.import.from', { column: c.from })} · ` : ''}
                      {t(TYPE_WORDS[c.type])}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row, i) => (
                <tr key={i}>
                  {columns.map((c) => {
                    const cell = cellText(row[c.key], c.type);
                    return (
                      <td key={c.key} className={`is-${cell.kind}`} title={cell.text}>
                        {cell.text}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview.problems.length > 0 && (
        <ProblemTable
          problems={preview.problems}
          caption={t(preview.rows.length ? 'data.import.willLeaveOut' : 'data.import.whyNothing')}
        />
      )}
    </section>
  );
}

/** What to check although the rows were read: a guessed encoding, repeated ids. */
const TYPE_WORDS: Record<ColumnType, MessageId> = {
  text: 'data.type.text',
  number: 'data.type.number',
  time: 'data.type.time',
  'yes/no': 'data.type.yesNo',
  mixed: 'data.type.mixed',
  empty: 'data.type.empty',
};

function ImportWarnings({ warnings }: { warnings: readonly ImportWarningView[] }) {
  const t = useT();
  const { locale } = useLocale();
  if (warnings.length === 0) return null;
  return (
    <ul className="import-warnings" data-testid="import-warnings">
      {warnings.map((w) => (
        <li key={w.code} className="import-warning" data-code={w.code}>
          {importWarningText(t, locale, w)}
        </li>
      ))}
    </ul>
  );
}

function ImportResultView({ flow }: { flow: ImportFlow }) {
  const t = useT();
  const { count } = useTimeFormats();
  const result = flow.result;
  if (!result) return null;
  const { dataset, problems, problemsTruncated } = result;
  return (
    <div className="import-result" data-testid="import-result">
      <ProgressBar label={t('data.import.read')} done={1} total={1} />
      <dl className="stat-row">
        <div>
          <dt>{t('data.import.kept')}</dt>
          <dd data-testid="import-kept">{count(dataset.rows)}</dd>
          <span>
            {t(dataset.kind === 'events' ? 'data.unit.events' : 'data.unit.profiles', {
              n: dataset.rows,
            })}
          </span>
        </div>
        {dataset.kind === 'events' && (
          <div>
            <dt>{t('data.profiles')}</dt>
            <dd>{count(dataset.profiles)}</dd>
            <span>{t('data.import.whoDid')}</span>
          </div>
        )}
        <div className={dataset.rejected ? 'is-warning' : ''}>
          <dt>{t('data.leftOut')}</dt>
          <dd data-testid="import-rejected">{count(dataset.rejected)}</dd>
          <span>{t('data.import.rowsWithProblem', { n: dataset.rejected })}</span>
        </div>
      </dl>
      {problems.length > 0 ? (
        <ProblemTable
          problems={problems}
          caption={
            problemsTruncated
              ? t('data.import.firstLeftOut', { n: problems.length })
              : t('data.import.rowsLeftOut')
          }
        />
      ) : (
        <p className="import-note">{t('data.import.everyRow')}</p>
      )}
    </div>
  );
}

function ProblemTable({
  problems,
  caption,
}: {
  problems: readonly ImportProblemView[];
  caption: string;
}) {
  const t = useT();
  const f = useFormats();
  const { locale } = useLocale();
  return (
    <div className="problem-table">
      <h3 className="section-title">{caption}</h3>
      <div className="table-scroll is-short" tabIndex={0} role="region" aria-label={caption}>
        <table className="data-table" data-testid="import-problems">
          <thead>
            <tr>
              <th scope="col">{t('data.import.line')}</th>
              <th scope="col">{t('data.import.problem')}</th>
              <th scope="col">{t('data.import.why')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={`${p.line}-${i}`}>
                <td className="is-number">{p.line}</td>
                <td className="is-nowrap">
                  <code>{p.code}</code>
                  {p.column && <span className="problem-column">{p.column}</span>}
                </td>
                <td className="is-wrap">{rowProblemText(t, f, locale, p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
