import { WEEKDAYS, weekdayLabel, type Weekday } from '../../../core/model/local-time';

export interface WeekdayPickerProps {
  labelledBy: string;
  value: readonly string[] | undefined;
  /** Undefined means every day. */
  onChange: (value: Weekday[] | undefined) => void;
}

/** Seven toggles, Monday first. None pressed means every day. */
export function WeekdayPicker({ labelledBy, value, onChange }: WeekdayPickerProps) {
  const chosen = new Set(value ?? []);
  return (
    <div className="weekdays" role="group" aria-labelledby={labelledBy}>
      {WEEKDAYS.map((day) => {
        const pressed = chosen.has(day);
        return (
          <button
            key={day}
            type="button"
            className={`weekday${pressed ? ' is-on' : ''}`}
            aria-pressed={pressed}
            onClick={() => {
              const next = WEEKDAYS.filter((d) => (d === day ? !pressed : chosen.has(d)));
              onChange(next.length ? next : undefined);
            }}
          >
            {weekdayLabel(day)}
          </button>
        );
      })}
      <span className="weekdays-note">{chosen.size === 0 ? 'Every day' : ''}</span>
    </div>
  );
}
