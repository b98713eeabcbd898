import { useId, useMemo } from 'react';

function timeZones(): string[] {
  const supported =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...supported.filter((z) => z !== 'UTC')];
}

export interface TimezoneInputProps {
  id: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}

/** An IANA time zone, searchable by any part of its name ("stock" finds Europe/Stockholm). */
export function TimezoneInput({ id, value, onChange }: TimezoneInputProps) {
  const listId = useId();
  const zones = useMemo(() => timeZones(), []);
  return (
    <>
      <input
        id={id}
        className="input"
        list={listId}
        value={value ?? ''}
        placeholder="UTC"
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value.trim() === '' ? undefined : e.target.value.trim())}
      />
      <datalist id={listId}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
