import { useState } from 'react';
import { isRecord } from '../../../core/model/json-text';
import { useT } from '../../i18n/I18nProvider';
import { CloseIcon, PlusIcon } from '../../nodes/icons';
import { formatValue, parseScalar } from './value-text';

export interface KeyValueEditorProps {
  value: unknown;
  onChange: (value: Record<string, unknown> | undefined) => void;
  /** Numbers only (lead scoring), or any value (text, number, true/false). */
  numbers?: boolean;
  addLabel: string;
}

interface Row {
  name: string;
  value: string;
}

function rowsOf(value: unknown): Row[] {
  return isRecord(value)
    ? Object.entries(value).map(([name, v]) => ({ name, value: formatValue(v) }))
    : [];
}

/**
 * Attribute = value rows (set, or add to a number). Rows are edited locally and written when they
 * make a valid map, so a name being typed or a duplicate for a moment is never lost.
 */
export function KeyValueEditor({ value, onChange, numbers, addLabel }: KeyValueEditorProps) {
  const t = useT();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(value));
  const [seen, setSeen] = useState(value);
  let shown = rows;
  if (seen !== value) {
    const external = JSON.stringify(value) !== JSON.stringify(toMap(rows, numbers));
    setSeen(value);
    if (external) {
      shown = rowsOf(value);
      setRows(shown);
    }
  }
  const update = (next: Row[]) => {
    setRows(next);
    const names = next.map((r) => r.name.trim());
    if (names.some((n) => n === '') || new Set(names).size !== names.length) return;
    const map = toMap(next, numbers);
    setSeen(map);
    onChange(Object.keys(map ?? {}).length ? map : undefined);
  };
  return (
    <div className="key-values">
      {shown.map((row, i) => (
        <div className="key-value-row" key={i}>
          <input
            className="input"
            value={row.name}
            placeholder={t('inspector.attributes.namePlaceholder')}
            aria-label={t('inspector.attributes.name', { n: i + 1 })}
            spellCheck={false}
            onChange={(e) =>
              update(shown.map((r, j) => (j === i ? { ...r, name: e.target.value } : r)))
            }
          />
          <span className="key-value-sign">{numbers ? '+' : '='}</span>
          <input
            className={`input${numbers ? ' is-number' : ''}`}
            type={numbers ? 'number' : 'text'}
            value={row.value}
            placeholder={numbers ? '10' : t('inspector.attributes.valuePlaceholder')}
            aria-label={t('inspector.attributes.value', { n: i + 1 })}
            onChange={(e) =>
              update(shown.map((r, j) => (j === i ? { ...r, value: e.target.value } : r)))
            }
          />
          <button
            type="button"
            className="icon-button"
            aria-label={
              row.name
                ? t('inspector.attributes.remove', { name: row.name })
                : t('inspector.attributes.removeRow', { n: i + 1 })
            }
            onClick={() => update(shown.filter((_, j) => j !== i))}
          >
            <CloseIcon size={14} />
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button is-quiet is-small"
        onClick={() => setRows([...shown, { name: '', value: numbers ? '10' : '' }])}
      >
        <PlusIcon size={14} /> {addLabel}
      </button>
    </div>
  );
}

function toMap(
  rows: readonly Row[],
  numbers: boolean | undefined,
): Record<string, unknown> | undefined {
  if (rows.length === 0) return undefined;
  const map: Record<string, unknown> = {};
  for (const row of rows) {
    map[row.name.trim()] = numbers
      ? row.value === ''
        ? 0
        : Number(row.value)
      : parseScalar(row.value);
  }
  return map;
}
