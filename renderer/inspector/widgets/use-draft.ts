import { useState } from 'react';

/**
 * Text a user is typing for a value stored in another form (a number, a list). The text is kept
 * while it still means the stored value, so "SE, " is not cut back to "SE" mid-typing, and is
 * replaced when the value changes from elsewhere (undo, another field).
 */
export function useDraft<T>(
  value: T,
  format: (value: T) => string,
  parse: (text: string) => T,
): [string, (text: string) => T] {
  const [draft, setDraft] = useState(() => format(value));
  const [seen, setSeen] = useState(value);
  let text = draft;
  if (seen !== value) {
    const same = JSON.stringify(parse(draft)) === JSON.stringify(value);
    text = same ? draft : format(value);
    setSeen(value);
    if (!same) setDraft(text);
  }
  return [
    text,
    (next: string) => {
      setDraft(next);
      const parsed = parse(next);
      setSeen(parsed);
      return parsed;
    },
  ];
}
