import { useRef } from 'react';
import { useT, type Translate } from '../../i18n/I18nProvider';
import type { MessageId } from '../../i18n/messages';

interface TemplateVariable {
  /** What the template reads: `profile.first_name`. */
  path: string;
  label: MessageId;
  /** The word printed when the value is missing, in the language the marketer writes in. */
  fallback?: MessageId;
}

/** Variables every message template can use (DESIGN.md §2, Messages). */
const TEMPLATE_VARIABLES: readonly TemplateVariable[] = [
  {
    path: 'profile.first_name',
    label: 'inspector.variable.firstName',
    fallback: 'inspector.variable.firstNameFallback',
  },
  { path: 'profile.last_name', label: 'inspector.variable.lastName' },
  { path: 'profile.email', label: 'inspector.variable.email' },
  {
    path: 'event.brand',
    label: 'inspector.variable.brand',
    fallback: 'inspector.variable.brandFallback',
  },
  { path: 'event.price', label: 'inspector.variable.price' },
  { path: 'journey.name', label: 'inspector.variable.journeyName' },
  { path: 'unsubscribe_url', label: 'inspector.variable.unsubscribe' },
];

/** The Liquid a variable inserts: `{{ profile.first_name | default: 'du' }}`. */
function snippet(t: Translate, variable: TemplateVariable): string {
  if (!variable.fallback) return `{{ ${variable.path} }}`;
  // A word with an apostrophe is quoted the other way, so the template still reads.
  const word = t(variable.fallback);
  const quote = word.includes("'") ? '"' : "'";
  return `{{ ${variable.path} | default: ${quote}${word}${quote} }}`;
}

export interface TemplateInputProps {
  id: string;
  value: string | undefined;
  onChange: (value: string) => void;
  multiline?: 'html' | 'text';
  label: string;
  placeholder?: string;
}

/** A Liquid template field with a menu that inserts variables at the cursor. */
export function TemplateInput({
  id,
  value,
  onChange,
  multiline,
  label,
  placeholder,
}: TemplateInputProps) {
  const t = useT();
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
    placeholder,
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
        aria-label={t('inspector.variable.insertInto', { label })}
        onChange={(e) => e.target.value && insert(e.target.value)}
      >
        <option value="">{t('inspector.variable.insert')}</option>
        {TEMPLATE_VARIABLES.map((variable) => (
          <option key={variable.path} value={snippet(t, variable)}>
            {t(variable.label)}
          </option>
        ))}
      </select>
    </div>
  );
}
