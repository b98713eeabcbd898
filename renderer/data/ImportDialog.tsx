import { Modal } from '../panels/Modal';
import { count, plural } from '../simulation/format';
import { useApp, useAppStore } from '../store/app-store';
import type { ImportFlow } from '../store/data-slice';
import { cellText, MAPPED_FIELDS, previewColumns, unmappedFields } from './column-mapping';
import { ProgressBar } from './ProgressBar';

function size(chars: number): string {
  if (chars < 1024) return `${chars} bytes`;
  if (chars < 1024 * 1024) return `${Math.round(chars / 1024)} KB`;
  return `${(chars / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Importing a profile or event file: its first rows as the importer reads them, the columns to
 * read the id, name and time from (guessed for common exports, changeable, the preview follows),
 * then the import with its progress, and the rows left out, each with its line and reason.
 */
export function ImportDialog() {
  const flow = useApp((s) => s.data.importFlow);
  const { closeImport, runImport, setImportName } = useAppStore().getState();
  if (!flow) return null;
  const noun = flow.kind === 'events' ? 'events' : 'profiles';
  const done = flow.stage === 'done';
  const importing = flow.stage === 'importing';
  const missing = flow.preview ? unmappedFields(flow.kind, flow.preview.columns, flow.mapping) : [];
  const readable = !!flow.preview && flow.preview.rows.length > 0 && missing.length === 0;
  return (
    <Modal
      title={done ? `Imported ${noun}` : `Import ${noun}`}
      onClose={closeImport}
      size="large"
      actions={
        done ? (
          <button type="button" className="button is-primary" onClick={closeImport}>
            Done
          </button>
        ) : (
          <>
            <button type="button" className="button is-quiet" onClick={closeImport}>
              Cancel
            </button>
            <button
              type="button"
              className="button is-primary"
              disabled={!readable || importing || flow.previewing}
              onClick={() => void runImport()}
            >
              {importing ? 'Importing…' : `Import ${noun}`}
            </button>
          </>
        )
      }
    >
      <div className="import" data-testid="import-dialog">
        <div className="import-file">
          <span className="import-file-name">{flow.fileName}</span>
          <span className="import-file-meta">
            {flow.preview ? `${flow.preview.format.toUpperCase()} · ` : ''}
            {size(flow.text.length)}
          </span>
        </div>
        <ImportWarnings
          warnings={[...flow.readWarnings, ...(done && flow.result ? flow.result.warnings : [])]}
        />
        {done && flow.result ? (
          <ImportResultView flow={flow} />
        ) : (
          <>
            <div className="field">
              <label className="field-label" htmlFor="import-name">
                Name
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
                label={`Reading ${flow.fileName}`}
                done={flow.progress?.read ?? 0}
                total={flow.progress?.total ?? flow.text.length}
              />
            ) : (
              <PreviewTable flow={flow} />
            )}
            {flow.error && (
              <p className="form-error" role="alert">
                {flow.error}
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
  const columns = flow.preview?.columns ?? [];
  if (!flow.preview) return null;
  return (
    <section className="import-mapping" aria-label="Columns">
      <div className="import-section-head">
        <h3 className="section-title">Columns</h3>
        {flow.suggested && (
          <span className="import-note" data-testid="mapping-suggested">
            Matched from the column names. Change any that are wrong.
          </span>
        )}
      </div>
      <div className="mapping-grid">
        {MAPPED_FIELDS[flow.kind].map((field) => {
          const chosen = flow.mapping[field.target] ?? '';
          const id = `map-${field.target}`;
          return (
            <div className="field" key={field.target}>
              <label className="field-label" htmlFor={id}>
                {field.label}
                <span className="field-optional">{field.help}</span>
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
                <option value="">Choose a column…</option>
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
  const preview = flow.preview;
  if (!preview) {
    return <p className="import-loading">{flow.previewing ? 'Reading the file…' : ''}</p>;
  }
  const columns = previewColumns(flow.kind, preview.rows, flow.mapping);
  return (
    <section className="import-preview" aria-label="Preview" aria-busy={flow.previewing}>
      <div className="import-section-head">
        <h3 className="section-title">Preview</h3>
        <span className="import-note">
          {preview.rows.length
            ? `The first ${plural(preview.rows.length, 'row')}, as they will be read`
            : 'No row can be read with these columns yet'}
        </span>
      </div>
      {preview.rows.length > 0 && (
        <div
          className={`table-scroll${flow.previewing ? ' is-stale' : ''}`}
          tabIndex={0}
          role="region"
          aria-label="Preview of the rows"
        >
          <table className="data-table" data-testid="import-preview">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.key}
                    <span className="th-from">
                      {c.from ? `from ${c.from} · ` : ''}
                      {c.type === 'mixed' ? 'number or text' : c.type}
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
          caption={preview.rows.length ? 'Rows that will be left out' : 'Why nothing can be read'}
        />
      )}
    </section>
  );
}

/** What to check although the rows were read: a guessed encoding, repeated ids. */
function ImportWarnings({ warnings }: { warnings: readonly { code: string; message: string }[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="import-warnings" data-testid="import-warnings">
      {warnings.map((w) => (
        <li key={w.code} className="import-warning" data-code={w.code}>
          {w.message}
        </li>
      ))}
    </ul>
  );
}

function ImportResultView({ flow }: { flow: ImportFlow }) {
  const result = flow.result;
  if (!result) return null;
  const { dataset, problems, problemsTruncated } = result;
  const unit = dataset.kind === 'events' ? 'event' : 'profile';
  return (
    <div className="import-result" data-testid="import-result">
      <ProgressBar label="Read" done={1} total={1} />
      <dl className="stat-row">
        <div>
          <dt>Kept</dt>
          <dd data-testid="import-kept">{count(dataset.rows)}</dd>
          <span>{dataset.rows === 1 ? unit : `${unit}s`}</span>
        </div>
        {dataset.kind === 'events' && (
          <div>
            <dt>Profiles</dt>
            <dd>{count(dataset.profiles)}</dd>
            <span>who did something</span>
          </div>
        )}
        <div className={dataset.rejected ? 'is-warning' : ''}>
          <dt>Left out</dt>
          <dd data-testid="import-rejected">{count(dataset.rejected)}</dd>
          <span>{dataset.rejected === 1 ? 'row' : 'rows'} with a problem</span>
        </div>
      </dl>
      {problems.length > 0 ? (
        <ProblemTable
          problems={problems}
          caption={
            problemsTruncated
              ? `The first ${count(problems.length)} rows left out`
              : 'Rows left out'
          }
        />
      ) : (
        <p className="import-note">Every row was read.</p>
      )}
    </div>
  );
}

function ProblemTable({
  problems,
  caption,
}: {
  problems: readonly { line: number; code: string; reason: string; column?: string }[];
  caption: string;
}) {
  return (
    <div className="problem-table">
      <h3 className="section-title">{caption}</h3>
      <div className="table-scroll is-short" tabIndex={0} role="region" aria-label={caption}>
        <table className="data-table" data-testid="import-problems">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Problem</th>
              <th scope="col">Why</th>
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
                <td className="is-wrap">{p.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
