export interface TimeInputProps {
  id: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  label?: string;
  placeholder?: string;
}

/** A 24-hour local time of day (`HH:MM`), with the browser's own time picker. */
export function TimeInput({ id, value, onChange, label }: TimeInputProps) {
  return (
    <input
      id={id}
      className="input is-time"
      type="time"
      step={60}
      value={value ?? ''}
      aria-label={label}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    />
  );
}
