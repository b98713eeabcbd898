import { useState } from 'react';
import { useT } from '../../i18n/I18nProvider';
import { CloseIcon, PlusIcon } from '../../nodes/icons';

export interface NameListEditorProps {
  value: unknown;
  onChange: (value: string[] | undefined) => void;
  addLabel: string;
  itemLabel: string;
}

/** A list of names (attributes to remove). */
export function NameListEditor({ value, onChange, addLabel, itemLabel }: NameListEditorProps) {
  const t = useT();
  const names = Array.isArray(value)
    ? value.map((v) => (typeof v === 'string' ? v : String(v)))
    : [];
  const [focusLast, setFocusLast] = useState(false);
  const write = (next: string[]) => onChange(next.length ? next : undefined);
  return (
    <div className="name-list">
      {names.map((name, i) => (
        <div className="key-value-row" key={i}>
          <input
            className="input"
            value={name}
            placeholder={t('inspector.attributes.namePlaceholder')}
            aria-label={t('inspector.attributes.item', { label: itemLabel, n: i + 1 })}
            spellCheck={false}
            autoFocus={focusLast && i === names.length - 1}
            onChange={(e) => write(names.map((n, j) => (j === i ? e.target.value : n)))}
            onBlur={() => setFocusLast(false)}
          />
          <button
            type="button"
            className="icon-button"
            aria-label={t('inspector.attributes.remove', { name: name || itemLabel })}
            onClick={() => write(names.filter((_, j) => j !== i))}
          >
            <CloseIcon size={14} />
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button is-quiet is-small"
        onClick={() => {
          setFocusLast(true);
          write([...names, '']);
        }}
      >
        <PlusIcon size={14} /> {addLabel}
      </button>
    </div>
  );
}
