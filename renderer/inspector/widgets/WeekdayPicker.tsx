import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { WEEKDAYS, type Weekday } from '../../../core/model/local-time';
import { useT } from '../../i18n/I18nProvider';

export interface WeekdayPickerProps {
  labelledBy: string;
  value: readonly string[] | undefined;
  /** Undefined means every day. */
  onChange: (value: Weekday[] | undefined) => void;
}

/** Noon on Monday 1 January 2024, in UTC: the week the weekday names are read from. */
const A_MONDAY = Date.UTC(2024, 0, 1, 12);
const DAY = 86_400_000;

/** Seven toggles, Monday first, named in the app's language. None pressed means every day. */
export function WeekdayPicker({ labelledBy, value, onChange }: WeekdayPickerProps) {
  const t = useT();
  const intl = useIntl();
  const names = useMemo(
    () =>
      WEEKDAYS.map((_, i) => {
        const at = A_MONDAY + i * DAY;
        // Bokmål abbreviates with a full stop ("man."); the button has no room for it.
        const short = intl.formatDate(at, { weekday: 'short', timeZone: 'UTC' }).replace(/\.$/, '');
        return { short, long: intl.formatDate(at, { weekday: 'long', timeZone: 'UTC' }) };
      }),
    [intl],
  );
  const chosen = new Set(value ?? []);
  return (
    <div className="weekdays" role="group" aria-labelledby={labelledBy}>
      {WEEKDAYS.map((day, i) => {
        const pressed = chosen.has(day);
        return (
          <button
            key={day}
            type="button"
            className={`weekday${pressed ? ' is-on' : ''}`}
            aria-pressed={pressed}
            aria-label={names[i]?.long}
            title={names[i]?.long}
            onClick={() => {
              const next = WEEKDAYS.filter((d) => (d === day ? !pressed : chosen.has(d)));
              onChange(next.length ? next : undefined);
            }}
          >
            {names[i]?.short}
          </button>
        );
      })}
      <span className="weekdays-note">
        {chosen.size === 0 ? t('inspector.weekdays.every') : ''}
      </span>
    </div>
  );
}
