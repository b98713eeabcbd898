import { useRef } from 'react';

/** Variables every message template can use (DESIGN.md §2, Messages). */
export const TEMPLATE_VARIABLES: readonly { insert: string; label: string }[] = [
  { insert: "{{ profile.first_name | default: 'there' }}", label: 'First name' },
  { insert: '{{ profile.last_name }}', label: 'Last name' },
  { insert: '{{ profile.email }}', label: 'Email address' },
  { insert: "{{ event.brand | default: 'item' }}", label: 'Event: brand' },
  { insert: '{{ event.price }}', label: 'Event: price' },
  { insert: '{{ journey.name }}', label: 'Journey name' },
  { insert: '{{ unsubscribe_url }}', label: 'Unsubscribe link' },
];

export interface TemplateInputProps {
  id: string;
  value: string | undefined;
  onChange: (value: string) => void;
  multiline?: 'html' | 'text';
  label: string;
}

/** A Liquid template field with a menu that inserts variables at the cursor. */
export function TemplateInput({ id, value, onChange, multiline, label }: TemplateInputProps) {
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const insert = (snippet: string) => {
    const element = ref.current;
    const text = value ?? '';
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    onChange(text.slice(0, start) + snippet + text.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + snippet.length, start + snippet.length);
    });
  };
  const common = {
    id,
    ref,
    value: value ?? '',
    spellCheck: multiline !== 'html',
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  return (
    <div className="template-input">
      {multiline ? (
        <textarea
          {...common}
          className={`textarea${multiline === 'html' ? ' is-mono' : ''}`}
          rows={multiline === 'html' ? 7 : 3}
        />
      ) : (
        <input {...common} className="input" />
      )}
      <select
        className="select is-insert"
        value=""
        aria-label={`Insert a variable into ${label}`}
        onChange={(e) => e.target.value && insert(e.target.value)}
      >
        <option value="">{'{ }'} Insert variable…</option>
        {TEMPLATE_VARIABLES.map((v) => (
          <option key={v.insert} value={v.insert}>
            {v.label}
          </option>
        ))}
      </select>
    </div>
  );
}
