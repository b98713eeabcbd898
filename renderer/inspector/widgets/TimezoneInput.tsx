import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import { useT } from '../../i18n/I18nProvider';
import { findZones, searchable, zoneChoices, type ZoneChoice } from './time-zones';

export interface TimezoneInputProps {
  id: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}

/** The choice a finished word names on its own: "stockholm", "Stockholm (UTC+1)", the zone's id. */
function exactChoice(choices: readonly ZoneChoice[], text: string): ZoneChoice | undefined {
  const wanted = searchable(text.trim());
  if (!wanted) return undefined;
  const named = choices.filter(
    (c) =>
      searchable(c.label) === wanted ||
      searchable(c.label.replace(/\s*\(.*\)$/, '')) === wanted ||
      searchable(c.zone) === wanted,
  );
  return named.length === 1 ? named[0] : undefined;
}

/**
 * A time zone picked by city: a combobox (ARIA 1.2 pattern) whose list holds every city with its
 * offset now, west to east, named in the chosen language. Typing filters the list ("sto" finds
 * Stockholm); arrows move through it, Enter picks, Escape puts the text back. The journey keeps
 * the zone's id, which the marketer never needs to see.
 */
export function TimezoneInput({ id, value, onChange }: TimezoneInputProps) {
  const t = useT();
  const intl = useIntl();
  const listId = useId();
  const list = useRef<HTMLUListElement>(null);
  // Offsets as they are today; a list open across a clock change is corrected when next opened.
  const [now, setNow] = useState(() => Date.now());
  const choices = useMemo(
    () => zoneChoices(t, intl.locale, now, value),
    [t, intl.locale, now, value],
  );
  const current = choices.find((c) => c.zone === value);
  const shown = current
    ? current.label
    : value
      ? t('timezone.unknown', { zone: value })
      : t('timezone.utc');
  const [text, setText] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = text ?? '';
  const found = useMemo(() => findZones(choices, query), [choices, query]);
  const activeChoice = open ? found[active] : undefined;

  useEffect(() => {
    if (!activeChoice) return;
    const option = list.current?.querySelector<HTMLElement>(`[data-zone="${activeChoice.zone}"]`);
    option?.scrollIntoView?.({ block: 'nearest' });
  }, [activeChoice]);

  const openAt = (index: number) => {
    setNow(Date.now());
    setOpen(true);
    setActive(index);
  };
  const pick = (choice: ZoneChoice) => {
    if (choice.zone !== value) onChange(choice.zone);
    setText(null);
    setOpen(false);
  };
  const leave = () => {
    const typed = text !== null ? exactChoice(choices, text) : undefined;
    if (typed) pick(typed);
    setText(null);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const last = found.length - 1;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open)
          openAt(
            Math.max(
              0,
              found.findIndex((c) => c.zone === value),
            ),
          );
        else setActive(Math.min(last, active + 1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!open)
          openAt(
            Math.max(
              0,
              found.findIndex((c) => c.zone === value),
            ),
          );
        else setActive(Math.max(0, active - 1));
        break;
      case 'PageDown':
        if (open) {
          e.preventDefault();
          setActive(Math.min(last, active + 10));
        }
        break;
      case 'PageUp':
        if (open) {
          e.preventDefault();
          setActive(Math.max(0, active - 10));
        }
        break;
      case 'Enter': {
        const choice = activeChoice ?? (text !== null ? exactChoice(choices, text) : undefined);
        if (choice) {
          e.preventDefault();
          pick(choice);
        }
        break;
      }
      case 'Escape':
        if (open || text !== null) {
          // Only this field's list closes; a dialog around it stays open.
          e.stopPropagation();
          setText(null);
          setOpen(false);
        }
        break;
    }
  };

  return (
    <div className="tz-picker">
      <input
        id={id}
        className="input"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeChoice ? `${listId}-${activeChoice.zone}` : undefined}
        value={text ?? shown}
        placeholder={t('timezone.search')}
        spellCheck={false}
        autoComplete="off"
        onFocus={(e) => e.currentTarget.select()}
        onClick={() => {
          if (!open)
            openAt(
              Math.max(
                0,
                found.findIndex((c) => c.zone === value),
              ),
            );
        }}
        onChange={(e) => {
          setText(e.target.value);
          if (!open) setNow(Date.now());
          setOpen(true);
          setActive(e.target.value.trim() ? 0 : -1);
        }}
        onKeyDown={onKeyDown}
        onBlur={leave}
      />
      <ul
        ref={list}
        id={listId}
        className="tz-list"
        role="listbox"
        aria-label={t('timezone.list')}
        hidden={!open}
      >
        {open &&
          found.map((choice, index) => (
            <li
              key={choice.zone}
              id={`${listId}-${choice.zone}`}
              data-zone={choice.zone}
              role="option"
              aria-selected={choice.zone === value}
              className={`tz-option${index === active ? ' is-active' : ''}`}
              // Pressed, not clicked: the input keeps the focus, so its blur does not close first.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(choice);
              }}
            >
              <span className="tz-city">{choice.label}</span>
              {choice.description && <span className="tz-name">{choice.description}</span>}
            </li>
          ))}
      </ul>
      {open && found.length === 0 && (
        <p className="tz-none">{t('timezone.none', { query: text ?? '' })}</p>
      )}
      <span className="visually-hidden" role="status">
        {open && text ? t('timezone.count', { count: found.length }) : ''}
      </span>
    </div>
  );
}
