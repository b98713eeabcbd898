import { useId } from 'react';
import { useT } from '../../i18n/I18nProvider';
import { useNameSuggestions } from './suggestions';

export interface NameInputProps {
  id?: string;
  value: string | undefined;
  onChange: (value: string) => void;
  kind: 'event' | 'attribute' | 'property';
  label?: string;
  placeholder?: string;
}

/** An event, attribute or property name, with names already used in the journey suggested. */
export function NameInput({ id, value, onChange, kind, label, placeholder }: NameInputProps) {
  const t = useT();
  const listId = useId();
  const suggestions = useNameSuggestions(kind === 'event' ? 'event' : 'attribute');
  return (
    <>
      <input
        id={id}
        className="input"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value)}
        list={kind === 'property' ? undefined : listId}
        aria-label={label}
        placeholder={
          placeholder ??
          t(kind === 'event' ? 'inspector.name.eventExample' : 'inspector.name.attributeExample')
        }
        spellCheck={false}
        autoComplete="off"
      />
      {kind !== 'property' && (
        <datalist id={listId}>
          {suggestions.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      )}
    </>
  );
}
